/**
 * Who holds which room's live channel, counted per holder: a part of the app that holds a room twice
 * (two screens showing its presence) lets go twice before its hold ends. A room is held while any
 * holder's count is above zero.
 */
export function createLiveChannelHolds<Holder extends string>() {
  const rooms = new Map<string, Map<Holder, number>>();

  return {
    /** Counts one hold; true when the room was held by nobody before. */
    hold(roomCode: string, holder: Holder): boolean {
      let holders = rooms.get(roomCode);
      const first = !holders;
      if (!holders) rooms.set(roomCode, (holders = new Map()));
      holders.set(holder, (holders.get(holder) ?? 0) + 1);
      return first;
    },

    /** Ends one hold; true when that was the room's last. A holder that holds nothing changes nothing. */
    release(roomCode: string, holder: Holder): boolean {
      const holders = rooms.get(roomCode);
      const count = holders?.get(holder) ?? 0;
      if (!holders || count === 0) return false;
      if (count > 1) holders.set(holder, count - 1);
      else holders.delete(holder);
      if (holders.size > 0) return false;
      rooms.delete(roomCode);
      return true;
    },

    /** Ends every hold of these holders in every room; returns the rooms nobody holds any more. */
    releaseAll(released: readonly Holder[]): string[] {
      const emptied: string[] = [];
      for (const [roomCode, holders] of rooms) {
        for (const holder of released) holders.delete(holder);
        if (holders.size > 0) continue;
        rooms.delete(roomCode);
        emptied.push(roomCode);
      }
      return emptied;
    },

    holders(roomCode: string): Holder[] {
      return [...(rooms.get(roomCode)?.keys() ?? [])];
    },

    clear(): void {
      rooms.clear();
    },
  };
}
