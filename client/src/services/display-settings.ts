import Taro from '@tarojs/taro';
import { useSyncExternalStore } from 'react';

/** Font scales the borrower can choose; 1.25 and 1.5 are the elder-friendly sizes (适老化). */
export const FONT_SCALES = [1, 1.25, 1.5] as const;
export type FontScale = (typeof FONT_SCALES)[number];

const STORAGE_KEY = 'display.fontScale';
const listeners = new Set<() => void>();
let current: FontScale | undefined;

function readStored(): FontScale {
  try {
    const stored = Number(Taro.getStorageSync(STORAGE_KEY));
    return (FONT_SCALES as readonly number[]).includes(stored) ? (stored as FontScale) : 1;
  } catch {
    return 1;
  }
}

/** Returns the chosen font scale (1 when nothing is stored). */
export function getFontScale(): FontScale {
  if (current === undefined) current = readStored();
  return current;
}

/** Stores the font scale and re-renders every screen that uses it. */
export function setFontScale(scale: FontScale): void {
  current = scale;
  try {
    Taro.setStorageSync(STORAGE_KEY, scale);
  } catch (error) {
    console.error('could not store the font scale', error);
  }
  listeners.forEach((listener) => listener());
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** React hook: the current font scale, updated when it changes. */
export function useFontScale(): FontScale {
  return useSyncExternalStore(subscribe, getFontScale, getFontScale);
}

/** CSS class that sets the font-scale variable for a screen: "scale-100", "scale-125". */
export function fontScaleClass(scale: FontScale): string {
  return `scale-${Math.round(scale * 100)}`;
}
