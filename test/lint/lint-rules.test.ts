import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The process and feature rules live in eslint.config.js. Each case lints a line of code as if it
 * were in a file of the tree, so a rule that stops firing (a renamed folder, a resolver that no
 * longer finds .ts files) fails here rather than passing silently.
 */
let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function rulesHit(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('imports by process', () => {
  it.each([
    ['main/rooms/room-service.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['main/shell/permissions.ts', "import { session } from 'electron';\nexport const s = session;\n"],
    ['common/room.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('%s may not import electron', async (file, code) => {
    expect(await rulesHit(file, code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['main/electron/windows.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['main/index.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['main/shell/permissions.ts', "import type { Session } from 'electron';\nexport type S = Session;\n"],
  ])('%s may import electron', async (file, code) => {
    expect(await rulesHit(file, code)).not.toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['common/room.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['common/room.ts', "import { join } from 'path';\nexport const j = join;\n"],
    ['common/room.ts', "import { useState } from 'react';\nexport const u = useState;\n"],
    ['renderer/src/main.tsx', "import { join } from 'node:path';\nexport const j = join;\n"],
    ['main/voice/vendor.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['preload/index.ts', "import { EventEmitter } from 'events';\nexport const e = EventEmitter;\n"],
  ])('%s may not import a Node built-in or React', async (file, code) => {
    expect(await rulesHit(file, code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  it.each([
    ['common/room.ts', "import { bridgeDispatcher } from '../main/bridge/dispatch';\nexport const b = bridgeDispatcher;\n"],
    ['common/room.ts', "import { x } from '../preload/bridge';\nexport const b = x;\n"],
    ['main/rooms/room-service.ts', "import { x } from '../../renderer/src/main';\nexport const b = x;\n"],
    ['renderer/src/main.tsx', "import { x } from '../../main/bridge/dispatch';\nexport const b = x;\n"],
    ['renderer/src/main.tsx', "import { x } from '../../preload/bridge';\nexport const b = x;\n"],
    ['main/bridge/dispatch.ts', "import { x } from '../../preload/bridge';\nexport const b = x;\n"],
    ['renderer/src/ui/Dialog.tsx', "import { x } from '../app/App';\nexport const b = x;\n"],
  ])('%s may not reach across a process or layer boundary', async (file, code) => {
    expect(await rulesHit(file, code)).toContain('boundaries/dependencies');
  });

  it.each([
    ['main/rooms/room-service.ts', "import { x } from '../../common/room';\nexport const b = x;\n"],
    ['main/bridge/dispatch.ts', "import { x } from '../../common/contract/index';\nexport const b = x;\n"],
    ['renderer/src/main.tsx', "import { x } from '../../common/room';\nexport const b = x;\n"],
    ['main/rooms/room-service.ts', "import { x } from '../realsee/client';\nexport const b = x;\n"],
  ])('%s may import shared and own modules', async (file, code) => {
    expect(await rulesHit(file, code)).not.toContain('boundaries/dependencies');
  });
});

describe('the bridge object', () => {
  it('is read outside the accessor module only through it', async () => {
    expect(await rulesHit('renderer/src/main.tsx', 'export const b = window.roomdesk;\n')).toContain('no-restricted-properties');
  });

  it('is read by the accessor module', async () => {
    const { BRIDGE_ACCESSOR } = (await import('../../eslint.config.js')) as { BRIDGE_ACCESSOR: string };
    expect(await rulesHit(BRIDGE_ACCESSOR, 'export const b = window.roomdesk;\n')).not.toContain('no-restricted-properties');
  });
});

describe('file names', () => {
  const followsNaming = async (file: string) =>
    (await rulesHit(file, 'export const a = 1;\n')).includes('check-file/filename-naming-convention') === false;

  it('are kebab-case', async () => {
    expect(await followsNaming('main/rooms/roomService.ts')).toBe(false);
    expect(await followsNaming('main/rooms/room-service.ts')).toBe(true);
  });

  it('are PascalCase.tsx for renderer components and kebab-case.ts for the other renderer modules', async () => {
    expect(await followsNaming('renderer/src/features/room/RoomScreen.tsx')).toBe(true);
    expect(await followsNaming('renderer/src/features/room/room-screen.tsx')).toBe(false);
    expect(await followsNaming('renderer/src/lib/use-now.ts')).toBe(true);
    expect(await followsNaming('renderer/src/lib/useNow.ts')).toBe(false);
    expect(await followsNaming('renderer/src/lib/UseNow.ts')).toBe(false);
    expect(await followsNaming('renderer/src/main.tsx')).toBe(true);
  });

  it('name a dictionary by its locale tag', async () => {
    expect(await followsNaming('renderer/src/i18n/zh-CN.ts')).toBe(true);
    expect(await followsNaming('renderer/src/i18n/history.ts')).toBe(true);
    expect(await followsNaming('renderer/src/i18n/zhCN.ts')).toBe(false);
  });
});

describe('features', () => {
  // A renderer tree of its own, so the rule is checked whatever features the app has today.
  const root = mkdtempSync(join(tmpdir(), 'roomdesk-lint-'));
  const files = {
    'renderer/src/features/rooms/RoomList.tsx': 'export const list = 1;\n',
    'renderer/src/features/rooms/parts/Row.tsx': 'export const row = 1;\n',
    'renderer/src/features/room/RoomScreen.tsx': 'export const screen = 1;\n',
    'renderer/src/ui/Button.tsx': 'export const button = 1;\n',
  };
  let treeLint: ESLint;
  beforeAll(() => {
    for (const [file, code] of Object.entries(files)) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), code);
    }
    treeLint = new ESLint({
      cwd: root,
      overrideConfigFile: join(process.cwd(), 'eslint.config.js'),
      overrideConfig: { settings: { 'boundaries/root-path': root } },
    });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  async function treeRulesHit(filePath: string, code: string): Promise<string[]> {
    const [result] = await treeLint.lintText(code, { filePath: join(root, filePath) });
    return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
  }

  it('do not import each other', async () => {
    const code = "import { list } from '../rooms/RoomList';\nexport const a = list;\n";
    expect(await treeRulesHit('renderer/src/features/room/RoomScreen.tsx', code)).toContain('boundaries/dependencies');
  });

  it('import their own parts and the shared ui', async () => {
    const code = "import { row } from './parts/Row';\nimport { button } from '../../ui/Button';\nexport const a = [row, button];\n";
    expect(await treeRulesHit('renderer/src/features/rooms/RoomList.tsx', code)).toEqual([]);
  });

  it('are not imported by the shared ui', async () => {
    const code = "import { list } from '../features/rooms/RoomList';\nexport const a = list;\n";
    expect(await treeRulesHit('renderer/src/ui/Button.tsx', code)).toContain('boundaries/dependencies');
  });
});
