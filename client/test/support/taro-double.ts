/**
 * Test double of `@tarojs/taro` for page tests: navigation, storage, the router and page
 * lifecycle hooks, which need a Taro app around the page. Tests read the recorded
 * navigation and set the route parameters.
 */
const storage = new Map<string, unknown>();

export const navigation: { method: string; url: string }[] = [];
export const routeParams: Record<string, string> = {};

function record(method: string) {
  return jest.fn(({ url }: { url: string }) => {
    navigation.push({ method, url });
    return Promise.resolve();
  });
}

/** Clears navigation, storage and route parameters between tests. */
export function resetTaroDouble(): void {
  navigation.length = 0;
  storage.clear();
  for (const key of Object.keys(routeParams)) delete routeParams[key];
}

const Taro = {
  navigateTo: record('navigateTo'),
  redirectTo: record('redirectTo'),
  reLaunch: record('reLaunch'),
  getStorageSync: jest.fn((key: string) => storage.get(key) ?? ''),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value);
  }),
  showModal: jest.fn(() => Promise.resolve({ confirm: true, cancel: false })),
};

export function useRouter() {
  return { params: routeParams, path: '' };
}

export function useDidShow(): void {}
export function useLaunch(): void {}

export default Taro;
