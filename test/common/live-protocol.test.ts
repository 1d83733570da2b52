import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  changeMicroStatusMessage,
  clientMessageSchema,
  closeRoomMessage,
  isOnline,
  keyframeMessage,
  kickMessage,
  LIVE_SUCCESS_MESSAGE,
  MAX_LIVE_FRAME_CHARS,
  microphoneOf,
  parseServerFrame,
  standingOf,
  wireServerEnvelopeSchema,
  type LiveEvent,
} from '../../common/live-protocol';

const FIXTURES = join(__dirname, '../fixtures/live-channel');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const event = (name: string): LiveEvent => {
  const parsed = parseServerFrame(fixture(name));
  if (!parsed.ok) throw new Error(`${name}: ${parsed.problem}`);
  return parsed.frame.event;
};

describe('the contract wire examples', () => {
  it('every server example is a full envelope and parses into a known event', () => {
    const servers = readdirSync(FIXTURES).filter((name) => name.startsWith('server-'));
    expect(servers.length).toBeGreaterThanOrEqual(10);
    for (const name of servers) {
      expect(wireServerEnvelopeSchema.safeParse(JSON.parse(fixture(name))).success, name).toBe(true);
      const parsed = parseServerFrame(fixture(name));
      expect(parsed.ok, name).toBe(true);
      if (parsed.ok) expect(parsed.frame.event.type, name).not.toMatch(/UNKNOWN|REFUSED/);
    }
  });

  it('reads ROOM_INFO status under info and last_frame for late joiners', () => {
    const info = event('server-room-info.json');
    expect(info).toMatchObject({ type: 'ROOM_INFO', info: { room_code: 'gxwdz6VOmaQJmELN', status: 1 } });
    expect(info.type === 'ROOM_INFO' && info.lastFrame.FiveState).toMatchObject({ mode: 'Panorama', fov: 105 });
  });

  it('reads USER_LIST as a bare array of UserInfo with status 0 as normal', () => {
    const list = event('server-user-list.json');
    if (list.type !== 'USER_LIST') throw new Error('not a user list');
    expect(list.users.map((user) => user.id)).toEqual(['agent-1', 'client-zhang', 'client-wang', 'client-zhao']);
    expect(list.users.map(standingOf)).toEqual(['normal', 'normal', 'normal', 'removed']);
    expect(list.users.map(isOnline)).toEqual([true, true, false, false]);
    expect(list.users.map(microphoneOf)).toEqual(['open', 'closed', 'closed', 'closed']);
  });

  it('reads a replaced session from SELF_USER_INFO', () => {
    const self = event('server-self-user-info-replaced.json');
    expect(self.type === 'SELF_USER_INFO' && standingOf(self.user)).toBe('replaced');
  });

  it('reads RTC_INFO voice_id as a string, also when it arrives as a number', () => {
    expect(event('server-rtc-info.json')).toEqual({ type: 'RTC_INFO', voiceId: '123456789', vendor: 'trtc' });
    const numeric = fixture('server-rtc-info.json').replace('"123456789"', '123456789');
    const parsed = parseServerFrame(numeric);
    expect(parsed.ok && parsed.frame.event).toEqual({ type: 'RTC_INFO', voiceId: '123456789', vendor: 'trtc' });
  });

  it('reads built-ins, custom events, keyframes and kick-outs with to_user_ids inside data', () => {
    expect(event('server-builtin-close.json')).toMatchObject({
      type: 'BUILTIN_MSG',
      eventType: 'room_change',
      action: 'close',
      toUserIds: [],
    });
    expect(event('server-builtin-micro.json')).toMatchObject({
      type: 'BUILTIN_MSG',
      action: 'change_micro_status',
      payload: { status: 'OPEN' },
    });
    expect(event('server-custom-event.json')).toEqual({
      type: 'CUSTOM_EVENT',
      eventId: 'chat',
      payload: { text: 'Hello' },
      toUserIds: ['client-zhang'],
    });
    const keyframe = event('server-keyframe-sync.json');
    expect(keyframe).toMatchObject({ type: 'KEYFRAME_SYNC', toUserIds: [] });
    expect(keyframe.type === 'KEYFRAME_SYNC' && Object.keys(keyframe.frames)).toEqual(['FiveState']);
    expect(event('server-user-kick-out.json')).toMatchObject({ type: 'USER_KICK_OUT', user: { id: 'client-zhang', status: 1 } });
  });

  it('builds the SDK close message exactly and a keyframe like the demo', () => {
    const close = JSON.parse(fixture('client-close-room.json'));
    expect(closeRoomMessage(close.front_request_id)).toEqual(close);
    const keyframe = JSON.parse(fixture('client-keyframe-sync.json'));
    const { to_user_ids: _to, ...frames } = keyframe.data;
    expect(keyframeMessage(keyframe.front_request_id, frames)).toEqual(keyframe);
    expect(clientMessageSchema.safeParse(close).success).toBe(true);
  });

  it('addresses kicks and microphone changes through to_user_ids inside data', () => {
    expect(kickMessage('f', 'client-zhang').data).toEqual({
      event_type: 'user_change',
      action: 'change_status',
      data: { status: 'KICK_OUT' },
      to_user_ids: ['client-zhang'],
    });
    expect(changeMicroStatusMessage('f', true).data).toEqual({
      event_type: 'user_change',
      action: 'change_micro_status',
      data: { status: 'OPEN' },
      to_user_ids: [],
    });
  });
});

