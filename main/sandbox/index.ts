/**
 * The sandbox gateway: a local twin of the Realsee Open API contract on loopback, used as the
 * app's default gateway for new users and as the tests' peer. Plain Node, no Electron.
 */
export { createManualClock, systemClock, type Clock, type ManualClock } from './clock';
export { SANDBOX_CODES, type RealseeEnvelope } from './envelope';
export type { FaultHandle, FaultSpec, SandboxFaults } from './faults';
export { MAX_BODY_BYTES } from './http-io';
export { PARTICIPANT_STATUS, ROOM_LIMITS, ROOM_STATUS, type RoomStatus } from './room-limits';
export type { RoomMember, SandboxParticipant, SandboxRoomState } from './rooms';
export { SANDBOX_DEMO_APP, startSandboxGateway, type SandboxGateway, type SandboxGatewayOptions } from './server';
export type { RecordedRequest, SandboxStats } from './stats';
export type { SandboxVoiceVendor } from './voice-sign';
export type { RoomPageError } from './room-page';
export { LIVE_REFUSAL_CLOSE_CODE, type SandboxLiveChannel } from './live-channel';
