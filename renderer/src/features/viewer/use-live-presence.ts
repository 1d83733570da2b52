import { plainText } from '../../lib/untrusted-text';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { LivePresence, ViewerBridge } from './viewer-bridge';

export interface PresenceToast {
  id: number;
  kind: 'joined' | 'left';
  name: string;
}

const TOAST_MS = 6_000;

/** Connects main's live channel for the room while `enabled`, and turns join/leave changes into toasts. */
export function useLivePresence(bridge: ViewerBridge, roomCode: string, enabled: boolean) {
  const [presence, setPresence] = useState<LivePresence | null>(null);
  const [toasts, setToasts] = useState<PresenceToast[]>([]);
  const nextId = useRef(1);

  useEffect(() => {
    if (!enabled) return undefined;
    let active = true;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const unsubscribe = bridge.onLivePresence((next) => {
      if (!active || next.roomCode !== roomCode) return;
      setPresence(next);
      if (next.changes.length === 0) return;
      const added = next.changes.map((change) => ({
        id: nextId.current++,
        kind: change.kind,
        name: plainText(change.user.nickname ?? change.user.userId),
      }));
      setToasts((current) => [...current, ...added].slice(-5));
      const timer = setTimeout(() => {
        timers.delete(timer);
        setToasts((current) => current.filter((toast) => !added.includes(toast)));
      }, TOAST_MS);
      timers.add(timer);
    });
    void bridge.connectLiveChannel({ roomCode }).then((result) => {
      if (active && result.ok) setPresence((current) => current ?? result.value);
    });
    return () => {
      active = false;
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
      void bridge.disconnectLiveChannel({ roomCode });
    };
  }, [bridge, roomCode, enabled]);

  const reconnect = useCallback(async () => {
    await bridge.disconnectLiveChannel({ roomCode });
    await bridge.connectLiveChannel({ roomCode });
  }, [bridge, roomCode]);

  return { presence, toasts, reconnect };
}