describe('frames the client must survive', () => {
  it('keeps unknown commands and unknown fields', () => {
    const unknown = fixture('server-envelope.json').replace('"ROOM_INFO"', '"HOLOGRAM_SYNC"');
    expect(parseServerFrame(unknown)).toMatchObject({ ok: true, frame: { event: { type: 'UNKNOWN', command: 'HOLOGRAM_SYNC' } } });
    const extra = JSON.parse(fixture('server-self-user-info.json'));
    extra.shiny = 1;
    extra.data.future_field = { a: 1 };
    const parsed = parseServerFrame(JSON.stringify(extra));
    expect(parsed.ok && parsed.frame.envelope.shiny).toBe(1);
    expect(parsed.ok && parsed.frame.event.type === 'SELF_USER_INFO' && parsed.frame.event.user.future_field).toEqual({ a: 1 });
  });

  it('turns a non-SUCCESS code into a refusal with its message', () => {
    const refused = JSON.parse(fixture('server-keyframe-sync.json'));
    Object.assign(refused, { code: 'PERMISSION_DENIED', message: ' 【PERMISSION_DENIED】no sync_frame ', data: null });
    expect(parseServerFrame(JSON.stringify(refused))).toMatchObject({
      ok: true,
      frame: {
        event: { type: 'REFUSED', command: 'KEYFRAME_SYNC', code: 'PERMISSION_DENIED', message: '【PERMISSION_DENIED】no sync_frame' },
      },
    });
  });

  it.each([
    ['not JSON', 'not json{', /not JSON/],
    ['an array', '[1,2]', /envelope/],
    ['no command', JSON.stringify({ code: 'SUCCESS', data: {} }), /command/],
    [
      'a user list that is an object',
      fixture('server-user-list.json').replace('"data":[', '"data":{"list":[').replace('],"front_request_id"', ']},"front_request_id"'),
      /USER_LIST/,
    ],
    ['a user without id', fixture('server-self-user-info.json').replace('"id":"agent-1",', ''), /SELF_USER_INFO: id/],
    ['a ROOM_INFO without info', fixture('server-room-info.json').replace('"info":', '"inf":'), /ROOM_INFO: info/],
    ['a huge frame', JSON.stringify({ command: 'CUSTOM_EVENT', code: 'SUCCESS', data: 'x'.repeat(MAX_LIVE_FRAME_CHARS) }), /too large/],
  ])('refuses %s with a problem, never a throw', (_name, text, problem) => {
    const parsed = parseServerFrame(text);
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problem).toMatch(problem);
  });

  it('refuses a frame for another room', () => {
    expect(parseServerFrame(fixture('server-room-info.json'), { roomCode: 'OtherRoom0000000' })).toEqual({
      ok: false,
      problem: 'frame for another room',
    });
    expect(parseServerFrame(fixture('server-room-info.json'), { roomCode: 'gxwdz6VOmaQJmELN' }).ok).toBe(true);
  });

  it('knows the success message text of the wire', () => {
    expect(JSON.parse(fixture('server-envelope.json')).message).toBe(LIVE_SUCCESS_MESSAGE);
  });
});
