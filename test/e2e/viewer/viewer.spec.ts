import { AREA, SHOWN, appWithRoom, call, expect, latestPhase, test, ticketOf, viewerStates } from './support/viewer-test';

// These flows open the sandbox's http room page in the viewer (the real service returns a ws link).
test.use({ sandboxRoomLinks: 'page' });

test.describe('the embedded room viewer (harness: a browser page stands in for the WebContentsView)', () => {
  // Each test starts the app, a sandbox and a second browser context: slow when the machine is busy.
  test.describe.configure({ timeout: 90_000 });

  test('joining opens the sandbox room page as host and the sandbox shows the agent in the room; the renderer never sees the ticket', async ({
    app,
  }) => {
    const roomCode = await appWithRoom(app);
    const opened = await call(app.page, 'openViewer', { roomCode, bounds: AREA });
    expect(opened.roomCode).toBe(roomCode);

    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const viewerPage = app.viewer.current()!;
    await expect(viewerPage.locator('[data-room-self]')).toContainText('(anchor)');
    await expect(viewerPage.locator('[data-room-end]')).toBeVisible();
    expect(app.viewer.visible).toBe(true);
    expect(app.viewer.bounds).toEqual({ x: 0, y: 120, width: 900, height: 560 });
    expect(viewerPage.viewportSize()).toEqual({ width: 900, height: 560 });

    const room = app.sandbox.rooms.get(roomCode)!;
    expect(room.status).toBe(1);
    expect(room.participants.map((p) => [p.role, p.status])).toEqual([['anchor', 1]]);

    const ticket = ticketOf(viewerPage.url())!;
    expect(ticket).toBeTruthy();
    const seenByRenderer = JSON.stringify(await viewerStates(app.page)) + (await app.page.content());
    expect(seenByRenderer).not.toContain(ticket);
    expect(seenByRenderer).not.toMatch(/ticket=/);
    const stored = await app.page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(stored).not.toContain(ticket);
    expect(app.logLines.join('\n')).not.toContain(ticket);
    // The viewer's page is in a context of its own: no bridge there.
    expect(await viewerPage.evaluate(() => typeof (window as unknown as { roomdesk?: unknown }).roomdesk)).toBe('undefined');
  });

  test('a second join (reload) uses a new ticket that takes over the first session', async ({ app }) => {
    const roomCode = await appWithRoom(app);
    await call(app.page, 'openViewer', { roomCode, bounds: AREA });
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const first = app.viewer.current()!;
    const firstUrl = first.url();

    await call(app.page, 'reloadViewer', { roomCode });
    await expect.poll(() => app.viewer.pages.length).toBe(2);
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const second = app.viewer.current()!;
    await expect(second.locator('[data-room-self]')).toBeVisible();
    expect(ticketOf(second.url())).not.toBe(ticketOf(firstUrl));
    expect(new URL(second.url()).searchParams.get('force')).toBe('1');
    expect(first.isClosed()).toBe(true);
    expect((await viewerStates(app.page)).at(-1)?.ticketsFetched).toBe(2);
    expect(app.sandbox.rooms.get(roomCode)!.participants.filter((p) => p.status === 1)).toHaveLength(1);
  });

  test('a reused ticket is refused by the sandbox and the viewer recovers with a fresh one', async ({ app }) => {
    const roomCode = await appWithRoom(app);
    await call(app.page, 'openViewer', { roomCode, bounds: AREA });
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const page = app.viewer.current()!;
    const usedTicket = ticketOf(page.url());

    // The page reloads itself (as F5 or a page script would): the same ticket goes to the sandbox again.
    const refused = page.waitForResponse((response) => response.status() === 403);
    await page.reload().catch(() => undefined);
    expect((await refused).status()).toBe(403);

    await expect.poll(() => app.viewer.pages.length).toBe(2);
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const recovered = app.viewer.current()!;
    await expect(recovered.locator('[data-room-self]')).toBeVisible();
    expect(ticketOf(recovered.url())).not.toBe(usedTicket);
    const states = await viewerStates(app.page);
    expect(states.at(-1)?.ticketsFetched).toBe(2);
    expect(states.some((state) => state.phase === 'ticket-refused')).toBe(false);
  });

  test('navigation to a foreign origin is blocked; an https link may go to the system browser, without any ticket', async ({ app }) => {
    const roomCode = await appWithRoom(app);
    await call(app.page, 'openViewer', { roomCode, bounds: AREA });
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const page = app.viewer.current()!;
    const roomUrl = page.url();

    await page.evaluate(() => {
      location.href = 'https://example.com/elsewhere?ref=room';
    });
    await expect.poll(async () => (await viewerStates(app.page)).at(-1)?.blocked).toEqual({ host: 'example.com', offerExternal: true });
    expect(page.url()).toBe(roomUrl);
    expect(app.viewer.blocked).toContain('https://example.com/elsewhere?ref=room');
    await expect(page.locator('[data-room-self]')).toBeVisible();

    expect(await call(app.page, 'openBlockedLinkInBrowser', { roomCode })).toEqual({ opened: true });
    expect(app.viewer.openedExternally).toEqual(['https://example.com/elsewhere?ref=room']);

    // Plain http elsewhere (even a look-alike loopback prefix) is refused and not offered.
    const sandboxPort = new URL(roomUrl).port;
    await page.evaluate((port) => {
      location.href = `http://127.0.0.1.nip.io:${port}/room/x`;
    }, sandboxPort);
    await expect.poll(async () => (await viewerStates(app.page)).at(-1)?.blocked?.offerExternal).toBe(false);
    expect(page.url()).toBe(roomUrl);
    expect(await call(app.page, 'openBlockedLinkInBrowser', { roomCode })).toEqual({ opened: false });
  });

  test('"open in browser" hands the browser a ticket of its own, never the viewer\'s', async ({ app }) => {
    const roomCode = await appWithRoom(app);
    await call(app.page, 'openViewer', { roomCode, bounds: AREA });
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const viewerTicket = ticketOf(app.viewer.current()!.url());

    expect(await call(app.page, 'openViewerInBrowser', { roomCode })).toEqual({ opened: true });
    expect(app.viewer.openedExternally).toHaveLength(1);
    const browserUrl = new URL(app.viewer.openedExternally[0]!);
    expect(browserUrl.origin).toBe(app.sandbox.baseUrl);
    expect(browserUrl.searchParams.get('ticket')).toBeTruthy();
    expect(browserUrl.searchParams.get('ticket')).not.toBe(viewerTicket);
  });

  test('a lost session is rejoined with a fresh ticket; an ended room is shown as ended', async ({ app }) => {
    const roomCode = await appWithRoom(app);
    await call(app.page, 'openViewer', { roomCode, bounds: AREA });
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const first = app.viewer.current()!;

    // The agent's user takes the room over from somewhere else (force=1): this page's session ends.
    const elsewhere = await app.services.rooms.hostTicketLink(roomCode, true);
    expect((await fetch(elsewhere.url)).status).toBe(200);
    await expect(first.locator('[data-room-ended]')).toBeAttached({ timeout: 10_000 });
    await expect.poll(() => app.viewer.pages.length, { timeout: 10_000 }).toBe(2);
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    await expect(app.viewer.current()!.locator('[data-room-self]')).toBeVisible();

    app.sandbox.rooms.close(roomCode);
    await expect.poll(() => latestPhase(app.page), { timeout: 15_000 }).toBe('room-ended');
    expect(app.viewer.visible).toBe(false);
    expect(app.viewer.pages).toHaveLength(2);
  });

  test('closing the viewer frees its page and reports closed', async ({ app }) => {
    const roomCode = await appWithRoom(app);
    await call(app.page, 'openViewer', { roomCode, bounds: AREA });
    await expect.poll(() => latestPhase(app.page), SHOWN).toBe('showing');
    const page = app.viewer.current()!;
    expect((await call(app.page, 'closeViewer')).phase).toBe('closed');
    await expect.poll(() => page.isClosed()).toBe(true);
    expect((await call(app.page, 'getViewerState')).phase).toBe('closed');
  });
});
