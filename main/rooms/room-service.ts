import type { ProfileSummary } from '../../common/profile';
import { DEFAULT_REALSEE_TIME_ZONE } from '../../common/realsee-time';
import type { Guest, Listing, RoomSummary } from '../../common/room';
import type { GatewayProfile } from '../realsee/profile';
import { appFailure } from '../app-failure';
import { GatewayError } from '../realsee/errors';
import { toRoomSummary } from '../realsee/room-summary';
import { expiryFromExpireTime } from '../voice/voice-params';
import type { ClientPool } from './client-pool';
import { roomLinkKind, withTicket, withoutTicket } from './room-link';
import { buildGuestLink } from '../../common/guest-link';
import { loadVrWork } from './vr-works';

/** Where the room service learns which Realsee account to act for. */
export interface ActiveProfileSource {
  getActive(): Promise<ProfileSummary>;
  resolveGatewayProfile(id?: string): Promise<GatewayProfile>;
  /** Every saved profile, to read the settings (time zone) of a room's owner that is not active. */
  list?(): Promise<ProfileSummary[]>;
}

/** What the room service tells the history; the history decides what to keep. */
export interface RoomActivityRecorder {
  roomCreated(entry: {
    profileId: string;
    roomCode: string;
    roomLink: string;
    creatorUserId: string;
    listing: Listing;
    guests: Guest[];
    at: number;
  }): Promise<void>;
  detailsFetched(profileId: string, summary: RoomSummary): Promise<void>;
  guestPassIssued(entry: { profileId: string; roomCode: string; guest: Guest; expiresAt: number; at: number }): Promise<void>;
  hostJoined(entry: { profileId: string; roomCode: string; userId: string; at: number }): Promise<void>;
}

const DEFAULT_TICKET_SECONDS = 300;
const DEFAULT_SIGNATURE_SECONDS = 300;

export function createRoomService(deps: {
  profiles: ActiveProfileSource;
  clients: ClientPool;
  activity: RoomActivityRecorder;
  /**
   * The profile a known room belongs to (the history's record), so each room is refreshed with its
   * own account even after the agent switched profiles; null for rooms the app does not know.
   */
  roomOwner?: (roomCode: string) => string | null;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  /** Ticket validity per room as the room's details last said; tickets otherwise last ~5 minutes. */
  const ticketSeconds = new Map<string, number>();

  async function activeClient() {
    const profile = await deps.profiles.getActive();
    const gateway = await deps.profiles.resolveGatewayProfile(profile.id);
    return { profile, gateway, client: deps.clients.clientFor(profile.id, gateway) };
  }

  /** The client of the profile that owns the room when it is known, else the active profile's. */
  async function clientForRoom(roomCode: string) {
    const ownerId = deps.roomOwner?.(roomCode) ?? null;
    if (ownerId === null) return activeClient();
    const active = await deps.profiles.getActive();
    if (active.id === ownerId) return activeClient();
    const gateway = await deps.profiles.resolveGatewayProfile(ownerId);
    const owner = (await deps.profiles.list?.())?.find((candidate) => candidate.id === ownerId);
    const timeZone = owner?.timeZone ?? DEFAULT_REALSEE_TIME_ZONE;
    return { profile: { id: ownerId, timeZone }, client: deps.clients.clientFor(ownerId, gateway) };
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
      const { profile, client } = await clientForRoom(roomCode);
      const detail = await client.getRoomDetail(roomCode);
      const summary = toRoomSummary(detail, now(), profile.timeZone);
      // An answer about another room must not land on this one (or on any other record).
      if (summary.roomCode !== roomCode) {
        throw new GatewayError({
          kind: 'protocol',
          message: `The gateway answered a request for room ${roomCode} with the details of another room.`,
        });
      }
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
      await deps.activity.hostJoined({ profileId: profile.id, roomCode, userId: profile.userId, at: obtainedAt });
      return {
        url: withTicket(ticket.roomLink, ticket.ticket, force),
        roomLink: ticket.roomLink,
        obtainedAt,
        expiresAt: ticketExpiry(roomCode, obtainedAt),
      };
    },

    async issueGuestPass(input: { roomCode: string; guest: Guest }) {
      const { profile, client } = await activeClient();
      // Refused before a ticket is spent: without a guest page a real pass would be a link no browser opens.
      if (!profile.guestPageUrl) throw appFailure('validation', GUEST_PAGE_MISSING);
      const ticket = await client.getRoomTicket({
        roomCode: input.roomCode,
        userId: input.guest.userId,
        userRole: input.guest.role,
        extension: input.guest.nickname ? { nickname: input.guest.nickname } : {},
      });
      const obtainedAt = now();
      const expiresAt = ticketExpiry(input.roomCode, obtainedAt);
      await deps.activity.guestPassIssued({
        profileId: profile.id,
        roomCode: input.roomCode,
        guest: input.guest,
        expiresAt,
        at: obtainedAt,
      });
      return {
        roomCode: input.roomCode,
        guest: input.guest,
        inviteUrl: guestInviteUrl(profile, profile.guestPageUrl, ticket),
        obtainedAt,
        expiresAt,
      };
    },

    /**
     * Fetches a voice signature; the caller decides what of it may leave main. It lives until the
     * answer's `expire_time` when there is one, else for the default five minutes. In the agent's
     * name unless `participant` names another user of the room (a guest, whose page has no App Secret).
     */
    async voiceSignature(roomCode: string, voiceId?: string | number | null, participant?: { userId: string; userRole: string }) {
      const { profile, client } = await activeClient();
      const signature = await client.getVoiceSignature({
        roomCode,
        userId: participant?.userId ?? profile.userId,
        userRole: participant?.userRole ?? profile.roles.host,
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

export const GUEST_PAGE_MISSING =
  'Guest passes for this account open your agency’s guest page, and its address is not set. ' +
  'Deploy the guest page (see the README), then enter its address in Settings → Profiles → Edit → Advanced → “Guest page URL”.';

/**
 * A pass to a live channel opens the profile's guest page (the agency's deployment, or the sandbox's
 * own /guest/) with the room link and ticket in the fragment. A room link that is an http(s) page
 * opens in a browser itself, with the ticket appended.
 */
export function guestInviteUrl(
  profile: Pick<ProfileSummary, 'roles'>,
  guestPageUrl: string,
  ticket: { roomLink: string; ticket: string },
): string {
  const roomLink = withoutTicket(ticket.roomLink);
  if (roomLinkKind(roomLink) !== 'live-channel') return withTicket(ticket.roomLink, ticket.ticket, false);
  return buildGuestLink(guestPageUrl, { roomLink, ticket: ticket.ticket, lang: null, hostRole: profile.roles.host });
}

/** Listing details travel to Realsee as the room's `additive` info so other clients can show them. */
function listingAdditive(listing: Listing): Record<string, unknown> {
  const { notes: _privateNotes, ...shared } = listing;
  return Object.fromEntries(Object.entries(shared).filter(([, value]) => value !== undefined && value !== ''));
}
