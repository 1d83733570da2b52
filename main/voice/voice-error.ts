import { appFailure, type AppFailure } from '../app-failure';

/**
 * The gateway's voice answer is not usable: a protocol problem the agent cannot fix alone.
 * Messages never quote the signature: callers pass only field names.
 */
export function voiceProtocolError(problem: string): AppFailure {
  return appFailure(
    'protocol',
    `${problem} Roomdesk cannot join voice with it. Try "Join voice" again; if it keeps happening, report it to Realsee support with the room code.`,
  );
}
