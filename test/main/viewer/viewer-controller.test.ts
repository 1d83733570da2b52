import { describe, expect, it, vi } from 'vitest';
import { GatewayError } from '../../../main/realsee/errors';
import { createViewerController, type ViewerState } from '../../../main/viewer/viewer-controller';
import type { RoomPageProbe, ViewerBounds, ViewerHost, ViewerHostListener } from '../../../main/viewer/viewer-host';

const ROOM_LINK = 'https://room.example/live/R1?lang=en';
const AREA = { x: 10.4, y: 80.6, width: 800.2, height: 500 };

/** Stands in for the WebContentsView: records what it is told and lets the test play the page. */
class FakeHost implements ViewerHost {
  loads: string[] = [];
  bounds: ViewerBounds | null = null;
  visible: boolean | null = null;
  closed = false;
  probeAnswer: RoomPageProbe | null = { roomError: null, ended: false };
  constructor(readonly listener: ViewerHostListener) {}
  load(url: string) {
    this.loads.push(url);
  }
  setBounds(bounds: ViewerBounds) {
    this.bounds = bounds;
  }
  setVisible(visible: boolean) {
    this.visible = visible;
  }
  async probe() {
    return this.probeAnswer;
  }
  close() {
    this.closed = true;
  }
  pageLoads(probe: Partial<RoomPageProbe> = {}, httpStatus: number | null = 200) {
    this.listener.loaded({ httpStatus, probe: { roomError: null, ended: false, ...probe } });
  }
}

function setup(details: { roomLink?: string; vrAllowHosts?: string[]; closeTime?: string | null; ticketRoomLink?: string } = {}) {
  const hosts: FakeHost[] = [];
  const states: ViewerState[] = [];
  const tickets: Array<{ roomCode: string; force: boolean }> = [];
  const opened: string[] = [];
  const roomLink = details.roomLink ?? ROOM_LINK;
  let closeTime: string | null = details.closeTime ?? null;
  const rooms = {
    getRoomDetails: vi.fn(async () => ({ roomLink, vrAllowHosts: details.vrAllowHosts ?? ['*.vr.example'], status: 2, closeTime })),
    hostTicketLink: vi.fn(async (roomCode: string, force = false) => {
      tickets.push({ roomCode, force });
      const ticketRoomLink = details.ticketRoomLink ?? roomLink;
      if (!URL.canParse(ticketRoomLink)) return { url: `${ticketRoomLink}?ticket=T${tickets.length}`, roomLink: ticketRoomLink };
      const url = new URL(ticketRoomLink);
      url.searchParams.set('ticket', `T${tickets.length}`);
      url.searchParams.set('force', force ? '1' : '0');
      return { url: url.toString(), roomLink: ticketRoomLink };
    }),
  };
  const controller = createViewerController({
    rooms,
    createHost: (listener) => {
      const host = new FakeHost(listener);
      hosts.push(host);
      return host;
    },
    emit: (state) => states.push(state),
    openExternal: async (url) => {
      opened.push(url);
      return true;
    },
  });
  const host = () => hosts.at(-1)!;
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { controller, hosts, host, states, tickets, opened, rooms, settle, setCloseTime: (text: string | null) => (closeTime = text) };
}

