/** What went wrong with voice, in the terms the agent can act on. */
export type VoiceFailureKind =
  | 'no-microphone' // no input device (NotFoundError), or the chosen one is gone
  | 'permission-denied' // the user or the OS refused the microphone (NotAllowedError)
  | 'microphone-busy' // the device exists but cannot be opened (NotReadableError)
  | 'join-failed' // the vendor refused or could not connect
  | 'disconnected'; // the vendor dropped us after joining

/** Why joining or staying in voice failed; `signature-refused` is main's answer, the rest are local. */
export type VoiceProblem = VoiceFailureKind | 'signature-refused' | 'signature-unavailable';
