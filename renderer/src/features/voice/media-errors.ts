import { VoiceFailure, type VoiceFailureKind } from './voice-adapter';

const kindByDomName: Record<string, VoiceFailureKind> = {
  NotFoundError: 'no-microphone',
  DevicesNotFoundError: 'no-microphone',
  OverconstrainedError: 'no-microphone',
  NotAllowedError: 'permission-denied',
  PermissionDeniedError: 'permission-denied',
  SecurityError: 'permission-denied',
  NotReadableError: 'microphone-busy',
  TrackStartError: 'microphone-busy',
};

/**
 * Classifies a microphone failure from the browser or a vendor SDK. SDKs wrap the browser's
 * DOMException (TRTC as `originError`, Chime as `cause` or by its own error class name), so the
 * chain is followed a few levels; anything else is `fallback`.
 */
export function toVoiceFailure(error: unknown, fallback: VoiceFailureKind): VoiceFailure {
  if (error instanceof VoiceFailure) return error;
  let current: unknown = error;
  for (let depth = 0; depth < 4 && typeof current === 'object' && current !== null; depth += 1) {
    const name = (current as { name?: unknown }).name;
    const kind = typeof name === 'string' ? kindByDomName[name] : undefined;
    if (kind) return new VoiceFailure(kind, describe(error));
    const next = current as { originError?: unknown; cause?: unknown; error?: unknown };
    current = next.originError ?? next.cause ?? next.error;
  }
  return new VoiceFailure(fallback, describe(error));
}

function describe(error: unknown): string | undefined {
  if (error instanceof Error && error.message) return error.message.slice(0, 200);
  return typeof error === 'string' ? error.slice(0, 200) : undefined;
}
