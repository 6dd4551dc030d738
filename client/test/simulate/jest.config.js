/**
 * miniprogram-simulate tests on the weapp build output (`dist/weapp`), compiled with
 * WeChat's own WXML compiler. Run `node scripts/build-if-stale.js weapp` first.
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'jsdom',
  testMatch: ['<rootDir>/**/*.simulate.test.js'],
  transform: {},
  testTimeout: 30_000,
};
