import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelFor, methodNames, tourPageChannelFor, tourPageMethodNames } from '../../../preload/contract';
import { ensureBuilt } from '../../bundles/ensure-built';

// The built main (out/main/index.js) runs in a child Node process with the `electron` import
// resolved to test/electron-standin/, which throws on a destroyed window like Electron does.
const root = resolve(import.meta.dirname, '../../..');
const runner = join(root, 'test/electron-standin/run-main.mjs');
// A URL, not a path: --import takes a module specifier (a Windows path would read as a scheme).
const register = pathToFileURL(join(root, 'test/electron-standin/register.mjs')).href;

interface StandinReport {
  scenario: string;
  failure?: string;
  steps: { method: string; ok: boolean; error?: string }[];
  channels: string[];
  windows: number;
  pageUrl: string | null;
  viewerContentsDestroyed: boolean[];
  menu: { label?: string; submenu?: { role?: string }[] }[] | null;
  uncaught: string[];
  errorBoxes: { title: string; content: string }[];
  exited: number | null;
  journal: string[];
  logProblems: string[];
  quitMs?: number;
  sessions: Record<'app' | 'viewer', Record<string, boolean>>;
  windowOpen: { action: string } | null;
  appWindowPreferences: Record<string, unknown> | null;
  attachedAfterGone?: number;
  attachedAfterHang?: number;
  tour?: Record<string, unknown>;
  live?: { held: string; afterReload: string };
}

const scratch: string[] = [];

function userDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roomdesk-standin-'));
  scratch.push(dir);
  return dir;
}

/** The embedded viewer page exists only for rooms whose link is an http(s) page. */
const pageLinks = { env: { ROOMDESK_SANDBOX_ROOM_LINKS: 'page' } };

function play(scenario: string, options: { userData?: string; env?: Record<string, string> } = {}): Promise<StandinReport> {
  const userData = options.userData ?? userDataDir();
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', register, runner, scenario], {
      cwd: root,
      env: { ...process.env, ROOMDESK_STANDIN_USER_DATA: userData, ELECTRON_RENDERER_URL: '', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('error', fail);
    child.on('close', () => {
      const line = out.split('\n').find((text) => text.startsWith('STANDIN-REPORT '));
      if (!line) return fail(new Error(`no report from the stand-in run:\n${out}\n${err}`));
      done(JSON.parse(line.slice('STANDIN-REPORT '.length)) as StandinReport);
    });
  });
}

function expectClean(report: StandinReport): void {
  expect(report.failure).toBeUndefined();
  expect(report.uncaught).toEqual([]);
  expect(report.errorBoxes).toEqual([]);
  expect(report.logProblems).toEqual([]);
}

beforeAll(ensureBuilt, 120_000);

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

