import { describe, expect, it } from 'vitest';
import { APP_BACKGROUND_COLOR, appWindowOptions } from '../../../main/shell/app-window-options';

const preloadPath = '/opt/Roomdesk/out/preload/index.cjs';

describe('appWindowOptions', () => {
  const options = appWindowOptions({ preloadPath, isDev: false });

  it('isolates and sandboxes the renderer with no Node anywhere', () => {
    expect(options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
  });

  it('loads the CommonJS preload and nothing else', () => {
    expect(options.webPreferences?.preload).toBe(preloadPath);
    expect(options.webPreferences?.partition).toBeUndefined();
  });

  it('refuses a preload that a sandboxed renderer cannot load, or a relative one', () => {
    expect(() => appWindowOptions({ preloadPath: '/opt/Roomdesk/out/preload/index.mjs', isDev: false })).toThrow(/CommonJS/);
    expect(() => appWindowOptions({ preloadPath: '/opt/Roomdesk/out/preload/index.js', isDev: false })).toThrow(/CommonJS/);
    expect(() => appWindowOptions({ preloadPath: 'out/preload/index.cjs', isDev: false })).toThrow(/absolute/);
  });

  it('stays hidden until the first paint, on the theme background, with a usable minimum size', () => {
    expect(options.show).toBe(false);
    expect(options.backgroundColor).toBe(APP_BACKGROUND_COLOR);
    expect(options.title).toBe('Roomdesk');
    expect(options.minWidth).toBeGreaterThanOrEqual(800);
    expect(options.minHeight).toBeGreaterThanOrEqual(560);
    expect(options.width).toBeGreaterThanOrEqual(options.minWidth ?? 0);
    expect(options.height).toBeGreaterThanOrEqual(options.minHeight ?? 0);
  });

  it('keeps the same hardening in development', () => {
    expect(appWindowOptions({ preloadPath, isDev: true }).webPreferences).toEqual(options.webPreferences);
  });

  it('sets the window icon only when one is given', () => {
    expect(options.icon).toBeUndefined();
    expect(appWindowOptions({ preloadPath, isDev: false, iconPath: '/opt/Roomdesk/resources/icon.png' }).icon).toBe(
      '/opt/Roomdesk/resources/icon.png',
    );
  });
});
