/**
 * Pages of the mini-program. The main package contains the home and "me" pages. Account
 * opening and borrowing are subpackages, so the main package stays small.
 */
/**
 * Shared components that `taro build native-components` turns into native weapp
 * components, for tests of one component on its own; ordinary builds leave them out.
 */
const NATIVE_COMPONENTS = process.argv.includes('native-components')
  ? { components: ['native/installment-table/index'] }
  : {};

export default defineAppConfig({
  ...NATIVE_COMPONENTS,
  pages: ['pages/index/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'account',
      pages: ['consent/index', 'open/index', 'face/index'],
    },
    {
      root: 'loan',
      pages: ['credit/index', 'borrow/index', 'list/index', 'detail/index'],
    },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '微利贷',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f6f8',
  },
});