describe('the built main under a stand-in Electron', () => {
  it("starts: registers every bridge method and the tour page's, opens one window on the built page, installs a menu", async () => {
    const report = await play('startup');
    expectClean(report);
    const expected = [
      ...methodNames.map((method) => channelFor(method)),
      ...tourPageMethodNames.map((method) => tourPageChannelFor(method)),
    ];
    expect([...report.channels].sort()).toEqual(expected.sort());
    expect(report.windows).toBe(1);
    expect(report.pageUrl).toMatch(/^file:\/\/.*\/out\/renderer\/index\.html$/);
    expect(report.menu).not.toBeNull();
  });

  it('starts hardened: both sessions deny by default, the app session adds its CSP header, no popups, an isolated sandboxed page', async () => {
    const report = await play('startup');
    expectClean(report);
    expect(report.sessions.app).toEqual({
      permissionRequest: true,
      permissionCheck: true,
      devicePermission: true,
      cspHeaders: true,
      blocksDownloads: true,
    });
    expect(report.sessions.viewer).toEqual({
      permissionRequest: true,
      permissionCheck: true,
      devicePermission: true,
      cspHeaders: false,
      blocksDownloads: true,
    });
    expect(report.windowOpen).toEqual({ action: 'deny' });
    expect(report.appWindowPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(report.appWindowPreferences?.preload)).toMatch(/out\/preload\/index\.cjs$/);
  });

  it('has no zoom items in its menu (the viewer is placed in window pixels)', async () => {
    const report = await play('startup');
    const roles = (report.menu ?? []).flatMap((item) => item.submenu ?? []).map((item) => String(item.role ?? '').toLowerCase());
    expect(roles).toEqual(expect.arrayContaining(['copy', 'paste']));
    expect(roles.filter((role) => /zoomin|zoomout|resetzoom/.test(role))).toEqual([]);
  });

  it('closing the window with the viewer open closes the viewer page and quits without an error', async () => {
    const report = await play('close-window-with-viewer', pageLinks);
    expectClean(report);
    expect(report.steps.every((step) => step.ok)).toBe(true);
    expect(report.viewerContentsDestroyed).toEqual([true]);
    expect(report.exited).toBe(0);
    expect(report.journal).toContain('app will-quit');
  });

  it('quitting with the live channel open shuts down within the quit timeout, without an error', async () => {
    const report = await play('quit-with-live-channel');
    expectClean(report);
    expect(report.steps.map((step) => [step.method, step.ok])).toEqual([
      ['createRoom', true],
      ['connectLiveChannel', true],
    ]);
    expect(report.exited).toBe(0);
    expect(report.quitMs).toBeLessThan(5_000);
  });

  it('a reload of the app page lets go of the live channels the page held', async () => {
    const report = await play('app-page-reload-releases-holds');
    expectClean(report);
    expect(report.live).toEqual({ held: 'connected', afterReload: 'disconnected' });
  });

  it('a crashed app page is reloaded and leaves no viewer over it', async () => {
    const report = await play('app-page-gone', pageLinks);
    expect(report.failure).toBeUndefined();
    expect(report.uncaught).toEqual([]);
    expect(report.logProblems.join('\n')).toContain('the app page crashed');
    expect(report.attachedAfterGone).toBe(0);
    expect(report.viewerContentsDestroyed).toEqual([true]);
    expect(report.journal).toContain('webContents#1 reload');
  });

  it('a hung app page is ended and reloaded, and leaves no viewer over it', async () => {
    const report = await play('app-page-unresponsive', pageLinks);
    expect(report.failure).toBeUndefined();
    expect(report.uncaught).toEqual([]);
    expect(report.attachedAfterHang).toBe(0);
    expect(report.journal).toEqual(expect.arrayContaining(['webContents#1 render-process-gone', 'webContents#1 reload']));
  });

  it('saves the room history when Windows ends the session', async () => {
    const userData = userDataDir();
    const report = await play('session-end', { userData });
    expectClean(report);
    const log = readFileSync(join(userData, 'logs', 'main.log'), 'utf8');
    expect(log).toContain('room history saved: the session is ending');
    expect(log).toContain('room history saved: the session ended');
  });

  it('shows the tour in its own sandboxed view with the tour preload, and hears tour calls only from that view', async () => {
    const report = await play('tour-view');
    expect(report.failure).toBeUndefined();
    expect(report.uncaught).toEqual([]);
    // The only problems logged are the refusals this scenario asked for.
    expect(report.logProblems.length).toBe(4);
    for (const line of report.logProblems) expect(line).toMatch(/call refused: (sender is not the app window|not the open tour page)/);
    const tour = report.tour!;
    expect(tour.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tour\/[0-9a-f]{32}\/$/);
    expect(tour.preferences).toMatchObject({ partition: 'roomdesk-tour', sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String((tour.preferences as { preload?: string }).preload)).toMatch(/out[\\/]tour-preload[\\/]index\.cjs$/);
    expect(tour.attached).toBe(true);
    expect(tour.readyFromTour).toEqual(['hostRole', 'locale', 'resourceOrigins', 'roomCode', 'work']);
    expect(tour).toMatchObject({
      readyFromApp: 'forbidden',
      readyFromSubframe: 'forbidden',
      appBridgeFromTour: 'forbidden',
      badInput: 'validation',
      navigateAway: 'blocked',
      navigateOwn: 'allowed',
      popup: { action: 'deny' },
      permission: false,
      destroyedAfterClose: true,
      readyAfterClose: 'forbidden',
    });
  });

  it('a second instance opens no window, registers nothing and quits', async () => {
    const report = await play('second-instance', { env: { ROOMDESK_STANDIN_SECOND_INSTANCE: '1' } });
    expect(report.failure).toBeUndefined();
    expect(report.windows).toBe(0);
    expect(report.channels).toEqual([]);
    expect(report.journal).toContain('app before-quit');
  });

  it('starts on the sandbox when profiles.json is not valid JSON, keeping the bad file aside', async () => {
    const userData = userDataDir();
    writeFileSync(join(userData, 'profiles.json'), '{"profiles": [ {"id": "agency"');
    const report = await play('startup', { userData });
    expect(report.failure).toBeUndefined();
    expect(report.uncaught).toEqual([]);
    expect(report.errorBoxes).toEqual([]);
    expect(report.windows).toBe(1);
    expect(readdirSync(userData).filter((name) => name.startsWith('profiles.json.unreadable-'))).toHaveLength(1);
    expect(report.logProblems.join('\n')).toContain('saved profiles were unreadable and moved aside');
  });
});
