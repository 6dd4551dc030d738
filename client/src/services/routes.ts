/** Paths of every page, for Taro.navigateTo / redirectTo / reLaunch. */
export const ROUTES = {
  home: '/pages/index/index',
  me: '/pages/me/index',
  consent: '/account/consent/index',
  openAccount: '/account/open/index',
  face: '/account/face/index',
  credit: '/loan/credit/index',
  borrow: '/loan/borrow/index',
  loans: '/loan/list/index',
  loanDetail: '/loan/detail/index',
} as const;