describe('the viewer controller', () => {
  it('opens the room page with a fresh ticket appended, shows it once it entered, and keeps the ticket from the renderer', async () => {
    const { controller, host, states, tickets } = setup();
    const state = await controller.open('R1', AREA);
    expect(state.phase).toBe('loading');
    expect(tickets).toEqual([{ roomCode: 'R1', force: false }]);
    expect(host().loads).toEqual(['https://room.example/live/R1?lang=en&ticket=T1&force=0']);
    expect(host().bounds).toEqual({ x: 10, y: 81, width: 800, height: 500 });
    expect(host().visible).toBe(false);

    host().pageLoads();
    expect(controller.state()).toMatchObject({ phase: 'showing', roomCode: 'R1', pageHost: 'room.example', ticketsFetched: 1 });
    expect(host().visible).toBe(true);
    expect(JSON.stringify(states)).not.toMatch(/T1|ticket=/);
  });

  it('reload replaces the page and uses a new ticket that takes over the old session', async () => {
    const { controller, hosts, host, tickets } = setup();
    await controller.open('R1', AREA);
    host().pageLoads();
    await controller.reload('R1');
    expect(hosts).toHaveLength(2);
    expect(hosts[0]!.closed).toBe(true);
    expect(tickets).toEqual([
      { roomCode: 'R1', force: false },
      { roomCode: 'R1', force: true },
    ]);
    expect(host().loads[0]).toContain('ticket=T2&force=1');
    expect(controller.state().ticketsFetched).toBe(2);
  });

  it('recovers from a refused ticket with one fresh ticket', async () => {
    const { controller, host, tickets, settle } = setup();
    await controller.open('R1', AREA);
    host().pageLoads({ roomError: 'ticket-used' }, 403);
    await settle();
    expect(tickets).toHaveLength(2);
    expect(host().loads[0]).toContain('ticket=T2');
    host().pageLoads();
    expect(controller.state().phase).toBe('showing');
  });

  it('shows "ticket refused" when the fresh ticket is refused too, without trying a third', async () => {
    const { controller, host, tickets, settle } = setup();
    await controller.open('R1', AREA);
    host().pageLoads({ roomError: 'ticket-used' }, 403);
    await settle();
    host().pageLoads({ roomError: 'ticket-expired' }, 403);
    await settle();
    expect(tickets).toHaveLength(2);
    expect(controller.state()).toMatchObject({ phase: 'ticket-refused', refusal: 'ticket-expired' });
    expect(host().visible).toBe(false);
  });

  it('treats a bare 403 as a refused ticket and a 5xx as a failed load', async () => {
    const { controller, host, tickets, settle } = setup();
    await controller.open('R1', AREA);
    host().pageLoads({}, 403);
    await settle();
    expect(tickets).toHaveLength(2);
    host().pageLoads({}, 502);
    expect(controller.state()).toMatchObject({ phase: 'failed', failure: { reason: 'load-failed', detail: 'HTTP 502' } });
  });

  it('a page that says the room is closed ends the viewer; so do details that say closed, before any ticket', async () => {
    const first = setup();
    await first.controller.open('R1', AREA);
    first.host().pageLoads({ roomError: 'room-closed' }, 403);
    expect(first.controller.state().phase).toBe('room-ended');

    const closed = setup({ closeTime: '2026-03-14 17:45:00' });
    expect((await closed.controller.open('R1', AREA)).phase).toBe('room-ended');
    expect(closed.tickets).toHaveLength(0);

    // Status values are undocumented: without a close time the room is not taken for closed.
    const open = setup({ closeTime: '' });
    expect((await open.controller.open('R1', AREA)).phase).not.toBe('room-ended');
    expect(open.tickets).toHaveLength(1);
  });

  it('a full room is a failure the agent can read, not a ticket problem', async () => {
    const { controller, host, tickets } = setup();
    await controller.open('R1', AREA);
    host().pageLoads({ roomError: 'room-full' }, 403);
    expect(controller.state()).toMatchObject({ phase: 'failed', failure: { reason: 'room-refused', detail: 'room-full' } });
    expect(tickets).toHaveLength(1);
  });

  it('allows the room origin and vr_allow_hosts, and blocks anything else, offering https links to the browser', async () => {
    const { controller, host, opened } = setup();
    await controller.open('R1', AREA);
    const listener = host().listener;
    expect(listener.navigationAttempt('https://room.example/live/R1/next', true)).toBe('allow');
    expect(listener.navigationAttempt('https://pano.vr.example/scene/1', false)).toBe('allow');
    expect(listener.navigationAttempt('https://room.example.evil.com/live', true)).toBe('deny');
    expect(controller.state().blocked).toEqual({ host: 'room.example.evil.com', offerExternal: true });
    expect(listener.navigationAttempt('http://room.example/live', true)).toBe('deny');
    expect(controller.state().blocked).toEqual({ host: 'room.example', offerExternal: false });
    expect(await controller.openBlockedInBrowser('R1')).toBe(false);

    expect(listener.navigationAttempt('https://help.example/faq?ticket=LEAK&x=1', true)).toBe('deny');
    expect(await controller.openBlockedInBrowser('R1')).toBe(true);
    expect(opened).toEqual(['https://help.example/faq?x=1']);
    expect(controller.state().blocked).toBeNull();
  });

  it('does not load ws(s) room links: those are live channels', async () => {
    const { controller, tickets, hosts } = setup({ roomLink: 'wss://ws-access.realsee.com/open/R1?open_app_id=7' });
    expect(await controller.open('R1', AREA)).toMatchObject({ phase: 'live-channel', pageHost: 'ws-access.realsee.com' });
    expect(tickets).toHaveLength(0);
    expect(hosts).toHaveLength(0);
  });

  it('ignores aborted loads, reports real failures and crashes, and recovers on reload', async () => {
    const { controller, host } = setup();
    await controller.open('R1', AREA);
    host().listener.loadFailed({ errorCode: -3, description: 'ERR_ABORTED' });
    expect(controller.state().phase).toBe('loading');
    host().listener.loadFailed({ errorCode: -105, description: 'ERR_NAME_NOT_RESOLVED' });
    expect(controller.state()).toMatchObject({ phase: 'failed', failure: { reason: 'load-failed', detail: 'ERR_NAME_NOT_RESOLVED' } });
    await controller.reload('R1');
    host().pageLoads();
    host().listener.gone('crashed');
    expect(controller.state()).toMatchObject({ phase: 'failed', failure: { reason: 'crashed' } });
  });

  it('passes the gateway error on when no ticket can be had', async () => {
    const { controller, rooms } = setup();
    const appError = { kind: 'gateway' as const, message: 'room is closed', code: -3, requestId: 'req-9' };
    rooms.hostTicketLink.mockRejectedValueOnce(new GatewayError(appError));
    const state = await controller.open('R1', AREA);
    expect(state).toMatchObject({ phase: 'failed', failure: { reason: 'ticket-unavailable', error: appError } });
  });

  it('rejoins with a fresh ticket when the page lost its session, and stops after repeated losses', async () => {
    const { controller, host, tickets, settle } = setup();
    await controller.open('R1', AREA);
    for (let lost = 1; lost <= 3; lost += 1) {
      host().pageLoads({ ended: true });
      await settle();
      expect(tickets).toHaveLength(lost + 1);
      expect(tickets.at(-1)!.force).toBe(true);
    }
    host().pageLoads({ ended: true });
    await settle();
    expect(tickets).toHaveLength(4);
    expect(controller.state()).toMatchObject({ phase: 'failed', failure: { reason: 'load-failed', detail: 'session-lost' } });
  });

  it('notices a lost session while the page is shown, and an ended room', async () => {
    vi.useFakeTimers();
    try {
      const { controller, host, tickets, setCloseTime } = setup();
      await controller.open('R1', AREA);
      host().pageLoads();
      host().probeAnswer = { roomError: null, ended: true };
      await vi.advanceTimersByTimeAsync(3_100);
      expect(tickets).toHaveLength(2);
      host().pageLoads();
      setCloseTime('2026-03-14 17:45:00');
      host().probeAnswer = { roomError: null, ended: true };
      await vi.advanceTimersByTimeAsync(3_100);
      expect(controller.state().phase).toBe('room-ended');
      expect(tickets).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('follows the renderer on bounds and visibility, and shows the page only while it is shown', async () => {
    const { controller, host } = setup();
    await controller.open('R1', AREA);
    host().pageLoads();
    expect(controller.setBounds({ x: 0, y: 0, width: 640.7, height: 480.2 }, false)).toBe(true);
    expect(host().bounds).toEqual({ x: 0, y: 0, width: 641, height: 480 });
    expect(host().visible).toBe(false);
    controller.setBounds({ x: 0, y: 0, width: 640, height: 480 }, true);
    expect(host().visible).toBe(true);
  });

  it('ignores what an old page reports after it was replaced or closed', async () => {
    const { controller, hosts, host } = setup();
    await controller.open('R1', AREA);
    const old = host();
    await controller.reload('R1');
    old.pageLoads({ roomError: 'room-closed' });
    expect(controller.state().phase).toBe('loading');
    expect(old.listener.navigationAttempt('https://room.example/live', true)).toBe('deny');
    const closed = controller.close();
    expect(closed).toMatchObject({ phase: 'closed', roomCode: 'R1' });
    expect(hosts.every((h) => h.closed)).toBe(true);
    host().pageLoads();
    expect(controller.state().phase).toBe('closed');
  });

  it('"open in browser" fetches a ticket of its own and hands over only web pages', async () => {
    const { controller, opened, tickets } = setup();
    expect(await controller.openInBrowser('R1')).toBe(true);
    expect(opened).toEqual(['https://room.example/live/R1?lang=en&ticket=T1&force=0']);
    expect(tickets).toHaveLength(1);

    const live = setup({ roomLink: 'wss://ws-access.realsee.com/open/R1' });
    await expect(live.controller.openInBrowser('R1')).rejects.toMatchObject({ appError: { kind: 'forbidden' } });
    expect(live.opened).toEqual([]);
  });

  it('a page that reloads itself into 403 again and again gets one fresh ticket, not one per reload', async () => {
    const { controller, host, tickets, settle } = setup();
    await controller.open('R1', AREA);
    host().pageLoads();
    for (let reload = 0; reload < 10; reload += 1) {
      host().pageLoads({}, 403); // the page reloads itself with its used ticket
      await settle();
      if (host().loads.length > 0 && controller.state().phase === 'loading') host().pageLoads();
    }
    expect(tickets.length).toBeLessThanOrEqual(2);
    expect(controller.state().phase).toBe('ticket-refused');
    // The agent's own reload arms one recovery again.
    await controller.reload('R1');
    expect(tickets.length).toBeLessThanOrEqual(3);
  });

  it('limits automatic tickets per minute however the page mixes refusals and lost sessions', async () => {
    let clock = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => clock);
    const { controller, host, tickets, settle } = setup();
    try {
      await controller.open('R1', AREA);
      for (let round = 0; round < 6; round += 1) {
        host().pageLoads();
        host().pageLoads(round % 2 === 0 ? { ended: true } : { roomError: 'ticket-used' }, round % 2 === 0 ? 200 : 403);
        await settle();
        clock += 1_000;
      }
      expect(tickets.length).toBeLessThanOrEqual(4);
    } finally {
      vi.restoreAllMocks();
    }
  });

  it.each([
    ['file:///etc/passwd'],
    ['data:text/html,<script>1</script>'],
    ['chrome://settings'],
    ['javascript:alert(1)'],
    ['http://other.example/live/R1'],
    ['https://other.example/live/R1'],
  ])("never loads a ticket link at %s, another origin than the room's", async (ticketRoomLink) => {
    const { controller, hosts } = setup({ ticketRoomLink });
    const state = await controller.open('R1', AREA);
    expect(hosts.flatMap((host) => host.loads)).toEqual([]);
    expect(state).toMatchObject({ phase: 'failed', failure: { reason: 'room-refused' } });
    expect(JSON.stringify(state)).not.toContain('ticket=');
  });

  it("loads a ticket link on the room's own origin, whatever its path", async () => {
    const { controller, host } = setup({ ticketRoomLink: 'https://room.example/other/path/R1' });
    await controller.open('R1', AREA);
    expect(host().loads).toEqual(['https://room.example/other/path/R1?ticket=T1&force=0']);
  });
});
