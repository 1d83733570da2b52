import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { AppError } from '../../../../common/errors';
import type { HistoryRoom } from '../../../../common/history';
import { isRoomClosed } from '../../../../common/room-status';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { RealseeTime } from '../../ui/RealseeTime';
import { DeleteRoomDialog } from './DeleteRoomDialog';
import { formatDateTime } from '../../lib/date-time';
import { historyBridge } from './history-bridge';
import { NotesEditor } from './NotesEditor';
import { LimitsList, ParticipantsList } from './SnapshotFacts';
import { RoomStatusBadge } from '../../ui/RoomStatusBadge';
import { Timeline } from './Timeline';
import { useHistoryRoom } from './use-history-room';
import { useNetworkState, useOnNetworkReturn } from './use-network-state';
import { useI18n, useMessages } from '../../i18n/I18nProvider';

export interface HistoryRoomViewProps {
  roomCode: string;
  /** Shows a "back" link when given. */
  onBack?(): void;
  /** The record was deleted; leave this view. */
  onDeleted(): void;
  /** The saved room changed (notes saved, details refreshed); lists showing it may reload. */
  onChanged?(): void;
}

type RefreshState = { kind: 'idle' } | { kind: 'refreshing' } | { kind: 'failed'; error: AppError };

/**
 * A room from the local history, read-only except for the notes: its last snapshot with the time
 * it was taken ("as of"), participants, limits and timeline. Works with no network; when the
 * network comes back it refreshes the room from Realsee by itself.
 */
export function HistoryRoomView({ roomCode, onBack, onDeleted, onChanged }: HistoryRoomViewProps) {
  const t = useMessages('history');
  const { state, reload } = useHistoryRoom(roomCode);
  const network = useNetworkState();
  const offline = network.online === false;
  const [refresh, setRefresh] = useState<RefreshState>({ kind: 'idle' });
  const [confirmDelete, setConfirmDelete] = useState(false);

  const refreshFromRealsee = useCallback(async () => {
    setRefresh({ kind: 'refreshing' });
    // Fetching live details also records a new snapshot in the history (main does that).
    const result = await historyBridge().getRoomDetails({ roomCode });
    setRefresh(result.ok ? { kind: 'idle' } : { kind: 'failed', error: result.error });
    await reload();
    if (result.ok) onChanged?.();
  }, [roomCode, reload, onChanged]);
  useOnNetworkReturn(network.online, () => void refreshFromRealsee());

  const savedNotes = useCallback(async () => {
    await reload();
    onChanged?.();
  }, [reload, onChanged]);

  return (
    <article className="rd-room" aria-busy={state.phase === 'loading' || refresh.kind === 'refreshing'} data-room-view={roomCode}>
      {onBack ? (
        <nav aria-label={t.back}>
          <button type="button" className="link-button" onClick={onBack}>
            ← {t.back}
          </button>
        </nav>
      ) : null}
      {state.phase === 'loading' ? <p role="status">{t.loadingRoom}</p> : null}
      {state.phase === 'missing' ? <p className="rd-notice">{t.roomMissing}</p> : null}
      {state.phase === 'failed' ? <ErrorPanel error={state.error} compact /> : null}
      {state.phase === 'loaded' ? (
        <LoadedRoom
          room={state.room}
          timeline={state.timeline}
          timeZone={state.timeZone}
          offline={offline}
          refresh={refresh}
          onRefresh={() => void refreshFromRealsee()}
          onNotesSaved={() => void savedNotes()}
          onDelete={() => setConfirmDelete(true)}
        />
      ) : null}
      {confirmDelete ? (
        <DeleteRoomDialog
          roomCode={roomCode}
          onClose={() => setConfirmDelete(false)}
          onDeleted={() => {
            setConfirmDelete(false);
            onDeleted();
          }}
        />
      ) : null}
    </article>
  );
}

interface LoadedRoomProps {
  room: HistoryRoom;
  timeline: Parameters<typeof Timeline>[0]['entries'];
  /** The room's profile zone: saved Realsee time texts are read in it. */
  timeZone: string;
  offline: boolean;
  refresh: RefreshState;
  onRefresh(): void;
  onNotesSaved(): void;
  onDelete(): void;
}

