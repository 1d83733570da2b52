import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createProfileStore, type StoredProfile } from '../../../main/profiles/profile-store';
import { tempConf } from './store-fixture';

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});

function setup() {
  const fixture = tempConf();
  cleanups.push(fixture.cleanup);
  return { ...fixture, store: createProfileStore(fixture.conf) };
}

function profile(id: string, overrides: Partial<StoredProfile> = {}): StoredProfile {
  return {
    id,
    name: `Profile ${id}`,
    region: 'global',
    appKey: `key-${id}`,
    roles: { host: 'anchor', guest: 'audience' },
    userId: 'agent-1',
    nickname: 'Agent',
    createdAt: 1,
    updatedAt: 1,
    ...overrides,
  };
}

function storageFailure(run: () => unknown): { kind: string; message: string } {
  try {
    run();
  } catch (error) {
    return (error as { appError: { kind: string; message: string } }).appError;
  }
  throw new Error('expected a storage failure, but the call succeeded');
}

describe('createProfileStore', () => {
  it('reads back what it wrote, with the store path', () => {
    const { store, conf } = setup();
    expect(store.read()).toEqual({ profiles: [], activeId: null, problems: [] });
    store.upsert(profile('a'));
    store.upsert(profile('b', { region: 'custom', customBaseUrl: 'http://127.0.0.1:9000' }));
    store.upsert(profile('a', { name: 'Renamed' }));
    store.setActiveId('b');
    const contents = store.read();
    expect(contents.profiles.map((p) => [p.id, p.name])).toEqual([
      ['a', 'Renamed'],
      ['b', 'Profile b'],
    ]);
    expect(contents.activeId).toBe('b');
    expect(store.path).toBe(conf.path);
  });

  it('drops fields it does not know, so a secret handed to it never reaches the file', () => {
    const { store, conf } = setup();
    const leaked = { ...profile('a'), appSecret: 'never-on-disk-1234' } as StoredProfile;
    store.upsert(leaked);
    expect(readFileSync(conf.path, 'utf8')).not.toContain('never-on-disk-1234');
    expect(readFileSync(conf.path, 'utf8')).toContain('key-a');
  });

  it('reports an unreadable entry, keeps it through later writes, and lets it be removed', () => {
    const { store, conf } = setup();
    store.upsert(profile('good'));
    const broken = { id: 'broken', name: 'Broken', region: 'mars' };
    conf.set('profiles', [...(conf.get('profiles') as unknown[]), broken]);

    const contents = store.read();
    expect(contents.profiles.map((p) => p.id)).toEqual(['good']);
    expect(contents.problems).toHaveLength(1);
    expect(contents.problems[0]!.kind).toBe('storage');
    expect(contents.problems[0]!.message).toContain('"broken"');
    expect(contents.problems[0]!.message).toContain('region');

    store.upsert(profile('other'));
    expect(conf.get('profiles')).toContainEqual(broken);
    expect(store.hasEntry('broken')).toBe(true);
    expect(store.remove('broken')).toBe(true);
    expect(conf.get('profiles')).not.toContainEqual(broken);
    expect(store.read().problems).toEqual([]);
  });

  it('refuses to read or write over a profiles entry that is not a list, leaving the file as it was', () => {
    const { store, conf } = setup();
    conf.set('profiles', { surprise: true });
    const before = readFileSync(conf.path, 'utf8');
    expect(storageFailure(() => store.read())).toMatchObject({ kind: 'storage' });
    expect(storageFailure(() => store.upsert(profile('a'))).message).toContain('not a list');
    expect(readFileSync(conf.path, 'utf8')).toBe(before);
  });

  it('reports a file that is not JSON and never rewrites it', () => {
    const { store, conf } = setup();
    store.upsert(profile('a'));
    writeFileSync(conf.path, '{"profiles": [ truncated');
    const failure = storageFailure(() => store.read());
    expect(failure.kind).toBe('storage');
    expect(failure.message).toContain(conf.path);
    expect(storageFailure(() => store.upsert(profile('b'))).kind).toBe('storage');
    expect(readFileSync(conf.path, 'utf8')).toBe('{"profiles": [ truncated');
  });

  it('reports an active id that is not a profile id and treats it as none', () => {
    const { store, conf } = setup();
    conf.set('activeProfileId', 42);
    const contents = store.read();
    expect(contents.activeId).toBeNull();
    expect(contents.problems[0]!.message).toContain('active profile');
  });
});
