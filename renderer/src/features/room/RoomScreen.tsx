import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Guest } from '../../../../common/room';
import { isRoomClosed } from '../../../../common/room-status';
import { useCommand } from '../../lib/commands';
import { useNavigation } from '../../lib/navigation';
import { modKeyLabel } from '../../lib/keys';
import { useI18n } from '../../i18n/I18nProvider';
import { formatClock } from '../../lib/date-time';
import { useProfiles } from '../../lib/ProfilesProvider';
import { useSessionRooms } from '../../lib/SessionRoomsProvider';
import { RoomStatusBadge } from '../../ui/RoomStatusBadge';
import { GuestPassDialog } from './GuestPassDialog';
import { HostJoinPanel } from './HostJoinPanel';
import { ListingCard } from './ListingCard';
import { ParticipantsTable } from './ParticipantsTable';
import { RoomFacts } from './RoomFacts';
import { useRoomDetails } from './use-room-details';
import { useStoredRoom } from './use-stored-room';
import { VoiceSignaturePanel } from './VoiceSignaturePanel';
import { ActionButton } from '../../ui/ActionButton';
import { CopyButton } from '../../ui/CopyButton';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Spinner } from '../../ui/Spinner';
import { Icon } from '../../ui/Icon';

/** What the shell plugs into the room page from the viewer, voice and history features. */
export interface RoomScreenSlots {
  viewer(props: { roomCode: string; obscured: boolean; onBack(): void; onClosed(): void }): ReactNode;
  voice(props: { roomCode: string; roomClosed: boolean }): ReactNode;
  /** The room as last saved, when Realsee cannot be reached. */
  savedRoom(props: { roomCode: string; onDeleted(): void }): ReactNode;
}

export function RoomScreen({ roomCode, slots }: { roomCode: string; slots: RoomScreenSlots }) {
  const { t, locale } = useI18n();
  const { navigate } = useNavigation();
  const { active } = useProfiles();
  const sessionRooms = useSessionRooms();
  const sessionRoom = useStoredRoom(roomCode, active ? sessionRooms.find(active.id, roomCode) : undefined);
  const details = useRoomDetails(roomCode, (summary) =>
    sessionRooms.recordStatus(roomCode, summary.status, summary.fetchedAt, isRoomClosed(summary)),
  );
  const [passFor, setPassFor] = useState<{ guest?: Guest } | null>(null);
  const [viewerOpen, setViewerOpen] = useState(false);
  const viewerRef = useRef<HTMLDivElement>(null);
  useCommand('refresh', details.refresh);

  useEffect(() => {
    if (viewerOpen) viewerRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [viewerOpen]);

  const summary = details.summary;
  // Realsee cannot be reached and nothing live was fetched: show the room as last saved.
  const showSaved = !summary && (details.error?.kind === 'network' || details.error?.kind === 'timeout');
  const closed = summary ? isRoomClosed(summary) : false;
  const title = sessionRoom?.listing.title || t.room.titleFallback({ code: roomCode });

  return (
    <div className="screen">
      <nav className="breadcrumb" aria-label={t.room.backToRooms}>
        <button type="button" className="link-button" onClick={() => navigate({ screen: 'rooms' })}>
          <Icon glyph="←" /> {t.room.backToRooms}
        </button>
      </nav>
      <header className="screen__header screen__header--row room-header">
        <div>
          <h1>{title}</h1>
          <p className="room-header__meta">
            {summary ? <RoomStatusBadge status={summary.status} closed={closed} /> : null}
            <span className="muted">{t.room.code}</span> <span className="mono">{roomCode}</span>
            <CopyButton text={roomCode} label={t.room.copyCode} className="button--small" />
            {sessionRoom?.listing.address ? <span className="muted">· {sessionRoom.listing.address}</span> : null}
          </p>
        </div>
        <div className="room-header__refresh">
          <ActionButton
            variant="secondary"
            busy={details.refreshing}
            busyLabel={t.room.refreshing}
            onClick={details.refresh}
            title={`${modKeyLabel}+R / F5`}
          >
            <Icon glyph="⟳" /> {t.room.refresh}
          </ActionButton>
          <p className="muted small" title={t.room.autoRefresh}>
            {details.lastUpdated !== null ? t.room.lastUpdated({ time: formatClock(details.lastUpdated, locale) }) : '\u00a0'}
          </p>
        </div>
      </header>

      {details.error ? (
        <ErrorPanel
          error={details.error}
          actions={
            <button type="button" className="button button--primary" onClick={details.refresh}>
              {t.errors.retry}
            </button>
          }
        />
      ) : null}
      {!summary && !details.error ? (
        <p className="loading" role="status">
          <Spinner /> {t.room.loading}
        </p>
      ) : null}

      {summary ? (
        <>
          {closed ? (
            <p className="notice notice--warning" role="status">
              {t.room.closedNote}
            </p>
          ) : (
            <section className="card actions-card" aria-label={t.join.title}>
              <div className="actions-card__row">
                <HostJoinPanel viewerOpen={viewerOpen} onJoin={() => setViewerOpen(true)} />
                <div className="join-panel">
                  <button type="button" className="button button--primary" onClick={() => navigate({ screen: 'tour', roomCode })}>
                    {t.tour.start}
                  </button>
                  <button type="button" className="button button--secondary" onClick={() => setPassFor({})}>
                    {t.pass.open}
                  </button>
                </div>
              </div>
              <div className="room-voice">{slots.voice({ roomCode, roomClosed: closed })}</div>
              <details className="room-voice__diagnostics">
                <summary>{t.voiceSignature.diagnostics}</summary>
                <VoiceSignaturePanel roomCode={roomCode} knownVoiceId={summary.voiceId} />
              </details>
            </section>
          )}
          {viewerOpen ? (
            <div id="room-viewer" ref={viewerRef} className="room-viewer-host">
              {slots.viewer({
                roomCode,
                obscured: passFor !== null,
                onBack: () => setViewerOpen(false),
                onClosed: () => setViewerOpen(false),
              })}
            </div>
          ) : null}
          <RoomFacts summary={summary} />
          <ParticipantsTable participants={summary.participants} roles={active?.roles ?? null} timeZone={summary.timeZone} />
        </>
      ) : null}
      {showSaved ? (
        slots.savedRoom({ roomCode, onDeleted: () => navigate({ screen: 'rooms' }) })
      ) : (
        <ListingCard
          listing={sessionRoom?.listing ?? null}
          guests={sessionRoom?.guests ?? []}
          {...(closed ? {} : { onPass: (guest: Guest) => setPassFor({ guest }) })}
        />
      )}

      {passFor && active && !closed ? (
        <GuestPassDialog
          roomCode={roomCode}
          preregistered={sessionRoom?.guests ?? []}
          defaultRole={active.roles.guest}
          {...(passFor.guest ? { initialGuest: passFor.guest } : {})}
          listingTitle={sessionRoom?.listing.title}
          onClose={() => setPassFor(null)}
        />
      ) : null}
    </div>
  );
}
