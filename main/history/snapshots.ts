import {
  SNAPSHOT_PARTICIPANTS_MAX,
  SNAPSHOT_TEXT_MAX,
  type DetailSnapshot,
  type HistoryRoom,
  type ParticipantSnapshot,
} from '../../common/history';
import type { RoomSummary } from '../../common/room';
import { participantStatusMeaning } from '../../common/room-status';

export const DEFAULT_SNAPSHOT_CAP = 50;

/**
 * Who counts as "in the room": everyone Realsee has not removed or replaced (UserStatus 1 and 2).
 * An unknown status counts: room details say nothing about who is online right now.
 */
export function presentParticipants(participants: readonly ParticipantSnapshot[]): ParticipantSnapshot[] {
  return participants.filter((participant) => {
    const meaning = participantStatusMeaning(participant.status);
    return meaning !== 'removed' && meaning !== 'replaced';
  });
}

/** Gateway text kept in a snapshot is cut at SNAPSHOT_TEXT_MAX characters (never a whole 270 MB nickname). */
export function capText(text: string | null): string | null {
  return text === null || text.length <= SNAPSHOT_TEXT_MAX ? text : text.slice(0, SNAPSHOT_TEXT_MAX);
}

/** A snapshot within the caps: long texts cut, participants beyond SNAPSHOT_PARTICIPANTS_MAX dropped. */
export function capSnapshot(snapshot: DetailSnapshot): DetailSnapshot {
  return {
    ...snapshot,
    closeTime: capText(snapshot.closeTime),
    participants: snapshot.participants.slice(0, SNAPSHOT_PARTICIPANTS_MAX).map((participant) => ({
      id: capText(participant.id),
      role: capText(participant.role),
      status: participant.status,
      nickname: capText(participant.nickname),
    })),
  };
}

/** The part of a room-detail answer worth keeping over time. Avatars and hosts are left out. */
export function toDetailSnapshot(summary: RoomSummary): DetailSnapshot {
  const { limits } = summary;
  return capSnapshot({
    at: summary.fetchedAt,
    status: summary.status,
    participants: summary.participants.slice(0, SNAPSHOT_PARTICIPANTS_MAX).map((participant) => ({
      id: participant.userId,
      role: participant.role,
      status: participant.status,
      nickname: participant.nickname,
    })),
    limits: {
      maxUserCount: limits.maxUserCount,
      maxUsingTime: limits.maxUsingTime,
      ticketValidateTime: limits.ticketValidateTime,
      keepAliveTime: limits.keepAliveTime,
      allowDynamicEnter: limits.allowDynamicEnter,
      autoDestroy: limits.autoDestroy,
    },
    voiceId: summary.voiceId,
    closeTime: summary.closeTime,
  });
}

/** True when two snapshots differ in nothing but the time they were taken. */
export function sameDetails(a: DetailSnapshot, b: DetailSnapshot): boolean {
  return (
    a.status === b.status &&
    a.voiceId === b.voiceId &&
    a.closeTime === b.closeTime &&
    limitKeys.every((key) => a.limits[key] === b.limits[key]) &&
    a.participants.length === b.participants.length &&
    a.participants.every((participant, index) => {
      const other = b.participants[index];
      return (
        other !== undefined &&
        participant.id === other.id &&
        participant.role === other.role &&
        participant.status === other.status &&
        participant.nickname === other.nickname
      );
    })
  );
}

const limitKeys = [
  'maxUserCount',
  'maxUsingTime',
  'ticketValidateTime',
  'keepAliveTime',
  'allowDynamicEnter',
  'autoDestroy',
] as const satisfies readonly (keyof DetailSnapshot['limits'])[];

/**
 * Adds a snapshot unless it repeats the latest one. Over the cap, the oldest snapshots after the
 * first are dropped: the first shows how the room started, the newest how it is now.
 */
export function withSnapshot(room: HistoryRoom, snapshot: DetailSnapshot, cap: number): HistoryRoom {
  const latest = room.snapshots.at(-1);
  const lastSyncedAt = Math.max(room.lastSyncedAt ?? 0, snapshot.at);
  if (latest !== undefined && sameDetails(latest, snapshot)) return { ...room, lastSyncedAt };
  const snapshots = [...room.snapshots, snapshot];
  if (snapshots.length > cap) snapshots.splice(1, snapshots.length - cap);
  return { ...room, snapshots, lastSyncedAt };
}
