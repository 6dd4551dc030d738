/// <reference types="@tarojs/taro" />

declare namespace NodeJS {
  interface ProcessEnv {
    /** Platform Taro builds for: weapp, qq or h5. */
    TARO_ENV: 'weapp' | 'qq' | 'h5' | undefined;
    /** CloudBase environment id for weapp and qq; the default environment when unset. */
    TARO_APP_CLOUD_ENV?: string;
    /** Prefix of the local server's API on h5; empty means the page's own origin. */
    TARO_APP_API_BASE?: string;
  }
}

declare module '*.css';
declare module '*.png';
declare module '*.jpg';
