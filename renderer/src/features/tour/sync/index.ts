export {
  canonicalJson,
  createGuidedSync,
  KEYFRAME_INTERVAL_MS,
  systemTimer,
  type GuidedSync,
  type GuidedSyncOptions,
  type Leadership,
  type SyncChannel,
  type SyncedView,
  type SyncTimer,
} from './guided-sync';
