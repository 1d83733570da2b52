import { afterEach, describe, expect, it } from 'vitest';
import { defaultRoles, type ProfileSummary } from '../../../common/profile';
import { formatInstant, viewRealseeTime } from '../../../common/realsee-time';
import type { AppServices } from '../../../main/app-services';
import { createBridgeHandlers } from '../../../main/bridge/handlers';
import { historyActivityRecorder } from '../../../main/history/activity-recorder';
import { createHistoryService } from '../../../main/history/history-service';
import { createClientPool } from '../../../main/rooms/client-pool';
import { createRoomService, type RoomActivityRecorder } from '../../../main/rooms/room-service';
import { createManualClock, startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';
import { makeTempDir } from '../history/fixtures';

const CREATED = Date.UTC(2026, 2, 14, 8, 30, 0);
const CLOSED = Date.UTC(2026, 2, 14, 9, 45, 0);
const DISPLAY_ZONES = ['UTC', 'Asia/Tokyo'] as const;

/**
 * The room page and the history room view read the same Realsee time texts (written by the
 * sandbox on Beijing time) through the same bridge answers and the same formatting: one instant
 * must read the same on both, whatever the profile's zone and the computer's zone.
 */
describe('one Realsee time on the room page and in history', () => {
  let sandbox: SandboxGateway | undefined;
  let temp: ReturnType<typeof makeTempDir> | undefined;

  afterEach(async () => {
    await sandbox?.close();
    temp?.remove();
    sandbox = undefined;
    temp = undefined;
  });

  async function roomSeenThrough(timeZone: string) {
    const clock = createManualClock(CREATED);
    sandbox = await startSandboxGateway({ clock });
    temp = makeTempDir();
    const gateway = { baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: defaultRoles };
    const profile: ProfileSummary = {
      id: 'acme',
      name: 'Acme',
      region: 'custom',
      baseUrl: sandbox.baseUrl,
      appKey: sandbox.demoApp.appKey,
      roles: defaultRoles,
      userId: 'agent-7',
      nickname: 'Ana',
      timeZone,
      hasSecret: true,
      isSandbox: false,
      active: true,
    };
    const profileSource = { getActive: async () => profile, resolveGatewayProfile: async () => gateway };
    const clients = createClientPool();
    const history = await createHistoryService({ dir: temp.dir, now: clock.now });
    // The room is created elsewhere (no history record), so history takes its creation time from Realsee's text.
    const nowhere: RoomActivityRecorder = {
      roomCreated: async () => undefined,
      detailsFetched: async () => undefined,
      guestPassIssued: async () => undefined,
      hostJoined: async () => undefined,
    };
    const { roomCode } = await createRoomService({ profiles: profileSource, clients, activity: nowhere, now: clock.now }).createRoom({
      guests: [],
      listing: {},
    });
    clock.set(CLOSED);
    sandbox.rooms.close(roomCode);

    const rooms = createRoomService({ profiles: profileSource, clients, activity: historyActivityRecorder(history), now: clock.now });
    const services = { profiles: { overview: async () => ({ profiles: [profile] }) }, rooms, history, clients } as unknown as AppServices;
    const handlers = createBridgeHandlers(services);
    const summary = await handlers.getRoomDetails({ roomCode });
    const saved = await handlers.getHistoryRoom({ roomCode });
    return { summary, saved };
  }

  for (const profileZone of ['Asia/Shanghai', 'America/New_York']) {
    it(`shows the same close and creation times with the profile zone ${profileZone}`, async () => {
      const { summary, saved } = await roomSeenThrough(profileZone);
      const closeTime = saved.room.snapshots.at(-1)?.closeTime ?? null;
      expect(summary.closeTime).toBe('2026-03-14 17:45:00');
      expect(closeTime).toBe(summary.closeTime);
      expect(saved.timeZone).toBe(profileZone);
      for (const displayTimeZone of DISPLAY_ZONES) {
        const roomPage = viewRealseeTime(summary.closeTime, { timeZone: summary.timeZone, locale: 'en', displayTimeZone });
        const historyView = viewRealseeTime(closeTime, { timeZone: saved.timeZone, locale: 'en', displayTimeZone });
        expect(historyView).toEqual(roomPage);
        expect(roomPage?.raw).toBe('2026-03-14 17:45:00');
        const roomPageCreated = viewRealseeTime(summary.createTime, { timeZone: summary.timeZone, locale: 'en', displayTimeZone });
        expect(formatInstant(saved.room.createdAt, 'en', displayTimeZone)).toBe(roomPageCreated?.text);
      }
      // Read in Beijing time the texts give back the sandbox's real instants; another zone shifts both screens alike.
      const shift = profileZone === 'Asia/Shanghai' ? 0 : 12 * 3600_000;
      expect(viewRealseeTime(summary.closeTime, { timeZone: summary.timeZone, locale: 'en' })?.instant).toBe(CLOSED + shift);
      expect(saved.room.createdAt).toBe(CREATED + shift);
      expect(viewRealseeTime(summary.closeTime, { timeZone: summary.timeZone, locale: 'en', displayTimeZone: 'UTC' })?.text).toBe(
        formatInstant(CLOSED + shift, 'en', 'UTC'),
      );
    });
  }
});
