import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createProfileStore, openProfileSettings } from '../../../main/profiles/profile-store';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function folderWith(contents: string | null): { dir: string; file: string; open: () => Conf } {
  const dir = mkdtempSync(join(tmpdir(), 'roomdesk-profiles-'));
  dirs.push(dir);
  const file = join(dir, 'profiles.json');
  if (contents !== null) writeFileSync(file, contents);
  // projectVersion as electron-store sets it: conf then reads the file in its constructor.
  return { dir, file, open: () => new Conf({ cwd: dir, configName: 'profiles', projectVersion: '0.1.0' }) };
}

describe('opening profiles.json', () => {
  it('conf itself throws on a file that is not JSON (what used to stop the app from starting)', () => {
    const { open } = folderWith('{"profiles": [');
    expect(open).toThrow(/not valid JSON/);
  });

  it('moves a file that is not JSON aside, starts empty, and reports where the old file went', () => {
    const broken = '{"profiles": [ {"id": "agency", "appKey": "k"';
    const { dir, file, open } = folderWith(broken);
    const kv = openProfileSettings(open, file, () => Date.UTC(2026, 0, 2, 3, 4, 5));

    const aside = readdirSync(dir).filter((name) => name.startsWith('profiles.json.unreadable-'));
    expect(aside).toEqual(['profiles.json.unreadable-2026-01-02T03-04-05-000Z']);
    expect(readFileSync(join(dir, aside[0]!), 'utf8')).toBe(broken);

    const store = createProfileStore(kv);
    const contents = store.read();
    expect(contents.profiles).toEqual([]);
    expect(contents.activeId).toBeNull();
    expect(contents.problems).toHaveLength(1);
    expect(contents.problems[0]).toMatchObject({ kind: 'storage' });
    expect(contents.problems[0]!.message).toContain(join(dir, aside[0]!));
    expect(contents.problems[0]!.message).toContain('sandbox');

    // The fresh file works: a save lands on disk.
    store.setActiveId('agency');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ activeProfileId: 'agency' });
  });

  it('leaves a readable file alone and reports nothing', () => {
    const { dir, file, open } = folderWith(JSON.stringify({ activeProfileId: 'sandbox' }));
    const store = createProfileStore(openProfileSettings(open, file));
    expect(store.read().problems).toEqual([]);
    expect(readdirSync(dir)).toEqual(['profiles.json']);
  });

  it('rethrows a failure that is not about the file (there is no file to move aside)', () => {
    const { file } = folderWith(null);
    expect(() =>
      openProfileSettings(() => {
        throw new Error('EACCES: permission denied');
      }, file),
    ).toThrow('EACCES');
  });
});
