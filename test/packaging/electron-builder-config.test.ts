import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ID } from '../../main/app-identity';
import { ensureBuilt } from '../bundles/ensure-built';

// The installers cannot be built here (electron-builder downloads Electron's release), so the
// configuration is checked as electron-builder itself loads and validates it.
const root = resolve(import.meta.dirname, '../..');
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<Record<string, any>>;
  validateConfiguration(
    config: Record<string, any>,
    debugLogger: { add(key: string, value: unknown): void; isEnabled: boolean },
  ): Promise<void>;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  scripts: Record<string, string>;
  main: string;
};

/** electron-builder normalises `files` into `[{ filter: [...] }]`. */
function filePatterns(config: Record<string, any>): string[] {
  return (config.files as Array<string | { filter?: string[] }>).flatMap((entry) =>
    typeof entry === 'string' ? [entry] : (entry.filter ?? []),
  );
}

async function loadConfig() {
  const config = await getConfig(root, null, null);
  await validateConfiguration(config, { add: () => undefined, isEnabled: false });
  return config;
}

const ENGLISH =
  'Roomdesk uses your microphone only when you join voice in a VR viewing room, so you can talk your client through the tour.';
const CHINESE = 'Roomdesk 仅在您加入 VR 带看房间的语音时使用麦克风,以便您在带看中与客户通话。';

beforeAll(ensureBuilt, 120_000);

describe('electron-builder configuration', () => {
  it('is the file electron-builder loads, and passes its own schema', async () => {
    const config = await loadConfig();
    expect(config.appId).toBe(APP_ID);
    expect(pkg.scripts.dist).toMatch(/npm run build && tsx scripts\/icons\.ts && electron-builder/);
  });

  it('packs an allow-list: the built app, the manifest, the icon; never tool, report or artifact folders', async () => {
    const files = filePatterns(await loadConfig());
    const includes = files.filter((pattern) => !pattern.startsWith('!'));
    expect(includes).toEqual(['out/**/*', 'package.json', 'resources/icon.png']);
    expect(pkg.main.startsWith('out/')).toBe(true);
    for (const folder of ['.tools', 'artifacts', 'reports', 'test', 'scripts', 'main', 'renderer', 'dist', '.ci']) {
      expect(includes.some((pattern) => pattern.startsWith(folder) || pattern.startsWith('**'))).toBe(false);
    }
  });

  it('keeps every package the built main imports in the app', async () => {
    const files = filePatterns(await loadConfig());
    const main = readFileSync(join(root, 'out/main/index.js'), 'utf8');
    const bare = new Set(
      [...main.matchAll(/(?:from\s*|import\s*\(\s*)["']([^"'.][^"']*)["']/g)]
        .map((match) => match[1]!)
        .filter((specifier) => !specifier.startsWith('node:') && specifier !== 'electron')
        .map((specifier) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!)),
    );
    expect([...bare].sort()).toEqual(expect.arrayContaining(['electron-store', 'keytar', 'ws', 'zod']));
    const excluded = files.filter((pattern) => pattern.startsWith('!node_modules/')).join(' ');
    for (const name of bare) {
      expect(Object.keys(pkg.dependencies), `${name} must be a production dependency`).toContain(name);
      expect(excluded.includes(name.split('/')[0]!), `${name} must not be excluded`).toBe(false);
    }
  });

  it("uses an asar with keytar's native module unpacked, and rebuilds nothing (keytar is Node-API)", async () => {
    const config = await loadConfig();
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('node_modules/keytar/**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.nodeGypRebuild).toBe(false);
    expect(config.buildDependenciesFromSource).toBe(false);
  });

  it('turns the risky Electron fuses off and asar integrity and asar-only loading on', async () => {
    expect((await loadConfig()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it('macOS: hardened runtime with JIT and microphone entitlements, notarized, dmg and zip per architecture', async () => {
    const mac = (await loadConfig()).mac;
    expect(mac.hardenedRuntime).toBe(true);
    expect(mac.notarize).toBe(true);
    expect(mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    for (const file of [mac.entitlements, mac.entitlementsInherit]) {
      const plist = readFileSync(join(root, file), 'utf8');
      expect(plist).toMatch(/<key>com\.apple\.security\.cs\.allow-jit<\/key>\s*<true\/>/);
      expect(plist).toMatch(/<key>com\.apple\.security\.device\.audio-input<\/key>\s*<true\/>/);
    }
  });

  it('macOS: explains the microphone in English and Simplified Chinese', async () => {
    const mac = (await loadConfig()).mac;
    expect(mac.extendInfo.NSMicrophoneUsageDescription).toBe(ENGLISH);
    const strings = (lang: string) => {
      const entry = (mac.extraResources as { from: string; to: string }[]).find((resource) => resource.to === `${lang}.lproj`);
      expect(entry, `${lang}.lproj`).toBeDefined();
      return readFileSync(join(root, entry!.from, 'InfoPlist.strings'), 'utf8');
    };
    expect(strings('en')).toBe(`"NSMicrophoneUsageDescription" = "${ENGLISH}";\n`);
    expect(strings('zh_CN')).toBe(`"NSMicrophoneUsageDescription" = "${CHINESE}";\n`);
  });

  it('Windows: an NSIS installer; signing only from the environment', async () => {
    const config = await loadConfig();
    expect(config.win.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    const text = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(text).not.toMatch(/certificatePassword|cscKeyPassword|certificateFile|cscLink:/);
  });

  it('Linux: deb depending on libsecret-1-0, AppImage, a desktop entry and the generated icon set', async () => {
    const config = await loadConfig();
    expect(config.linux.target).toEqual(['deb', 'AppImage']);
    expect(config.deb.depends).toContain('libsecret-1-0');
    expect(config.linux.desktop.entry).toMatchObject({ Name: 'Roomdesk', StartupWMClass: 'Roomdesk' });
    expect(config.linux.icon).toBe('build/icons');
  });
});