function LoadedRoom({ room, timeline, timeZone, offline, refresh, onRefresh, onNotesSaved, onDelete }: LoadedRoomProps) {
  const t = useMessages('history');
  const { locale } = useI18n();
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Opening a room moves keyboard and screen-reader focus to it.
  useEffect(() => headingRef.current?.focus({ preventScroll: true }), []);
  const snapshot = room.snapshots[room.snapshots.length - 1];
  const asOf = room.lastSyncedAt ?? snapshot?.at ?? null;

  return (
    <>
      <header className="rd-room__header">
        <h2 className="rd-room__title" ref={headingRef} tabIndex={-1}>
          {room.listing.title || t.untitled}
        </h2>
        <p className="rd-room__meta">
          <RoomStatusBadge
            status={snapshot?.status ?? null}
            closed={isRoomClosed({
              closeTime: snapshot?.closeTime,
              closeEvent: room.timeline.some((event) => event.type === 'room-closed'),
            })}
          />
          <span className="rd-muted">{t.roomCode}</span> <span className="rd-mono">{room.roomCode}</span>
          {room.listing.address ? <span className="rd-muted"> · {room.listing.address}</span> : null}
        </p>
      </header>

      <div className={`rd-asof${offline ? ' rd-asof--offline' : ''}`} role="status" data-as-of="">
        <span>{asOf === null ? t.neverSyncedBanner : t.asOfBanner(formatDateTime(asOf, locale), offline)}</span>
        {!offline ? (
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={onRefresh}
            disabled={refresh.kind === 'refreshing'}
          >
            {refresh.kind === 'refreshing' ? t.refreshing : t.refreshNow}
          </button>
        ) : null}
      </div>
      {refresh.kind === 'failed' && !offline ? <ErrorPanel error={refresh.error} lead={t.refreshFailed} compact /> : null}

      <section className="rd-card" aria-labelledby={`${id}-listing`}>
        <h3 id={`${id}-listing`}>{t.listing}</h3>
        <dl className="rd-facts">
          {room.listing.address ? <Fact label={t.address} value={room.listing.address} /> : null}
          {room.listing.vr ? <Fact label={t.vr} value={room.listing.vr} /> : null}
          <Fact label={t.created} value={formatDateTime(room.createdAt, locale)} />
          {snapshot?.closeTime ? (
            <Fact label={t.closedAt} value={<RealseeTime raw={snapshot.closeTime} timeZone={timeZone} locale={locale} fallback="—" />} />
          ) : null}
          <Fact label={t.profile} value={room.profileId} />
          {room.creatorUserId ? <Fact label={t.creator} value={room.creatorUserId} /> : null}
          {room.guests.length > 0 ? (
            <Fact
              label={t.preregisteredGuests}
              value={room.guests.map((guest) => (guest.nickname ? `${guest.nickname} (${guest.userId})` : guest.userId)).join(', ')}
            />
          ) : null}
        </dl>
      </section>

      <div className="rd-room__columns">
        <section className="rd-card" aria-labelledby={`${id}-people`}>
          <h3 id={`${id}-people`}>{t.participants}</h3>
          <ParticipantsList snapshot={snapshot} labelId={`${id}-people`} />
        </section>
        <section className="rd-card" aria-labelledby={`${id}-limits`}>
          <h3 id={`${id}-limits`}>{t.limits}</h3>
          <LimitsList snapshot={snapshot} labelId={`${id}-limits`} />
        </section>
      </div>

      <NotesEditor roomCode={room.roomCode} saved={room.listing.notes ?? ''} onSaved={onNotesSaved} />

      <section className="rd-card" aria-labelledby={`${id}-timeline`}>
        <h3 id={`${id}-timeline`}>{t.timeline}</h3>
        <Timeline entries={timeline} labelId={`${id}-timeline`} />
      </section>

      <div className="rd-row-actions">
        <button type="button" className="button button--danger" onClick={onDelete}>
          {t.deleteRecord}
        </button>
      </div>
    </>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="rd-facts__row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
