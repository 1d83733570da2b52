import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { historyActivityRecorder } from '../../../main/history/activity-recorder';
import { makeSummary, makeTempDir, manualClock, openHistory } from './fixtures';

const TICKET = 'TKT-5f1c9a7e-only-once';
const HOST_TICKET = 'TKT-host-77aa';
const ACCESS_TOKEN = 'ACCESS-TOKEN-93b2';
const VOICE_SIGN = 'eJyrVkrOzFOyUkrOLFHSUcpNzMlRslIKKs1LyczPU6oFAF2eB0I';
const APP_SECRET = 'APP-SECRET-d00d';
const secrets = [TICKET, HOST_TICKET, ACCESS_TOKEN, VOICE_SIGN, APP_SECRET];

let temp: ReturnType<typeof makeTempDir>;
beforeEach(() => {
  temp = makeTempDir();
});
afterEach(() => temp.remove());

/** Every byte the history leaves in its folder. */
function allFileBytes(): string {
  return readdirSync(temp.dir)
    .map((name) => readFileSync(join(temp.dir, name), 'utf8'))
    .join('\n');
}

describe('no secret reaches the history file', () => {
  it('after a full room flow fed with ticket-bearing links and secret-bearing extras', async () => {
    const clock = manualClock();
    const history = await openHistory({ dir: temp.dir, now: clock.now });
    const errors: unknown[] = [];
    const recorder = historyActivityRecorder(history, (error) => errors.push(error));

    await recorder.roomCreated({
      profileId: 'sandbox',
      roomCode: 'R-9',
      roomLink: `https://live.realsee.ai/room/R-9?ticket=${HOST_TICKET}&force=1`,
      creatorUserId: 'agent-7',
      listing: { title: '徐汇区一居室', vr: `https://realsee.ai/abcd1234?ticket=${TICKET}` },
      guests: [{ userId: 'guest-1', role: 'audience', nickname: '赵女士' }],
      at: clock.now(),
    });
    await recorder.hostJoined({ profileId: 'sandbox', roomCode: 'R-9', userId: 'agent-7', at: clock.now() });
    await recorder.guestPassIssued({
      profileId: 'sandbox',
      roomCode: 'R-9',
      guest: { userId: 'guest-1', role: 'audience', nickname: '赵女士' },
      expiresAt: clock.now() + 300_000,
      at: clock.now(),
    });
    await recorder.detailsFetched(
      'sandbox',
      makeSummary({ roomCode: 'R-9', roomLink: `wss://ws-access.realsee.com/open/R-9?open_app_id=1&ticket=${TICKET}&force=0` }),
    );
    await recorder.voiceJoined({ profileId: 'sandbox', roomCode: 'R-9', userId: 'agent-7' });
    await recorder.voiceLeft({ profileId: 'sandbox', roomCode: 'R-9', userId: 'agent-7' });
    await history.updateNotes('R-9', '看房顺利');
    await recorder.roomClosed({ profileId: 'sandbox', roomCode: 'R-9' });

    // Attempts to carry secrets in fields the schemas do not declare are refused.
    await expect(history.recordEvent('R-9', { type: 'voice-joined', userId: 'agent-7', sign: VOICE_SIGN } as never)).rejects.toMatchObject({
      appError: { kind: 'validation' },
    });
    await expect(
      history.recordCreated({
        profileId: 'sandbox',
        roomCode: 'R-10',
        roomLink: 'https://x.test/R-10',
        creatorUserId: 'agent-7',
        listing: { title: 't', accessToken: ACCESS_TOKEN, appSecret: APP_SECRET } as never,
      }),
    ).rejects.toMatchObject({ appError: { kind: 'validation' } });
    const exports = await Promise.all((['csv', 'json'] as const).map((format) => history.exportRooms({ format })));
    await history.close();

    expect(errors).toEqual([]);
    const bytes = allFileBytes();
    expect(bytes).toContain('R-9');
    expect(bytes).toContain('guest-pass-issued');
    for (const secret of secrets) expect(bytes).not.toContain(secret);
    expect(bytes).not.toMatch(/[?&](ticket|force)=/i);

    for (const { text } of exports) for (const secret of secrets) expect(text).not.toContain(secret);
  });
});

describe('activity recorder', () => {
  it('ignores joins, passes, voice and room-end events for a room the history does not know', async () => {
    const history = await openHistory({ dir: temp.dir });
    const errors: unknown[] = [];
    const recorder = historyActivityRecorder(history, (error) => errors.push(error));
    await recorder.hostJoined({ profileId: 'p', roomCode: 'UNKNOWN', userId: 'agent-7', at: 1 });
    await recorder.guestPassIssued({ profileId: 'p', roomCode: 'UNKNOWN', guest: { userId: 'g', role: 'audience' }, expiresAt: 2, at: 1 });
    await recorder.voiceJoined({ profileId: 'p', roomCode: 'UNKNOWN', userId: 'agent-7' });
    await recorder.roomClosed({ profileId: 'p', roomCode: 'UNKNOWN' });
    expect(errors).toEqual([]);
    expect(history.stats().rooms).toBe(0);
  });
});
