import { describe, expect, it } from 'vitest';
import { VIEWER_PARTITION, viewerWebPreferences } from '../../../main/shell/viewer-web-preferences';

describe('viewerWebPreferences', () => {
  it('runs the room page sandboxed, isolated, without Node and without a preload', () => {
    const preferences = viewerWebPreferences();
    expect(preferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
    expect(preferences.preload).toBeUndefined();
    expect('preload' in preferences).toBe(false);
  });

  it('uses its own in-memory partition, so no ticket URL reaches a disk cache', () => {
    expect(VIEWER_PARTITION).toBe('roomdesk-viewer');
    expect(viewerWebPreferences().partition).toBe(VIEWER_PARTITION);
    expect(viewerWebPreferences('roomdesk-viewer-test').partition).toBe('roomdesk-viewer-test');
  });

  it('refuses the default session and any persistent partition', () => {
    expect(() => viewerWebPreferences('')).toThrow(/in-memory partition/);
    expect(() => viewerWebPreferences('persist:roomdesk-viewer')).toThrow(/in-memory partition/);
    expect(() => viewerWebPreferences('PERSIST:x')).toThrow(/in-memory partition/);
  });
});
