import { Text } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { RemoteState } from '../hooks/useRemote';
import { Notice } from './Notice';

interface RemoteViewProps<T> {
  state: RemoteState<T>;
  onRetry: () => void;
  /** Text shown while loading. */
  loadingText?: string;
  /** Decides whether loaded data counts as empty; `renderEmpty` is shown then. */
  isEmpty?: (data: T) => boolean;
  renderEmpty?: () => ReactNode;
  children: (data: T) => ReactNode;
}

/** Renders the loading, error, empty or success view of one remote read. */
export function RemoteView<T>(props: RemoteViewProps<T>) {
  const { state, onRetry, loadingText = '加载中…', isEmpty, renderEmpty } = props;
  if (state.status === 'loading') {
    return <Text className='spinner-text'>{loadingText}</Text>;
  }
  if (state.status === 'error') {
    return <Notice kind='error' message={state.message} actionLabel='重试' onAction={onRetry} />;
  }
  if (isEmpty && renderEmpty && isEmpty(state.data)) {
    return <>{renderEmpty()}</>;
  }
  return <>{props.children(state.data)}</>;
}
