import { test as base, expect, type Page } from '@playwright/test';
import Conf from 'conf';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createAppServices, type AppServices, type AppServicesOptions } from '../../../main/app-services';
import { createBridgeHandlers } from '../../../main/bridge/handlers';
import { createBridgeDispatcher } from '../../../main/bridge/dispatch';
import { createLogger, SecretRegistry } from '../../../main/logging/logger';
import { createKeytarVault } from '../../../main/profiles/secret-vault';
import { startSandboxGateway, type SandboxGateway, type SandboxVoiceVendor } from '../../../main/sandbox/index';
import { appVoicePolicy, contentSecurityPolicy } from '../../../main/shell/content-security-policy';
import { eventChannelFor, methodNames, type EventName, type EventPayload, type MethodName } from '../../../preload/contract';
import { preloadShimScript } from './preload-shim';
import { serveDirectory } from './static-server';
import { pageViewerHost, type PageViewerRecord } from '../viewer/support/page-viewer-host';
import { pageTourHost, type PageTourRecord } from '../tour/support/page-tour-host';

const projectRoot = resolve(import.meta.dirname, '../../..');
/** The built guest page the sandbox serves at /guest/ (npm run build:guest). */
const guestPageDir = join(projectRoot, 'out/guest');
const INVOKE_BINDING = '__roomdeskHarnessInvoke';
const channels = new Map<string, MethodName>(methodNames.map((m) => [`roomdesk:${m}`, m]));

export interface HarnessApp {
  page: Page;
  sandbox: SandboxGateway;
  services: AppServices;
  dataDir: string;
  /** Everything main logged during the test, for secret checks. */
  logLines: string[];
  /** The keychain service name this test's secrets live under. */
  keychainService: string;
  /** The embedded viewer's stand-in pages and what reached the system browser (test/e2e/viewer/support). */
  viewer: PageViewerRecord;
  /** The tour view's stand-in pages and what main pushed to them (test/e2e/tour/support). */
  tour: PageTourRecord;
  /** Loads the app and waits until it marks itself ready. */
  open(): Promise<void>;
  /** Pushes a main → renderer event, as webContents.send does in the app. */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): Promise<void>;
  /** Decides what the "save export" dialog answers (default: a file under dataDir/exports). */
  answerSaveDialog(choose: (suggestedName: string) => string | null): void;
  /** The text of every file main wrote under the data dir. */
  dataFiles(): Promise<Array<{ path: string; text: string }>>;
  /** Starts a fresh sandbox gateway on the port the previous one used (close that one first). */
  restartSandbox(): Promise<SandboxGateway>;
  /** Disposes main's services and builds them again over the same data dir, as an app restart does. */
  restartServices(): Promise<void>;
}

export interface HarnessOptions {
  /** The built renderer to serve (default out/renderer). */
  rendererRoot: string;
  /** How main's reachability probe backs off while offline (default: the app's). */
  networkBackoff: AppServicesOptions['networkBackoff'];
  /**
   * What `room_link` the sandbox hands out. The suites here drive the embedded viewer through the
   * sandbox's http room page, so they ask for `page`; the real service (and the sandbox's default)
   * returns a ws live channel link.
   */
  sandboxRoomLinks: 'page' | 'live-channel';
  /** Which vendor's signature shape the sandbox hands out (default its own). */
  sandboxVoiceVendor: SandboxVoiceVendor;
}

/**
 * Each test gets the built renderer with the real preload bundle in Chromium, wired to the same
 * dispatcher main registers with ipcMain, over real services: the sandbox gateway on loopback,
 * the OS keychain (a per-test service name), and stores in a fresh temp dir.
 */
