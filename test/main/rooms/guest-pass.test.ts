import { afterEach, describe, expect, it } from 'vitest';
import { parseGuestLink } from '../../../common/guest-link';
import { defaultEndpoints, defaultRoles, type ProfileSummary } from '../../../common/profile';
import { AppFailure } from '../../../main/app-failure';
import { sandboxSummary } from '../../../main/profiles/profile-views';
import { createClientPool } from '../../../main/rooms/client-pool';
import { createRoomService, GUEST_PAGE_MISSING, guestInviteUrl, type RoomActivityRecorder } from '../../../main/rooms/room-service';
import { startSandboxGateway, type SandboxGateway } from '../../../main/sandbox/index';

const nowhere: RoomActivityRecorder = {
  roomCreated: async () => undefined,
  detailsFetched: async () => undefined,
  guestPassIssued: async () => undefined,
  hostJoined: async () => undefined,
};
const guest = { userId: 'client-zhang', role: 'audience', nickname: 'Mr Zhang' };

describe('guest passes per profile kind', () => {
  let sandbox: SandboxGateway | undefined;
  afterEach(async () => {
    await sandbox?.close();
    sandbox = undefined;
  });

  async function roomServiceFor(kind: 'sandbox' | 'real', guestPageUrl?: string, roomLinks: 'page' | 'live-channel' = 'live-channel') {
    sandbox = await startSandboxGateway({ roomLinks });
    const credentials = { baseUrl: sandbox.baseUrl, ...sandbox.demoApp };
    const profile: ProfileSummary =
      kind === 'sandbox'
        ? sandboxSummary(credentials, true)
        : {
            id: 'acme',
            name: 'Acme',
            region: 'custom',
            baseUrl: sandbox.baseUrl,
            appKey: sandbox.demoApp.appKey,
            roles: defaultRoles,
            userId: 'agent-7',
            nickname: 'Ana',
            timeZone: 'Asia/Shanghai',
            ...(guestPageUrl ? { guestPageUrl } : {}),
            hasSecret: true,
            isSandbox: false,
            active: true,
          };
    const gateway = { baseUrl: sandbox.baseUrl, ...sandbox.demoApp, roles: defaultRoles };
    const rooms = createRoomService({
      profiles: { getActive: async () => profile, resolveGatewayProfile: async () => gateway },
      clients: createClientPool(),
      activity: nowhere,
    });
    const { roomCode } = await rooms.createRoom({ guests: [], listing: {} });
    return { rooms, roomCode, sandbox };
  }

  it('the sandbox profile points its passes at the sandbox’s own /guest/ page', async () => {
    const { rooms, roomCode, sandbox } = await roomServiceFor('sandbox');
    const pass = await rooms.issueGuestPass({ roomCode, guest });
    const url = new URL(pass.inviteUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${sandbox.baseUrl}/guest/`);
    const link = parseGuestLink(url.hash);
    expect(link.ok && link.link.roomLink).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:\\d+/open/${roomCode}\\?`));
    expect(link.ok && link.link.hostRole).toBe('anchor');
  });

  it('a real profile points its passes at its Guest page URL, with its host role', async () => {
    const { rooms, roomCode } = await roomServiceFor('real', 'https://tour.agency.example/guest/?brand=acme');
    const pass = await rooms.issueGuestPass({ roomCode, guest });
    expect(pass.inviteUrl).toMatch(/^https:\/\/tour\.agency\.example\/guest\/\?brand=acme#room=ws/);
    const link = parseGuestLink(new URL(pass.inviteUrl).hash);
    expect(link.ok && link.link.hostRole).toBe(defaultRoles.host);
    expect(link.ok && link.link.ticket).toMatch(/\S{8,}/);
  });

  it('a real profile without a Guest page URL is told what to set and where, and no ticket is spent', async () => {
    const { rooms, roomCode, sandbox } = await roomServiceFor('real');
    sandbox.stats.reset();
    const failure = await rooms.issueGuestPass({ roomCode, guest }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).appError).toEqual({ kind: 'validation', message: GUEST_PAGE_MISSING });
    expect(GUEST_PAGE_MISSING).toMatch(/Settings → Profiles → Edit → Advanced → “Guest page URL”/);
    expect(sandbox.stats.count(defaultEndpoints.roomTicket)).toBe(0);
  });

  it('a room link that is a web page opens itself, with the ticket appended', () => {
    const url = guestInviteUrl({ roles: defaultRoles }, 'https://tour.agency.example/', {
      roomLink: 'https://rooms.example/r/ABC?x=1',
      ticket: 'tk-12345678',
    });
    expect(url).toBe('https://rooms.example/r/ABC?x=1&ticket=tk-12345678&force=0');
  });
});
