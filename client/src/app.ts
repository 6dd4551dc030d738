import { type PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { prepareCloud } from './services/cloud';
import './app.css';

/** App root: starts the cloud connection early so the first page's call does not wait. */
function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    prepareCloud().catch(() => {
      // Each page reports its own failed call; an early failure is retried on the next call.
    });
  });
  return children;
}

export default App;
