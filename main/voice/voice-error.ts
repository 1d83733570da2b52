import type { AppError, ErrorKind } from '../../common/errors';

/**
 * A failure while preparing a voice join. It carries an `appError` so the bridge dispatcher hands
 * it to the renderer as data. Messages never quote the signature: callers pass only field names.
 */
export class VoiceError extends Error {
  readonly appError: AppError;

  constructor(kind: ErrorKind, message: string) {
    super(message);
    this.name = 'VoiceError';
    this.appError = { kind, message };
  }
}

/** The gateway's voice answer is not usable: a protocol problem the agent cannot fix alone. */
export function voiceProtocolError(problem: string): VoiceError {
  return new VoiceError(
    'protocol',
    `${problem} Roomdesk cannot join voice with it. Try "Join voice" again; if it keeps happening, report it to Realsee support with the room code.`,
  );
}
