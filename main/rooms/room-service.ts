import type { ProfileSummary } from '../../common/profile';
import type { Guest, Listing, RoomSummary } from '../../common/room';
import type { GatewayProfile } from '../realsee/profile';
import { toRoomSummary } from '../realsee/room-summary';
import { expiryFromExpireTime } from '../voice/voice-params';
import type { ClientPool } from './client-pool';
import { withTicket, withoutTicket } from './room-link';
import { loadVrWork } from './vr-works';

/** Where the room service learns which Realsee account to act for. */
export interface ActiveProfileSource {
  getActive(): Promise<ProfileSummary>;
  resolveGatewayProfile(id?: string): Promise<GatewayProfile>;
}

/** What the room service tells the history; the history decides what to keep. */
export interface RoomActivityRecorder {
  roomCreated(entry: { profileId: string; roomCode: string; roomLink: string; creatorUserId: string; listing: Listing; guests: Guest[]; at: number }): Promise<void>;
  detailsFetched(profileId: string, summary: RoomSummary): Promise<void>;
  guestPassIssued(entry: { roomCode: string; guest: Guest; expiresAt: number; at: number }): Promise<void>;
  hostJoined(entry: { roomCode: string; userId: string; at: number }): Promise<void>;
}

const DEFAULT_TICKET_SECONDS = 300;
const DEFAULT_SIGNATURE_SECONDS = 300;

export function createRoomService(deps: {
  profiles: ActiveProfileSource;
  clients: ClientPool;
  activity: RoomActivityRecorder;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  /** Ticket validity per room as the room's details last said; tickets otherwise last ~5 minutes. */
  const ticketSeconds = new Map<string, number>();

  async function activeClient() {
    const profile = await deps.profiles.getActive();
    const gateway = await deps.profiles.resolveGatewayProfile(profile.id);
    return { profile, client: deps.clients.clientFor(profile.id, gateway) };
  }

  const ticketExpiry = (roomCode: string, obtainedAt: number) =>
    obtainedAt + (ticketSeconds.get(roomCode) || DEFAULT_TICKET_SECONDS) * 1000;

  return {
    async createRoom(input: { guests: Guest[]; listing: Listing }) {
      const { profile, client } = await activeClient();
      const created = await client.createRoom({
        createUserId: profile.userId,
        createUserRole: profile.roles.host,
        members: input.guests.map((guest) => ({
          userId: guest.userId,
          userRole: guest.role,
          extension: guest.nickname ? { nickname: guest.nickname } : {},
        })),
        additive: listingAdditive(input.listing),
      });
      const createdAt = now();
      const roomLink = withoutTicket(created.roomLink);
      await deps.activity.roomCreated({
        profileId: profile.id,
        roomCode: created.roomCode,
        roomLink,
        creatorUserId: profile.userId,
        listing: input.listing,
        guests: input.guests,
        at: createdAt,
      });
      return { roomCode: created.roomCode, roomLink, createdAt };
    },

    async getRoomDetails(roomCode: string): Promise<RoomSummary> {
      const { profile, client } = await activeClient();
      const detail = await client.getRoomDetail(roomCode);
      const summary = toRoomSummary(detail, now(), profile.timeZone);
      if (summary.limits.ticketValidateTime) ticketSeconds.set(roomCode, summary.limits.ticketValidateTime);
      await deps.activity.detailsFetched(profile.id, summary);
      return { ...summary, roomLink: withoutTicket(summary.roomLink) };
    },

    /** Fetches a fresh single-use host ticket and returns the link that carries it (main only). */
    async hostTicketLink(roomCode: string, force = false) {
      const { profile, client } = await activeClient();
      const ticket = await client.getRoomTicket({
        roomCode,
        userId: profile.userId,
        userRole: profile.roles.host,
        extension: profile.nickname ? { nickname: profile.nickname } : {},
      });
      const obtainedAt = now();
      // Every host ticket is a join (viewer, browser hand-off, live channel): it goes on the timeline.
      await deps.activity.hostJoined({ roomCode, userId: profile.userId, at: obtainedAt });
      return { url: withTicket(ticket.roomLink, ticket.ticket, force), roomLink: ticket.roomLink, obtainedAt, expiresAt: ticketExpiry(roomCode, obtainedAt) };
    },

    async issueGuestPass(input: { roomCode: string; guest: Guest }) {
      const { client } = await activeClient();
      const ticket = await client.getRoomTicket({
        roomCode: input.roomCode,
        userId: input.guest.userId,
        userRole: input.guest.role,
        extension: input.guest.nickname ? { nickname: input.guest.nickname } : {},
      });
      const obtainedAt = now();
      const expiresAt = ticketExpiry(input.roomCode, obtainedAt);
      await deps.activity.guestPassIssued({ roomCode: input.roomCode, guest: input.guest, expiresAt, at: obtainedAt });
      return { roomCode: input.roomCode, guest: input.guest, inviteUrl: withTicket(ticket.roomLink, ticket.ticket, false), obtainedAt, expiresAt };
    },

    /**
     * Fetches a voice signature; the caller decides what of it may leave main. It lives until the
     * answer's `expire_time` when there is one, else for the default five minutes.
     */
    async voiceSignature(roomCode: string, voiceId?: string | number | null) {
      const { profile, client } = await activeClient();
      const signature = await client.getVoiceSignature({
        roomCode,
        userId: profile.userId,
        userRole: profile.roles.host,
        ...(voiceId != null ? { voiceId: String(voiceId) } : {}),
      });
      const obtainedAt = now();
      const { expireTime, ...issued } = signature;
      const expiresAt = expiryFromExpireTime(expireTime, obtainedAt) ?? obtainedAt + DEFAULT_SIGNATURE_SECONDS * 1000;
      return { ...issued, obtainedAt, expiresAt };
    },

    async listVrs(page: number) {
      const { client } = await activeClient();
      return client.listVrs(page, 20);
    },

    async vrWork(vrCode: string) {
      const { client } = await activeClient();
      return loadVrWork(client, vrCode);
    },
  };
}

export type RoomService = ReturnType<typeof createRoomService>;

/** Listing details travel to Realsee as the room's `additive` info so other clients can show them. */
function listingAdditive(listing: Listing): Record<string, unknown> {
  const { notes: _privateNotes, ...shared } = listing;
  return Object.fromEntries(Object.entries(shared).filter(([, value]) => value !== undefined && value !== ''));
}
