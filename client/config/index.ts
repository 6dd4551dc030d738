import path from 'path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';

/** Folder of the shared lending core, compiled into the app from outside `src`. */
const CORE_DIR = path.resolve(__dirname, '../../core');

/**
 * Packages npm keeps inside the workspace (e.g. the React framework plugin, whose optional
 * `vite` peer conflicts with the root's vite) are looked up here as well as in the root.
 */
const CLIENT_MODULES = path.resolve(__dirname, '../node_modules');

function addClientModules(chain: { resolve: { modules: { add(dir: string): unknown } } }) {
  chain.resolve.modules.add(CLIENT_MODULES);
  chain.resolve.modules.add('node_modules');
}

/**
 * Taro build configuration for weapp, qq and h5. Each platform builds into
 * `dist/<platform>`; the local server serves `dist/h5` with a hash router.
 */
export default defineConfig<'webpack5'>((merge, { mode }) => {
  const isProduction = mode === 'production' || process.env.NODE_ENV === 'production';
  const platform = process.env.TARO_ENV ?? 'h5';
  // `taro build native-components` writes the shared components as native components here.
  const outputFolder = process.argv.includes('native-components')
    ? `${platform}-components`
    : platform;

  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'weili-client',
    date: '2026-12-01',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: `dist/${outputFolder}`,
    plugins: [],
    // Settings read by the cloud helper, inlined at build time; unset means the default.
    defineConstants: {
      'process.env.TARO_APP_API_BASE': JSON.stringify(process.env.TARO_APP_API_BASE ?? ''),
      'process.env.TARO_APP_CLOUD_ENV': JSON.stringify(process.env.TARO_APP_CLOUD_ENV ?? ''),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: !isProduction },
    alias: { '@core': CORE_DIR },
    mini: {
      compile: { include: [CORE_DIR] },
      webpackChain: addClientModules,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
      optimizeMainPackage: { enable: true },
    },
    h5: {
      compile: { include: [CORE_DIR] },
      webpackChain: addClientModules,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (!isProduction) {
    return merge({}, baseConfig, { mini: {}, h5: {} });
  }
  return merge({}, baseConfig, { mini: {}, h5: {} });
});
