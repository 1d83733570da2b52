import { randomUUID } from 'node:crypto';
import type { AppError } from '../../common/errors';
import { SANDBOX_PROFILE_ID, type ProfileSummary } from '../../common/profile';
import { AppFailure, appFailure, toAppError } from '../app-failure';
import type { GatewayProfile } from '../realsee/profile';
import { withoutSecret } from './keychain-errors';
import { parseDraft, storedFields, type ParsedDraft, type ProfileDraftInput } from './profile-draft';
import { createProfileStore, type KeyValueStore, type StoredProfile } from './profile-store';
import {
  gatewayOriginsOf,
  gatewayProfileOf,
  sandboxGatewayProfile,
  sandboxSummary,
  summaryOf,
  type SandboxCredentials,
} from './profile-views';
import type { SecretVault } from './secret-vault';

export type { ProfileDraftInput } from './profile-draft';
export type { SandboxCredentials } from './profile-views';

const SECRET_FOR_NEW_ORIGIN =
  'This profile now points at a different gateway: type the App Secret again to use a different gateway. ' +
  'The saved secret is only ever sent to the gateway it was saved for.';

const ADD_PROFILE_OR_RESTART = 'Add a Realsee profile, or restart Roomdesk to start the sandbox.';

/** Checks that a gateway accepts the credentials; throws an error carrying `appError` when not. */
export type ConnectionTester = (profile: GatewayProfile) => Promise<void>;

export interface ConnectionTestInput {
  id?: string;
  draft?: ProfileDraftInput;
}

export interface ConnectionTestResult {
  ok: true;
  checkedAt: number;
}

export interface ProfileOverview {
  profiles: ProfileSummary[];
  /** Set when the keychain could not be asked; those profiles are listed with `hasSecret: false`. */
  keychainProblem: AppError | null;
  /** Set when saved profiles could not all be read; the unreadable ones are left in the file, unlisted. */
  storageProblem: AppError | null;
}

export interface ProfileService {
  list(): Promise<ProfileSummary[]>;
  overview(): Promise<ProfileOverview>;
  save(draft: ProfileDraftInput): Promise<ProfileSummary>;
  /** Tests a saved profile (`id`; the active one when neither is given) or an unsaved `draft`. */
  testConnection(input: ConnectionTestInput): Promise<ConnectionTestResult>;
  setActive(id: string): Promise<ProfileSummary>;
  delete(id: string): Promise<void>;
  getActive(): Promise<ProfileSummary>;
  /** For main only: the full credentials, secret included. Never send the result to the renderer. */
  resolveGatewayProfile(id?: string): Promise<GatewayProfile>;
}

export interface ProfileServiceOptions {
  store: KeyValueStore;
  vault: SecretVault;
  testConnection: ConnectionTester;
  sandbox: () => SandboxCredentials | null;
  newId?: () => string;
  now?: () => number;
}

function testerFailure(error: unknown, secret: string): AppFailure {
  const appError = toAppError(error, 'The connection test failed unexpectedly. Try again; if it keeps happening, report it.');
  const cleaned: AppError = { ...appError, message: withoutSecret(appError.message, secret) };
  if (appError.status !== undefined) cleaned.status = withoutSecret(appError.status, secret);
  return new AppFailure(cleaned);
}

/** Runs mutations one after another, so a save and a delete never interleave their read-modify-write. */
function createSerializer() {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
}

/**
 * Credential profiles. Rules:
 * - the active id defaults to the sandbox; an active id whose profile is gone also means the sandbox;
 * - a newly created profile becomes the active one; editing a profile leaves the active one alone;
 * - deleting the active profile makes the sandbox active; the sandbox cannot be edited or deleted;
 * - the secret goes to the keychain before anything is written to the store, so a keychain failure saves nothing.
 */
