import type { GatewayProfile } from '../realsee/profile';
import type { RoomDetail } from '../realsee/schemas';

/** The room's `app.extension.voice` block, where Realsee's console keeps the voice setup. */
export function roomVoiceConfigOf(detail: Pick<RoomDetail, 'app'>): unknown {
  const extension = detail.app?.extension as Record<string, unknown> | null | undefined;
  return extension?.voice ?? null;
}

/** Reads a room's voice config with the active profile's gateway client. */
export function createRoomVoiceConfigSource(deps: {
  profiles: { getActive(): Promise<{ id: string }>; resolveGatewayProfile(id?: string): Promise<GatewayProfile> };
  clients: { clientFor(profileId: string, profile: GatewayProfile): { getRoomDetail(roomCode: string): Promise<RoomDetail> } };
}) {
  return async (roomCode: string): Promise<unknown> => {
    const profile = await deps.profiles.getActive();
    const client = deps.clients.clientFor(profile.id, await deps.profiles.resolveGatewayProfile(profile.id));
    return roomVoiceConfigOf(await client.getRoomDetail(roomCode));
  };
}
