import { describe, expect, it } from 'vitest';
import { decideViewerMicrophone, type PermissionQuery } from '../../../main/shell/permissions';
import { createMicrophoneConsent, type MicrophoneRequest } from '../../../main/viewer/microphone-consent';

const roomQuery: PermissionQuery = {
  permission: 'media',
  requestingOrigin: 'https://room.example',
  mediaTypes: ['audio'],
  isViewer: true,
  allowedOrigins: ['https://room.example/live/R1', '*.vr.example'],
  voiceEnabled: true,
};

describe('the viewer microphone decision', () => {
  it('asks while the agent has not decided for the room, and follows the answer afterwards', () => {
    expect(decideViewerMicrophone(roomQuery, 'unasked')).toBe('ask');
    expect(decideViewerMicrophone(roomQuery, 'granted')).toBe('grant');
    expect(decideViewerMicrophone(roomQuery, 'denied')).toBe('deny');
  });

  it('never asks for what the rules refuse anyway', () => {
    for (const query of [
      { ...roomQuery, requestingOrigin: 'https://evil.example' },
      { ...roomQuery, mediaTypes: ['audio', 'video'] },
      { ...roomQuery, voiceEnabled: false },
      { ...roomQuery, permission: 'geolocation' },
    ]) {
      expect(decideViewerMicrophone(query, 'unasked')).toBe('deny');
      expect(decideViewerMicrophone(query, 'granted')).toBe('deny');
    }
  });
});

describe('asking the agent once per room', () => {
  function setup() {
    const requests: MicrophoneRequest[] = [];
    let room: string | null = 'R1';
    const consent = createMicrophoneConsent({ emit: (request) => requests.push(request), currentRoom: () => room });
    return { consent, requests, setRoom: (next: string | null) => (room = next) };
  }

  it('asks once for concurrent requests, then remembers the answer for the room', async () => {
    const { consent, requests } = setup();
    expect(consent.state()).toBe('unasked');
    const first = consent.ask('https://room.example/live/R1?ticket=T1');
    const second = consent.ask('https://a.vr.example/x');
    expect(requests).toEqual([{ roomCode: 'R1', host: 'room.example' }]);
    expect(JSON.stringify(requests)).not.toContain('ticket');
    expect(consent.answer('R1', true)).toBe(true);
    expect(await first).toBe(true);
    expect(await second).toBe(true);
    expect(consent.state()).toBe('granted');
    expect(await consent.ask('https://room.example/')).toBe(true);
    expect(requests).toHaveLength(1);
  });

  it('a refusal holds for the room; another room is asked again', async () => {
    const { consent, requests, setRoom } = setup();
    const asked = consent.ask('https://room.example/');
    consent.answer('R1', false);
    expect(await asked).toBe(false);
    expect(await consent.ask('https://room.example/')).toBe(false);
    setRoom('R2');
    expect(consent.state()).toBe('unasked');
    const other = consent.ask('https://room.example/');
    expect(requests.map((request) => request.roomCode)).toEqual(['R1', 'R2']);
    consent.answer('R2', true);
    expect(await other).toBe(true);
  });

  it('an answer nobody asked for changes nothing, and leaving the room denies what is pending', async () => {
    const { consent, setRoom } = setup();
    expect(consent.answer('R1', true)).toBe(false);
    expect(consent.state()).toBe('unasked');
    const pending = consent.ask('https://room.example/');
    setRoom(null);
    consent.viewing(null);
    expect(await pending).toBe(false);
    expect(await consent.ask('https://room.example/')).toBe(false);
  });
});
