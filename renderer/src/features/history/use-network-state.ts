import { useCallback, useEffect, useRef, useState } from 'react';
import { historyBridge } from './history-bridge';
import { useLatest } from '../../lib/use-latest';

export interface NetworkStatus {
  /** Null until main has answered. */
  online: boolean | null;
  checkedAt: number | null;
  checking: boolean;
  /** Asks main to probe the gateway now. */
  checkNow(): void;
}

/** Main's view of whether Realsee answers, kept current by the `networkState` event. */
export function useNetworkState(): NetworkStatus {
  const [state, setState] = useState<{ online: boolean | null; checkedAt: number | null }>({ online: null, checkedAt: null });
  const [checking, setChecking] = useState(false);

  useEffect(() => {
    let live = true;
    // Subscribe first so a change that happens while the first answer travels is not lost.
    const unsubscribe = historyBridge().onNetworkState((next) => setState({ online: next.online, checkedAt: next.checkedAt }));
    void historyBridge()
      .getNetworkState()
      .then((result) => {
        if (live && result.ok) setState((previous) => (previous.online === null ? result.value : previous));
      });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const checkNow = useCallback(() => {
    setChecking(true);
    void historyBridge()
      .checkNetwork()
      .then((result) => {
        if (result.ok) setState(result.value);
      })
      .finally(() => setChecking(false));
  }, []);

  return { ...state, checking, checkNow };
}

/** Calls `onReturn` each time the network comes back after having been away. */
export function useOnNetworkReturn(online: boolean | null, onReturn: () => void): void {
  const previous = useRef(online);
  const callback = useLatest(onReturn);
  useEffect(() => {
    const was = previous.current;
    previous.current = online;
    if (was === false && online === true) callback.current();
  }, [online, callback]);
}
