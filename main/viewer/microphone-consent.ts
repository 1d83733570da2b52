import type { MicrophoneConsent } from '../shell/permissions';
import { displayHost } from './browser-handoff';

/** What the renderer is told when a room page wants the microphone: the room and the page's host, never a URL. */
export interface MicrophoneRequest {
  roomCode: string;
  host: string;
}

export interface MicrophoneConsentOptions {
  emit(request: MicrophoneRequest): void;
  /** The room the viewer shows now; a page outside any room never gets the microphone. */
  currentRoom(): string | null;
}

interface Pending {
  waiters: Array<(granted: boolean) => void>;
}

/**
 * Asks the agent once per room before a room page gets the microphone, and keeps the answer for
 * the app's run. Requests that arrive while the question is open wait for the same answer.
 */
export function createMicrophoneConsent(options: MicrophoneConsentOptions) {
  const decisions = new Map<string, boolean>();
  const pending = new Map<string, Pending>();

  function settle(roomCode: string, granted: boolean): void {
    const open = pending.get(roomCode);
    pending.delete(roomCode);
    for (const resolve of open?.waiters ?? []) resolve(granted);
  }

  return {
    /** The decision for the shown room, for synchronous permission checks. */
    state(): MicrophoneConsent {
      const roomCode = options.currentRoom();
      const decided = roomCode === null ? false : decisions.get(roomCode);
      if (decided === undefined) return 'unasked';
      return decided ? 'granted' : 'denied';
    },

    /** Resolves to the agent's answer for the shown room, asking them when they have not answered yet. */
    ask(requestingUrl: string): Promise<boolean> {
      const roomCode = options.currentRoom();
      if (roomCode === null) return Promise.resolve(false);
      const decided = decisions.get(roomCode);
      if (decided !== undefined) return Promise.resolve(decided);
      return new Promise<boolean>((resolve) => {
        const open = pending.get(roomCode);
        if (open) return void open.waiters.push(resolve);
        pending.set(roomCode, { waiters: [resolve] });
        options.emit({ roomCode, host: displayHost(requestingUrl) });
      });
    },

    /** The agent's answer; false (and nothing recorded) when no question is open for that room. */
    answer(roomCode: string, allow: boolean): boolean {
      if (!pending.has(roomCode)) return false;
      decisions.set(roomCode, allow);
      settle(roomCode, allow);
      return true;
    },

    /** The viewer now shows `roomCode` (null: nothing): open questions for other rooms are denied. */
    viewing(roomCode: string | null): void {
      for (const open of [...pending.keys()]) if (open !== roomCode) settle(open, false);
    },
  };
}

export type MicrophoneConsentService = ReturnType<typeof createMicrophoneConsent>;
