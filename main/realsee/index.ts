export { createGatewayClient, isTokenRejected } from './client';
export type { CreatedRoom, GatewayClient, GatewayClientDeps, RoomTicket, VoiceSignature, VrListPage } from './client';
export { GatewayError, redact } from './errors';
export type { CreateRoomInput, RoomTicketInput, VoiceSignatureInput } from './inputs';
export { resolveEndpoints, type GatewayProfile } from './profile';
export { toRoomSummary } from './room-summary';
export type { RoomDetail } from './schemas';
export { toVrWork, type VrWork, type VrWorkSource } from './vr-work';
