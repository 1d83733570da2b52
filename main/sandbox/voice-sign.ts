/** Which voice vendor's signature shape the sandbox hands out (see `SandboxGatewayOptions.voiceVendor`). */
export type SandboxVoiceVendor = 'sandbox' | 'trtc' | 'chime';

/**
 * An Amazon Chime signature in the shape Realsee's live SDK reads: URL-encoded JSON with the
 * attendee under `attendence` (Realsee's spelling), the CreateMeeting answer under `vendor_wrapper`,
 * and Realsee's own `config` and expiry. The meeting is made up; nothing here reaches AWS.
 */
export function chimeSign(input: {
  appKey: string;
  userIdentifier: string;
  roomCode: string;
  voiceId: number;
  /** Unix seconds. */
  expiresAt: number;
  /** The sandbox's HMAC for this user and room; it stands in for the join token. */
  signature: string;
}): string {
  const meetingId = `sandbox-meeting-${input.voiceId}`;
  const host = `${meetingId}.chime.sandbox.invalid`;
  return encodeURIComponent(
    JSON.stringify({
      attendence: {
        external_user_id: input.userIdentifier,
        attendee_id: `attendee-${input.signature.slice(0, 12)}`,
        join_token: input.signature,
      },
      vendor_wrapper: {
        MeetingId: meetingId,
        ExternalMeetingId: input.roomCode,
        MediaRegion: 'sandbox',
        MediaPlacement: {
          AudioFallbackUrl: `wss://${host}/audio`,
          AudioHostUrl: `${host}:3478`,
          ScreenDataUrl: `wss://${host}/screen`,
          ScreenSharingUrl: `wss://${host}/screen-sharing`,
          ScreenViewingUrl: `wss://${host}/screen-viewing`,
          SignalingUrl: `wss://${host}/control/${meetingId}`,
          TurnControlUrl: `https://${host}/v2/turn_sessions`,
        },
      },
      config: { app_id: input.appKey, bypass: false, passport: '', vendor: 'chime' },
      expire_time: input.expiresAt,
      identifier: input.userIdentifier,
      user_id: input.userIdentifier,
      user_sig: input.signature,
    }),
  );
}
