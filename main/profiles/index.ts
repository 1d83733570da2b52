export { createKeytarVault, loadKeytar, type KeytarApi, type KeytarLoader, type SecretVault } from './secret-vault';
export { createProfileStore, type KeyValueStore, type ProfileStore, type StoredProfile } from './profile-store';
export {
  createProfileService,
  type ConnectionTester,
  type ConnectionTestInput,
  type ConnectionTestResult,
  type ProfileDraftInput,
  type ProfileOverview,
  type ProfileService,
  type ProfileServiceOptions,
  type SandboxCredentials,
} from './profile-service';
export { keychainErrorFromKeytar, keychainAdvice } from './keychain-errors';
