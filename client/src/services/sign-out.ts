import Taro from '@tarojs/taro';
import { clearConsents } from './account-draft';
import { resetCloud } from './cloud';

/**
 * Signs out on this device. Forgets the accepted consents and the prepared cloud
 * connection, then reopens the home page. The font-size setting stays.
 * NOTE: the platform identity stays, because on weapp and qq it is the WeChat or QQ login
 * and on h5 the local server has no route that ends its session cookie.
 */
export function signOut(): void {
  clearConsents();
  resetCloud();
  Taro.reLaunch({ url: '/pages/index/index' });
}
