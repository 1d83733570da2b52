import type { LiveConnection, LivePresence, LiveUser } from '../../lib/use-live-presence';

/** What a participant's voice looks like, as the voice part of the tour reports it per user id. */
export interface ParticipantVoice {
  inVoice: boolean;
  speaking: boolean;
  /** Set where the voice part knows it (the agent's own microphone while in voice); else the channel's `micro_status` counts. */
  microphone?: 'open' | 'closed' | null;
}

/** What the tour shows over the VR area: `live` is the tour itself, anything else is said in words. */
export type TourStage = Exclude<LiveConnection, 'connected' | 'room-closed'> | 'ended' | 'live';

/** The stage for a presence; `endedHere` is set once the agent's own "End room" succeeded. */
export function tourStage(presence: Pick<LivePresence, 'connection'> | null, endedHere: boolean): TourStage {
  if (endedHere) return 'ended';
  const connection = presence?.connection ?? 'connecting';
  if (connection === 'room-closed') return 'ended';
  if (connection === 'connected') return 'live';
  return connection;
}

/** Stages the agent can end by connecting again (the others end by themselves or never). */
export function canReconnect(stage: TourStage): boolean {
  return (
    stage === 'reconnecting' ||
    stage === 'refused' ||
    stage === 'kicked' ||
    stage === 'replaced' ||
    stage === 'failed' ||
    stage === 'disconnected'
  );
}

export type Leader = { kind: 'self' } | { kind: 'other'; user: LiveUser } | { kind: 'nobody' };

type LeaderFacts = Pick<LivePresence, 'self' | 'users' | 'leaderId'>;

/**
 * Who leads the view. `known` is the VR part's own answer (its guided sync) when it has one: undefined
 * means it has none, null that nobody leads. Otherwise it is read from the presence: the agent while its
 * own `sync_frame` permission is on; after handing control over, the online participant who holds it
 * (the latest keyframe's sender first, should several still hold it); failing both, whoever sent the
 * latest keyframe.
 */
export function whoLeads(presence: LeaderFacts | null, known?: string | null): Leader {
  if (!presence) return { kind: 'nobody' };
  const selfId = presence.self?.userId ?? null;
  const byId = (userId: string | null): Leader => {
    if (userId === null) return { kind: 'nobody' };
    if (userId === selfId) return { kind: 'self' };
    const user = presence.users.find((candidate) => candidate.userId === userId);
    return user ? { kind: 'other', user } : { kind: 'nobody' };
  };
  if (known !== undefined) return byId(known);
  const self = presence.users.find((user) => user.userId === selfId) ?? presence.self;
  if (self?.maySyncFrame) return { kind: 'self' };
  const holders = presence.users.filter((user) => user.userId !== selfId && user.maySyncFrame && user.online !== false);
  const holder = holders.find((user) => user.userId === presence.leaderId) ?? holders[0];
  if (holder) return { kind: 'other', user: holder };
  return byId(presence.leaderId);
}

export interface RailEntry {
  user: LiveUser;
  /** What to show of the microphone: the voice part's word when it has one, else the channel's. */
  microphone: 'open' | 'closed' | 'unknown';
  isSelf: boolean;
  leads: boolean;
  voice: ParticipantVoice;
}

const NO_VOICE: ParticipantVoice = { inVoice: false, speaking: false };

/** The rail's list: the agent first, then who is online, then the rest, each by name. */
export function railEntries(
  presence: LeaderFacts | null,
  voice: Readonly<Record<string, ParticipantVoice>>,
  leader: Leader = whoLeads(presence),
): RailEntry[] {
  if (!presence) return [];
  const selfId = presence.self?.userId ?? null;
  const leaderId = leader.kind === 'self' ? selfId : leader.kind === 'other' ? leader.user.userId : null;
  const rank = (user: LiveUser) => (user.userId === selfId ? 0 : user.online === false ? 2 : 1);
  const name = (user: LiveUser) => user.nickname || user.userId;
  return [...presence.users]
    .sort((a, b) => rank(a) - rank(b) || name(a).localeCompare(name(b)))
    .map((user) => ({
      user,
      microphone: microphoneOf(user, voice[user.userId]),
      isSelf: user.userId === selfId,
      leads: user.userId === leaderId,
      voice: voice[user.userId] ?? NO_VOICE,
    }));
}

/** Guests the agent can hand the view to: everyone online but the agent. */
export function handOverCandidates(presence: Pick<LivePresence, 'self' | 'users'> | null): LiveUser[] {
  if (!presence) return [];
  const selfId = presence.self?.userId ?? null;
  return presence.users.filter((user) => user.userId !== selfId && user.online !== false);
}

function microphoneOf(user: LiveUser, voice: ParticipantVoice | undefined): RailEntry['microphone'] {
  return voice?.microphone ?? user.microphone ?? 'unknown';
}
