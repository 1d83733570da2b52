import { expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { electronSuite } from './launch';
import { methodNames } from '../../common/contract/index';

const { skipWithoutElectron, launch } = electronSuite('Electron app suite');

test.describe('the real Electron app', () => {
  test.describe.configure({ mode: 'serial' });

  let app: ElectronApplication;
  let page: Page;
  let close: (() => Promise<void>) | undefined;

  test.beforeAll(async () => {
    skipWithoutElectron();
    const launched = await launch();
    if (!launched) return;
    ({ app, page, close } = launched);
  });

  test.afterAll(async () => {
    await close?.();
  });

  test.beforeEach(() => skipWithoutElectron());

  test('the app window runs isolated and sandboxed, without Node', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) => {
      // getLastWebPreferences() exists at runtime (Electron's own tests use it) but is not in electron.d.ts.
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        { getLastWebPreferences(): Electron.WebPreferences | null } | undefined;
      const prefs = contents?.getLastWebPreferences();
      return prefs
        ? {
            contextIsolation: prefs.contextIsolation,
            sandbox: prefs.sandbox,
            nodeIntegration: prefs.nodeIntegration,
            webviewTag: prefs.webviewTag,
            webSecurity: prefs.webSecurity,
          }
        : null;
    });
    expect(preferences).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });

  test('the page sees one frozen bridge object and no Node globals', async () => {
    const globals = await page.evaluate(() => {
      const scope = window as unknown as Record<string, unknown>;
      return {
        bridgeType: typeof scope.roomdesk,
        bridgeFrozen: Object.isFrozen(scope.roomdesk),
        requireType: typeof scope.require,
        processType: typeof scope.process,
        moduleType: typeof scope.module,
      };
    });
    expect(globals).toEqual({
      bridgeType: 'object',
      bridgeFrozen: true,
      requireType: 'undefined',
      processType: 'undefined',
      moduleType: 'undefined',
    });
  });

  test('window.open opens no window, and https links go to the system browser instead', async () => {
    const stubbed = await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as { __openedExternally?: string[] }).__openedExternally = opened;
      shell.openExternal = async (url: string) => {
        opened.push(url);
      };
      return shell.openExternal.toString().includes('opened.push');
    });
    const results = await page.evaluate(() => [
      window.open('about:blank') === null,
      window.open('http://127.0.0.1:9/') === null,
      window.open('file:///etc/passwd') === null,
      window.open('https://example.com/help') === null,
    ]);
    expect(results).toEqual([true, true, true, true]);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    if (stubbed) {
      await expect
        .poll(() => app.evaluate(() => (globalThis as { __openedExternally?: string[] }).__openedExternally ?? []))
        .toEqual(['https://example.com/help']);
    } else {
      console.log('shell.openExternal could not be replaced in this Electron build; the external routing check was not made');
    }
  });

  test('the app window does not navigate away from its entry page', async () => {
    const entry = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(300);
    expect(page.url()).toBe(entry);
  });

  test('the page may not reach the network or run injected inline script', async () => {
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (event) => seen.push(event.effectiveDirective));
      await fetch('http://127.0.0.1:9/').catch(() => undefined);
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true';
      document.body.append(script);
      await new Promise((done) => setTimeout(done, 100));
      return { seen, inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true };
    });
    expect(violations.inlineRan).toBe(false);
    expect(violations.seen).toEqual(expect.arrayContaining(['connect-src', 'script-src-elem']));
  });

  test('the bridge offers exactly the contract methods and creates a sandbox room end to end', async () => {
    await expect(page.locator('html[data-app-ready="true"]')).toBeAttached({ timeout: 15_000 });
    const outcome = await page.evaluate(async () => {
      type Call = (input?: unknown) => Promise<{ ok: boolean; value?: Record<string, unknown>; error?: unknown }>;
      const bridge = (window as unknown as { roomdesk: Record<string, Call> }).roomdesk;
      const keys = Object.keys(bridge)
        .filter((key) => !/^on[A-Z]/.test(key))
        .sort();
      const created = await bridge.createRoom!({ guests: [], listing: { title: 'Electron suite' } });
      const code = created.ok ? String(created.value!.roomCode) : '';
      const details = code ? await bridge.getRoomDetails!({ roomCode: code }) : null;
      return { keys, created: created.ok, code, detailsCode: details?.ok ? details.value!.roomCode : null };
    });
    expect(outcome.keys).toEqual([...methodNames].sort());
    expect(outcome.created).toBe(true);
    expect(outcome.detailsCode).toBe(outcome.code);
  });
});
