/** Browser end-to-end test: headless Chromium against the local server (`npm start`). */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/**/*.e2e.test.js'],
  testTimeout: 240_000,
};
