import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

const projectRoot = resolve(import.meta.dirname, '../..');
const builtMain = join(projectRoot, 'out/main/index.js');
const binary = findElectronBinary();

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  userDataDir: string;
  /** What main wrote to its log so far. */
  mainLog(): string;
  close(): Promise<void>;
}

function appArguments(userDataDir: string): string[] {
  // Chromium refuses to run as root with its OS sandbox (CI containers); the renderer's
  // `sandbox: true` is still what the suites assert.
  return [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), `--user-data-dir=${userDataDir}`, projectRoot];
}

/**
 * What every real-Electron suite needs: a skip that prints its reason once where no Electron
 * binary exists, and a launch of the built app in a throw-away user-data dir.
 */
export function electronSuite(suiteName: string) {
  const skipReason = 'reason' in binary ? `${suiteName} skipped: ${binary.reason}` : undefined;
  let reasonPrinted = false;

  function skipWithoutElectron(): void {
    if (!skipReason) return;
    if (!reasonPrinted) {
      console.log(skipReason);
      reasonPrinted = true;
    }
    test.skip(true, skipReason);
  }

  async function launch(): Promise<LaunchedApp | null> {
    if (!('path' in binary)) return null;
    expect(existsSync(builtMain), `run "npx electron-vite build" first: ${builtMain} is missing`).toBe(true);
    const userDataDir = mkdtempSync(join(tmpdir(), 'roomdesk-electron-'));
    const app = await electron.launch({ executablePath: binary.path, args: appArguments(userDataDir), cwd: projectRoot });
    const page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
    return {
      app,
      page,
      userDataDir,
      mainLog: () => {
        try {
          return readFileSync(join(userDataDir, 'logs', 'main.log'), 'utf8');
        } catch {
          return '';
        }
      },
      async close() {
        if (app.process().exitCode === null) await app.close();
        rmSync(userDataDir, { recursive: true, force: true });
      },
    };
  }

  /** Starts one more Electron on the same user-data dir, outside Playwright, as a user starting the app twice. */
  function startAgain(userDataDir: string): ChildProcess | null {
    if (!('path' in binary)) return null;
    return spawn(binary.path, appArguments(userDataDir), { cwd: projectRoot, stdio: 'ignore' });
  }

  return { skipWithoutElectron, launch, startAgain };
}
