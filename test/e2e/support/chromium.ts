import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/**
 * Playwright cannot download its own browser on every machine, so tests use the system Chromium
 * unless ROOMDESK_CHROMIUM points elsewhere (or is set to "bundled" for Playwright's own build).
 */
export function chromiumLaunchOptions(): LaunchOptions {
  const requested = process.env.ROOMDESK_CHROMIUM;
  const systemChromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
  const executablePath = requested === 'bundled' ? undefined : (requested ?? systemChromium);
  return {
    ...(executablePath ? { executablePath } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
    ],
  };
}
