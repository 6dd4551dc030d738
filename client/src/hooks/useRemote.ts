import { useCallback, useEffect, useRef, useState } from 'react';
import { messageOf } from '../services/cloud-error';

/** State of one remote read: loading, failed with a message for people, or loaded. */
export type RemoteState<T> =
  | { status: 'loading' }
  | { status: 'error'; message: string; error: unknown }
  | { status: 'success'; data: T };

/**
 * Runs `load` when the screen opens and again on `reload()`. Results of a superseded run
 * are dropped, so a slow first answer never overwrites a newer one.
 */
export function useRemote<T>(load: () => Promise<T>, deps: readonly unknown[] = []) {
  const [state, setState] = useState<RemoteState<T>>({ status: 'loading' });
  const runId = useRef(0);

  const reload = useCallback(() => {
    runId.current += 1;
    const thisRun = runId.current;
    setState({ status: 'loading' });
    load().then(
      (data) => {
        if (runId.current === thisRun) setState({ status: 'success', data });
      },
      (error: unknown) => {
        if (runId.current === thisRun) {
          setState({ status: 'error', message: messageOf(error), error });
        }
      },
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);

  useEffect(() => {
    reload();
  }, [reload]);

  return { state, reload };
}
