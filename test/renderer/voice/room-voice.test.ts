import { describe, expect, it } from 'vitest';
import { participantsOf } from '../../../renderer/src/features/voice/room-voice-context';
import type { RoomVoice } from '../../../renderer/src/features/voice/room-voice-context';

type Presence = NonNullable<RoomVoice['presence']>;

const user = (userId: string, microphone: 'open' | 'closed' | null) => ({
  userId,
  nickname: userId,
  role: null,
  online: true,
  microphone,
  maySyncFrame: true,
});

function presence(selfId: string, users: ReturnType<typeof user>[]): Presence {
  return {
    roomCode: 'ROOM1',
    connection: 'connected',
    self: users.find((candidate) => candidate.userId === selfId) ?? null,
    users,
    voice: null,
    leaderId: null,
    changes: [],
    reconnect: null,
    reason: null,
    updatedAt: 0,
  };
}

const idleState = {
  status: 'idle',
  vendor: null,
  muted: false,
  level: 0,
  speaking: false,
  issue: null,
  remote: [],
  reconnecting: null,
} as RoomVoice['state'];

describe('voice participants by live channel user id', () => {
  it('everyone in the room, with the room’s microphone state, and who is connected in voice', () => {
    const result = participantsOf({
      presence: presence('agent', [user('agent', 'closed'), user('client-a', 'open'), user('client-b', 'closed')]),
      state: {
        ...idleState,
        status: 'joined',
        speaking: true,
        remote: [
          { userId: 'client-a', connection: 'connected', level: 0.7, speaking: true },
          { userId: 'client-c', connection: 'lost', level: 0, speaking: false },
        ],
      },
    });
    expect(result).toEqual({
      // The agent's own entry follows the local session, which is ahead of the room's echo.
      agent: { inVoice: true, speaking: true, microphone: 'open', connection: null },
      'client-a': { inVoice: true, speaking: true, microphone: 'open', connection: 'connected' },
      'client-b': { inVoice: false, speaking: false, microphone: 'closed', connection: null },
      'client-c': { inVoice: true, speaking: false, microphone: null, connection: 'lost' },
    });
  });

  it('a muted agent is not speaking and shows the microphone closed; out of voice, the room’s state shows', () => {
    const people = presence('agent', [user('agent', 'open')]);
    expect(participantsOf({ presence: people, state: { ...idleState, status: 'joined', muted: true, speaking: true } }).agent).toEqual({
      inVoice: true,
      speaking: false,
      microphone: 'closed',
      connection: null,
    });
    expect(participantsOf({ presence: people, state: idleState }).agent).toEqual({
      inVoice: false,
      speaking: false,
      microphone: 'open',
      connection: null,
    });
    expect(participantsOf({ presence: null, state: idleState })).toEqual({});
  });
});