export function createProfileService(options: ProfileServiceOptions): ProfileService {
  const store = createProfileStore(options.store);
  const { vault } = options;
  const newId = options.newId ?? (() => randomUUID());
  const now = options.now ?? (() => Date.now());
  const serialize = createSerializer();

  function findStored(id: string): StoredProfile {
    const found = store.read().profiles.find((profile) => profile.id === id);
    if (!found) throw appFailure('not-found', `There is no saved profile with id "${id}".`);
    return found;
  }

  function requireSandbox(): SandboxCredentials {
    const sandbox = options.sandbox();
    if (!sandbox) {
      throw appFailure('not-found', `The built-in sandbox is not running. ${ADD_PROFILE_OR_RESTART}`);
    }
    return sandbox;
  }

  /** The id that is in effect: the stored one if its profile still exists, otherwise the sandbox. */
  function effectiveActiveId(profiles: StoredProfile[], storedActiveId: string | null): string {
    if (storedActiveId && profiles.some((profile) => profile.id === storedActiveId)) return storedActiveId;
    return SANDBOX_PROFILE_ID;
  }

  function activeIdInStore(): string {
    const contents = store.read();
    return effectiveActiveId(contents.profiles, contents.activeId);
  }

  /**
   * Lists what can be listed. When the store file cannot be read at all, the sandbox is still
   * listed (not marked active: which profile was active is unknown) beside the storage problem,
   * while every operation that needs the file fails with that same problem.
   */
  async function overview(): Promise<ProfileOverview> {
    let contents: ReturnType<typeof store.read>;
    try {
      contents = store.read();
    } catch (error) {
      if (!(error instanceof AppFailure) || error.appError.kind !== 'storage') throw error;
      const sandbox = options.sandbox();
      const profiles = sandbox ? [sandboxSummary(sandbox, false)] : [];
      return { profiles, keychainProblem: null, storageProblem: error.appError };
    }
    const activeId = effectiveActiveId(contents.profiles, contents.activeId);
    const summaries: ProfileSummary[] = [];
    const sandbox = options.sandbox();
    if (sandbox) summaries.push(sandboxSummary(sandbox, activeId === SANDBOX_PROFILE_ID));

    let keychainProblem: AppError | null = null;
    for (const profile of contents.profiles) {
      let hasSecret = false;
      // After one keychain failure the rest are not asked: each ask could prompt the user again.
      if (!keychainProblem) {
        try {
          hasSecret = (await vault.get(profile.id)) !== null;
        } catch (error) {
          keychainProblem =
            error instanceof AppFailure
              ? { ...error.appError }
              : { kind: 'keychain', message: 'The OS keychain could not be asked whether App Secrets are stored.' };
        }
      }
      summaries.push(summaryOf(profile, hasSecret, profile.id === activeId));
    }

    const storageProblem: AppError | null =
      contents.problems.length === 0 ? null : { kind: 'storage', message: contents.problems.map((problem) => problem.message).join(' ') };
    return { profiles: summaries, keychainProblem, storageProblem };
  }

  async function summaryById(id: string): Promise<ProfileSummary> {
    const found = (await overview()).profiles.find((profile) => profile.id === id);
    if (!found) throw appFailure('not-found', `There is no profile with id "${id}".`);
    return found;
  }

  async function resolveGatewayProfile(id?: string): Promise<GatewayProfile> {
    const wanted = id ?? activeIdInStore();
    if (wanted === SANDBOX_PROFILE_ID) {
      return sandboxGatewayProfile(requireSandbox());
    }
    const profile = findStored(wanted);
    const secret = await vault.get(profile.id);
    if (secret === null) {
      throw appFailure(
        'not-found',
        `No App Secret is stored in the OS keychain for profile "${profile.name}". ` + 'Edit the profile and enter the App Secret again.',
      );
    }
    return gatewayProfileOf(profile, secret);
  }

  /** A draft that reuses the stored secret must keep every origin the secret was saved for. */
  function requireSameOrigins(stored: StoredProfile, fields: ReturnType<typeof storedFields>): void {
    if (gatewayOriginsOf(stored) !== gatewayOriginsOf(fields)) throw appFailure('validation', SECRET_FOR_NEW_ORIGIN);
  }

  async function draftGatewayProfile(draft: ParsedDraft): Promise<GatewayProfile> {
    const fields = storedFields(draft);
    if (draft.appSecret) return gatewayProfileOf(fields, draft.appSecret);
    if (!draft.id) throw appFailure('validation', 'Enter the App Secret to test a profile that is not saved yet.');
    const stored = findStored(draft.id);
    requireSameOrigins(stored, fields);
    const secret = await vault.get(stored.id);
    if (secret === null) {
      throw appFailure('validation', 'No App Secret is stored for this profile yet: enter it to test the connection.');
    }
    return gatewayProfileOf(fields, secret);
  }

  async function save(input: ProfileDraftInput): Promise<ProfileSummary> {
    const draft = parseDraft(input);
    const fields = storedFields(draft);
    const timestamp = now();

    if (draft.id) {
      const existing = findStored(draft.id);
      if (!draft.appSecret) requireSameOrigins(existing, fields);
      const previousSecret = draft.appSecret ? await vault.get(existing.id) : null;
      if (draft.appSecret) await vault.set(existing.id, draft.appSecret);
      try {
        store.upsert({ ...fields, id: existing.id, createdAt: existing.createdAt, updatedAt: timestamp });
      } catch (error) {
        // Keep the keychain and the store telling the same story: put the old secret back.
        if (previousSecret !== null) await vault.set(existing.id, previousSecret).catch(() => undefined);
        throw error;
      }
      return summaryById(existing.id);
    }

    if (!draft.appSecret) throw appFailure('validation', 'Enter the App Secret for the new profile.');
    const id = newId();
    if (id === SANDBOX_PROFILE_ID || store.read().profiles.some((profile) => profile.id === id)) {
      throw appFailure('internal', 'A new profile id clashed with an existing one. Try saving again.');
    }
    await vault.set(id, draft.appSecret);
    try {
      store.upsert({ ...fields, id, createdAt: timestamp, updatedAt: timestamp });
      store.setActiveId(id);
    } catch (error) {
      // Nothing may stay behind in the keychain for a profile that was not saved.
      await vault.delete(id).catch(() => false);
      throw error;
    }
    return summaryById(id);
  }

  async function setActive(id: string): Promise<ProfileSummary> {
    if (id === SANDBOX_PROFILE_ID) requireSandbox();
    else findStored(id);
    store.setActiveId(id);
    return summaryById(id);
  }

  async function remove(id: string): Promise<void> {
    if (id === SANDBOX_PROFILE_ID) throw appFailure('forbidden', 'The built-in sandbox profile cannot be deleted.');
    // Unreadable entries can be deleted too: that is how the user gets rid of a damaged one.
    if (!store.hasEntry(id)) throw appFailure('not-found', `There is no saved profile with id "${id}".`);
    // The keychain item goes first: if the keychain refuses, the profile stays so the user can retry.
    await vault.delete(id);
    store.remove(id);
    if (store.read().activeId === id) store.setActiveId(SANDBOX_PROFILE_ID);
  }

  async function getActive(): Promise<ProfileSummary> {
    store.read(); // an unreadable store is reported as such, not as "no active profile"
    const active = (await overview()).profiles.find((profile) => profile.active);
    if (active) return active;
    throw appFailure('not-found', `No profile is active and the built-in sandbox is not running. ${ADD_PROFILE_OR_RESTART}`);
  }

  async function testConnection(input: ConnectionTestInput): Promise<ConnectionTestResult> {
    const gatewayProfile = input.draft ? await draftGatewayProfile(parseDraft(input.draft)) : await resolveGatewayProfile(input.id);
    try {
      await options.testConnection(gatewayProfile);
    } catch (error) {
      throw testerFailure(error, gatewayProfile.appSecret);
    }
    return { ok: true, checkedAt: now() };
  }

  return {
    list: async () => (await overview()).profiles,
    overview,
    save: (draft) => serialize(() => save(draft)),
    testConnection,
    setActive: (id) => serialize(() => setActive(id)),
    delete: (id) => serialize(() => remove(id)),
    getActive,
    resolveGatewayProfile,
  };
}
