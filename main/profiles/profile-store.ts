import { existsSync, renameSync } from 'node:fs';
import { z } from 'zod';
import type { AppError } from '../../common/errors';
import { endpointTableSchema, roleNamesSchema } from '../../common/profile';
import { AppFailure } from '../app-failure';

/**
 * The part of electron-store / conf the profile store needs. The app passes
 * `new ElectronStore({ name: 'profiles' })`; tests pass `new Conf({ cwd, projectName })`.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
  readonly path: string;
  /** Set when the settings file could not be read at start and was moved aside; listed with the store's problems. */
  readonly startupProblem?: AppError;
}

/**
 * Opens the profile settings file. A file that cannot be opened (conf throws on invalid JSON) is
 * moved aside, the settings start empty so the app runs on the sandbox, and the store carries a
 * problem saying where the old file went. Anything else that fails is thrown.
 */
export function openProfileSettings(open: () => KeyValueStore, file: string, now: () => number = Date.now): KeyValueStore {
  try {
    return open();
  } catch (error) {
    if (!existsSync(file)) throw error;
    const movedTo = `${file}.unreadable-${new Date(now()).toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, movedTo);
    const store = open();
    const startupProblem: AppError = {
      kind: 'storage',
      message:
        `Roomdesk could not read its saved profiles (${describe(error)}), so it started on the sandbox. ` +
        `The unreadable file was kept as ${movedTo}; App Secrets in the keychain were not touched. Add your profiles again, or repair that file and put it back while Roomdesk is closed.`,
    };
    return { get: (key) => store.get(key), set: (key, value) => store.set(key, value), path: store.path, startupProblem };
  }
}

const PROFILES_KEY = 'profiles';
const ACTIVE_KEY = 'activeProfileId';

export const profileIdSchema = z.string().regex(/^[a-z0-9-]{1,64}$/);

/** The non-secret part of a profile as kept on disk. There is deliberately no field for the secret. */
export const storedProfileSchema = z.object({
  id: profileIdSchema,
  name: z.string().min(1),
  region: z.enum(['global', 'china', 'legacy', 'custom']),
  customBaseUrl: z.string().optional(),
  appKey: z.string().min(1),
  roles: roleNamesSchema,
  endpoints: endpointTableSchema.partial().optional(),
  userId: z.string().min(1),
  nickname: z.string(),
  /** Absent in profiles saved before it existed: they read as the default zone. */
  timeZone: z.string().optional(),
  /** Absent in profiles saved before it existed, and until the agency's guest page is set. */
  guestPageUrl: z.string().optional(),
  createdAt: z.number(),
  updatedAt: z.number(),
});
export type StoredProfile = z.infer<typeof storedProfileSchema>;

export interface ProfileStoreContents {
  profiles: StoredProfile[];
  activeId: string | null;
  /** Entries that could not be read. They stay in the file untouched until the user deletes them. */
  problems: AppError[];
}

export interface ProfileStore {
  readonly path: string;
  read(): ProfileStoreContents;
  /** Replaces the entry with the same id, or appends. Unreadable entries are kept as they are. */
  upsert(profile: StoredProfile): void;
  /** True when an entry with this id exists, readable or not. */
  hasEntry(id: string): boolean;
  /** Removes every entry with this id, readable or not. False when there was none. */
  remove(id: string): boolean;
  setActiveId(id: string | null): void;
}

function storageError(message: string): AppFailure {
  return new AppFailure({ kind: 'storage', message });
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function idOf(entry: unknown): string | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined;
  const id = (entry as { id?: unknown }).id;
  return profileIdSchema.safeParse(id).success ? (id as string) : undefined;
}

function issueText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`)
    .join('; ');
}

export function createProfileStore(kv: KeyValueStore): ProfileStore {
  const leftAlone = `The file was left as it is; fix or remove that part of ${kv.path}, or delete the profile in Roomdesk.`;

  function readKey(key: string): unknown {
    try {
      return kv.get(key);
    } catch (error) {
      throw storageError(
        `Roomdesk could not read its profile settings (${describe(error)}). The file ${kv.path} was left as it is; ` +
          'fix it or move it away, then restart Roomdesk.',
      );
    }
  }

  function writeKey(key: string, value: unknown): void {
    try {
      kv.set(key, value);
    } catch (error) {
      throw storageError(
        `Roomdesk could not write its profile settings to ${kv.path} (${describe(error)}). ` +
          'Check that the disk is not full and the folder is writable, then try again.',
      );
    }
  }

  /** The raw list as stored. Anything but a list is refused: writing over it would lose it. */
  function rawEntries(): unknown[] {
    const raw = readKey(PROFILES_KEY);
    if (raw === undefined || raw === null) return [];
    if (!Array.isArray(raw)) {
      throw storageError(
        `Roomdesk's saved profiles in ${kv.path} are not a list, so they cannot be read. ` +
          'The file was left as it is; fix or remove its "profiles" entry, then restart Roomdesk.',
      );
    }
    return raw;
  }

  return {
    path: kv.path,

    read() {
      const profiles: StoredProfile[] = [];
      const problems: AppError[] = kv.startupProblem ? [kv.startupProblem] : [];
      rawEntries().forEach((entry, index) => {
        const parsed = storedProfileSchema.safeParse(entry);
        if (parsed.success) {
          profiles.push(parsed.data);
          return;
        }
        const id = idOf(entry);
        const which = id ? `Saved profile "${id}"` : `Saved profile number ${index + 1}`;
        problems.push({ kind: 'storage', message: `${which} cannot be read (${issueText(parsed.error)}). ${leftAlone}` });
      });

      const rawActive = readKey(ACTIVE_KEY);
      const activeIsValid = profileIdSchema.safeParse(rawActive).success;
      if (rawActive !== undefined && rawActive !== null && !activeIsValid) {
        const message = `The active profile setting in ${kv.path} is not a profile id; the sandbox is used instead.`;
        problems.push({ kind: 'storage', message });
      }
      return { profiles, activeId: activeIsValid ? (rawActive as string) : null, problems };
    },

    upsert(profile) {
      const stored = storedProfileSchema.parse(profile);
      const entries = rawEntries();
      const index = entries.findIndex((entry) => idOf(entry) === stored.id && storedProfileSchema.safeParse(entry).success);
      const next = [...entries];
      if (index >= 0) next[index] = stored;
      else next.push(stored);
      writeKey(PROFILES_KEY, next);
    },

    hasEntry(id) {
      return rawEntries().some((entry) => idOf(entry) === id);
    },

    remove(id) {
      const entries = rawEntries();
      const next = entries.filter((entry) => idOf(entry) !== id);
      if (next.length === entries.length) return false;
      writeKey(PROFILES_KEY, next);
      return true;
    },

    setActiveId(id) {
      writeKey(ACTIVE_KEY, id);
    },
  };
}
