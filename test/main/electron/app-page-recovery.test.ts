import { EventEmitter } from 'node:events';
import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import { recoverAppPage } from '../../../main/electron/app-page-recovery';
import { createLiveChannelHolds } from '../../../main/viewer/live-channel-holds';
import { liveChannelHolders } from '../../../common/contract/viewer';

/** The parts of a BrowserWindow and its webContents that recovery uses, in plain Node. */
function fakeWindow() {
  const contents = Object.assign(new EventEmitter(), {
    reloads: 0,
    isDestroyed: () => false,
    reload() {
      contents.reloads += 1;
      contents.emit('did-navigate', {}, 'app://index.html', 200, 'OK');
    },
    forcefullyCrashRenderer: () => undefined,
  });
  const window = Object.assign(new EventEmitter(), { webContents: contents, isDestroyed: () => false });
  return { window, contents, asWindow: window as unknown as BrowserWindow };
}

/** Recovery wired as main/index.ts wires it, over a real holds registry. */
function recovering() {
  const { window, contents, asWindow } = fakeWindow();
  const holds = createLiveChannelHolds<(typeof liveChannelHolders)[number] | 'tour-view'>();
  const released: string[][] = [];
  let viewerClosed = 0;
  let gaveUp = 0;
  recoverAppPage(asWindow, {
    closeViewer: () => (viewerClosed += 1),
    releasePageHolds: () => released.push(holds.releaseAll(liveChannelHolders)),
    report: () => undefined,
    giveUp: () => (gaveUp += 1),
  });
  const holdAll = () => {
    holds.hold('ROOM1', 'presence');
    holds.hold('ROOM1', 'voice');
    holds.hold('ROOM2', 'tour');
    holds.hold('ROOM2', 'tour-view');
  };
  return { window, contents, holds, released, holdAll, viewerClosed: () => viewerClosed, gaveUp: () => gaveUp };
}

describe('the app page going away releases what it held', () => {
  it('a crash releases every page hold before the page reloads; main’s own holds stay', () => {
    const r = recovering();
    r.holdAll();
    r.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    expect(r.contents.reloads).toBe(1);
    expect(r.viewerClosed()).toBe(1);
    expect(r.released[0]).toEqual(['ROOM1']);
    expect(r.holds.holders('ROOM1')).toEqual([]);
    expect(r.holds.holders('ROOM2')).toEqual(['tour-view']);
  });

  it('a hung page and a plain reload release them too; a clean exit (the window closing) is no reload', () => {
    const r = recovering();
    r.holdAll();
    r.window.emit('unresponsive');
    expect(r.holds.holders('ROOM1')).toEqual([]);

    r.holdAll();
    r.contents.emit('did-navigate', {}, 'app://index.html', 200, 'OK');
    expect(r.holds.holders('ROOM1')).toEqual([]);
    expect(r.holds.holders('ROOM2')).toEqual(['tour-view']);

    const before = r.contents.reloads;
    r.holdAll();
    r.contents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    expect(r.contents.reloads).toBe(before);
    expect(r.holds.holders('ROOM1')).toEqual(['presence', 'voice']);
  });

  it('a page that keeps dying still lets go of its holds when recovery gives up', () => {
    const r = recovering();
    for (let crash = 0; crash < 4; crash += 1) {
      r.holdAll();
      r.contents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    }
    expect(r.gaveUp()).toBe(1);
    expect(r.contents.reloads).toBe(3);
    expect(r.holds.holders('ROOM1')).toEqual([]);
  });
});
