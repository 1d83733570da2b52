import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../common/contract';
import { bridge, type BridgeMethods } from './bridge';
import { useLatest } from './use-latest';

export type RoomPresence = EventPayload<'livePresence'>;

/**
 * Who is in a room, as main's live channel reports it, without connecting anything: the channel runs
 * while the agent is in the room (the viewer connects it). Null until the first report for this room;
 * `onPresence` hears every report as it arrives.
 */
export function useRoomPresence(
  roomCode: string,
  onPresence?: (presence: RoomPresence) => void,
  source: BridgeMethods<'onLivePresence'> = bridge(),
): RoomPresence | null {
  const [presence, setPresence] = useState<{ roomCode: string; value: RoomPresence } | null>(null);
  const listener = useLatest(onPresence);
  useEffect(
    () =>
      source.onLivePresence((next) => {
        if (next.roomCode !== roomCode) return;
        setPresence({ roomCode, value: next });
        listener.current?.(next);
      }),
    [source, roomCode, listener],
  );
  return presence?.roomCode === roomCode ? presence.value : null;
}
