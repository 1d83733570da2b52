import { useCallback, useEffect, useRef, useState } from 'react';
import type { EventPayload, LiveChannelHolder } from '../../../common/contract';
import type { BridgeMethods } from './bridge';
import { dropNotices, enqueueNotices, NOTICE_MS, noticesFor, type PresenceNotice } from './presence-notices';

export type LivePresence = EventPayload<'livePresence'>;
export type LiveUser = LivePresence['users'][number];
export type LiveConnection = LivePresence['connection'];
/** The bridge methods the live presence uses; a screen's own bridge type includes them. */
export type LivePresenceBridge = BridgeMethods<'connectLiveChannel' | 'disconnectLiveChannel' | 'onLivePresence'>;
export type { PresenceNotice as PresenceToast } from './presence-notices';

/**
 * Holds main's live channel of the room as `holder` while `enabled` (the channel stays connected while
 * any part of the app holds it), and turns join/leave changes into notices that drop out after a while.
 * `onChanges` hears each batch of new notices (for a sound).
 */
export function useLivePresence(
  bridge: LivePresenceBridge,
  roomCode: string,
  holder: Extract<LiveChannelHolder, 'presence' | 'tour'>,
  enabled: boolean,
  onChanges?: (added: PresenceNotice[]) => void,
) {
  const [presence, setPresence] = useState<LivePresence | null>(null);
  const [toasts, setToasts] = useState<PresenceNotice[]>([]);
  const nextId = useRef(1);
  const onChangesRef = useRef(onChanges);
  useEffect(() => {
    onChangesRef.current = onChanges;
  }, [onChanges]);

  useEffect(() => {
    if (!enabled) return undefined;
    let active = true;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const unsubscribe = bridge.onLivePresence((next) => {
      if (!active || next.roomCode !== roomCode) return;
      setPresence(next);
      if (next.changes.length === 0) return;
      const added = noticesFor(next.changes, nextId.current);
      nextId.current += added.length;
      setToasts((current) => enqueueNotices(current, added));
      onChangesRef.current?.(added);
      const ids = added.map((notice) => notice.id);
      const timer = setTimeout(() => {
        timers.delete(timer);
        setToasts((current) => dropNotices(current, ids));
      }, NOTICE_MS);
      timers.add(timer);
    });
    void bridge.connectLiveChannel({ roomCode, holder }).then((result) => {
      if (active && result.ok) setPresence((current) => current ?? result.value);
    });
    return () => {
      active = false;
      unsubscribe();
      for (const timer of timers) clearTimeout(timer);
      void bridge.disconnectLiveChannel({ roomCode, holder });
    };
  }, [bridge, roomCode, holder, enabled]);

  /** Lets go and holds again: a channel nobody else holds starts afresh, one in a final state connects again. */
  const reconnect = useCallback(async () => {
    await bridge.disconnectLiveChannel({ roomCode, holder });
    await bridge.connectLiveChannel({ roomCode, holder });
  }, [bridge, roomCode, holder]);

  const dismiss = useCallback((id: number) => setToasts((current) => dropNotices(current, [id])), []);

  return { presence, toasts, reconnect, dismiss };
}