export const test = base.extend<{ app: HarnessApp } & HarnessOptions>({
  rendererRoot: [join(projectRoot, 'out/renderer'), { option: true }],
  networkBackoff: [undefined, { option: true }],
  sandboxRoomLinks: ['page', { option: true }],
  sandboxVoiceVendor: ['sandbox', { option: true }],
  app: async ({ page, browser, rendererRoot, networkBackoff, sandboxRoomLinks, sandboxVoiceVendor }, use) => {
    const viewerHost = pageViewerHost(browser);
    // Calls from the tour page go to the current services' tour dispatcher (services are rebuilt on restart).
    const tourHost = pageTourHost(browser, () => (method, input, sender) => services.tourPage(method, input, sender));
    const dataDir = await mkdtemp(join(tmpdir(), 'roomdesk-e2e-'));
    let sandbox = await startSandboxGateway({ roomLinks: sandboxRoomLinks, guestPageDir, voiceVendor: sandboxVoiceVendor });
    const keychainService = `Roomdesk-e2e-${randomUUID()}`;
    const vault = createKeytarVault(keychainService);
    const logLines: string[] = [];
    let exportChoice: (suggestedName: string) => string | null = (name) => join(dataDir, 'exports', name);
    const secrets = new SecretRegistry();
    const logger = createLogger((line) => logLines.push(line), secrets);
    let appForEvents: HarnessApp | null = null;
    const makeServices = () =>
      createAppServices({
        dataDir,
        profileStore: new Conf({ cwd: dataDir, configName: 'profiles', projectName: 'roomdesk-e2e' }),
        vault,
        sandbox,
        logger,
        secrets,
        appVersion: 'e2e',
        platform: process.platform,
        chooseExportPath: async (suggestedName) => exportChoice(suggestedName),
        viewerHost: viewerHost.factory,
        tourHost: tourHost.factory,
        tourPageDir: guestPageDir,
        openExternal: async (url) => {
          viewerHost.record.openedExternally.push(url);
          return true;
        },
        // The history may report its state before the harness is built; the page asks again on load.
        emit: (event, payload) => {
          void appForEvents?.emit(event, payload).catch(() => undefined);
        },
        ...(networkBackoff ? { networkBackoff } : {}),
      });
    let services = await makeServices();
    let dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);
    const server = await serveDirectory(rendererRoot, contentSecurityPolicy({ isDev: false, ...appVoicePolicy }));
    const appOrigin = server.origin;

    await page.exposeBinding(INVOKE_BINDING, async (source, channel: unknown, input: unknown) => {
      const method = typeof channel === 'string' ? channels.get(channel) : undefined;
      // Same rule as the app: only the app's own top frame may call main.
      const trusted = source.frame === page.mainFrame() && new URL(source.frame.url()).origin === appOrigin;
      return dispatch(method ?? String(channel), input, { trusted });
    });
    const preloadSource = await readFile(join(projectRoot, 'out/preload/index.cjs'), 'utf8');
    await page.addInitScript({ content: preloadShimScript(preloadSource, INVOKE_BINDING) });
    // As the app window does (main/electron/app-page-recovery.ts): a new load of the page lets go of its live channel holds.
    page.on('framenavigated', (frame) => {
      if (frame === page.mainFrame()) services.live.releasePageHolds();
    });

    const app: HarnessApp = (appForEvents = {
      page,
      sandbox,
      services,
      dataDir,
      logLines,
      keychainService,
      viewer: viewerHost.record,
      tour: tourHost.record,
      async open() {
        await page.goto(`${appOrigin}/index.html`);
        await expect(page.locator('html[data-app-ready="true"]')).toBeAttached({ timeout: 15_000 });
      },
      async emit(event, payload) {
        await page.evaluate(
          ([channel, body]) =>
            (window as unknown as { __roomdeskHarnessEmit(c: string, p: unknown): void }).__roomdeskHarnessEmit(channel, body),
          [eventChannelFor(event), payload] as const,
        );
      },
      answerSaveDialog(choose) {
        exportChoice = choose;
      },
      async restartSandbox() {
        sandbox = await startSandboxGateway({
          port: Number(new URL(sandbox.baseUrl).port),
          roomLinks: sandboxRoomLinks,
          guestPageDir,
          voiceVendor: sandboxVoiceVendor,
        });
        app.sandbox = sandbox;
        return sandbox;
      },
      async restartServices() {
        await services.dispose();
        services = await makeServices();
        app.services = services;
        dispatch = createBridgeDispatcher(createBridgeHandlers(services), logger);
      },
      async dataFiles() {
        const files: Array<{ path: string; text: string }> = [];
        for (const entry of await readdir(dataDir, { recursive: true, withFileTypes: true })) {
          if (!entry.isFile()) continue;
          const path = join(entry.parentPath, entry.name);
          files.push({ path, text: await readFile(path, 'utf8') });
        }
        return files;
      },
    });
    await use(app);

    for (const profile of await services.profiles.list()) {
      if (!profile.isSandbox) await vault.delete(profile.id).catch(() => false);
    }
    await services.dispose();
    await server.close();
    // A test may have stopped the sandbox itself to go offline.
    await sandbox.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  },
});

export { expect };
