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

  it('uses its own persistent partition', () => {
    expect(VIEWER_PARTITION).toBe('persist:roomdesk-viewer');
    expect(viewerWebPreferences().partition).toBe(VIEWER_PARTITION);
    expect(viewerWebPreferences('persist:roomdesk-viewer-test').partition).toBe('persist:roomdesk-viewer-test');
  });

  it('refuses the default session or an in-memory partition', () => {
    expect(() => viewerWebPreferences('')).toThrow(/persistent partition/);
    expect(() => viewerWebPreferences('roomdesk-viewer')).toThrow(/persistent partition/);
    expect(() => viewerWebPreferences('persist:')).toThrow(/persistent partition/);
  });
});
