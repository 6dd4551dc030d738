import { View, Text } from '@tarojs/components';
import type { PropsWithChildren } from 'react';
import { fontScaleClass, useFontScale } from '../services/display-settings';

interface ScreenProps {
  title?: string;
}

/** Root of every page: applies the chosen font scale and shows an optional title. */
export function Screen({ title, children }: PropsWithChildren<ScreenProps>) {
  const scale = useFontScale();
  return (
    <View className={`screen ${fontScaleClass(scale)}`}>
      {title ? <Text className='screen-title'>{title}</Text> : null}
      {children}
    </View>
  );
}
