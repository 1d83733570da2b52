import { useCallback, useMemo, useReducer, useState, type ReactNode } from 'react';
import type { AppError } from '../../../../common/errors';
import { useMessages } from '../../i18n/I18nProvider';
import { useCommand } from '../../lib/commands';
import { useNavigation } from '../../lib/navigation';
import { readPreference, writePreference } from '../../lib/preferences';
import { useShellLayout } from '../../lib/shell-layout';
import { useLivePresence, type LivePresence, type PresenceToast } from '../../lib/use-live-presence';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Icon } from '../../ui/Icon';
import { UntrustedText } from '../../ui/UntrustedText';
import { useModalOpen } from '../../ui/use-modal-open';
import { playNoticeSound } from './notice-sound';
import { TourControlBar } from './TourControlBar';
import { initialTourLayout, isVrObscured, tourLayoutReducer } from './tour-layout';
import { defaultTourScreenBridge, type TourScreenBridge } from './tour-screen-bridge';
import { tourStage, whoLeads, type Leader, type ParticipantVoice } from './tour-state';
import { TourNotices } from './TourNotices';
import { TourSideRail } from './TourSideRail';
import { TourStageNotice } from './TourStageNotice';
import './tour-screen.css';

/** What the route plugs into the tour from other features. */
export interface TourScreenSlots {
  /**
   * The VR area. It is rendered inside a fixed, flex-filled box that never scrolls: fill it
   * (height and width 100%). `obscured` is set while something of the tour is drawn over the area
   * (a menu, a dialog, a connection state): a native view must be hidden meanwhile. `live` is false
   * while the screen says over the area that the room is not connected (or has ended).
   */
  vr(props: { roomCode: string; obscured: boolean; roomEnded: boolean; live: boolean }): ReactNode;
  /** The voice controls of the control bar; `roomClosed` once the room has ended. */
  voice(props: { roomCode: string; roomClosed: boolean }): ReactNode;
  /** The guest pass flow, rendered while the agent invites someone; `onClose` ends it. */
  invite(props: { roomCode: string; onClose(): void }): ReactNode;
}

/** Handing the view to a guest and taking it back. */
export interface TourControl {
  /** False while the VR is not shown: "Hand over control" is then disabled and says why. */
  available: boolean;
  onHandOver(userId: string): void;
  onTakeBack(): void;
  /** Why the last hand over or take back was not done; null or left out when it was. */
  error?: AppError | null;
}

export interface TourScreenProps {
  roomCode: string;
  /** The listing's title, or a fallback naming the room. */
  title: string;
  /** The room's private notes (read-only here), or null when none were kept. */
  notes: string | null;
  slots: TourScreenSlots;
  control: TourControl;
  /** Voice per participant user id (the agent's own included), as far as the voice part knows it. */
  participantVoice?: Readonly<Record<string, ParticipantVoice>>;
  /**
   * Who leads the view (a user id, or null for nobody) when the VR part knows it from its guided sync;
   * left out, it is read from the live presence's `sync_frame` permissions and latest keyframe.
   */
  leaderId?: string | null;
  bridge?: TourScreenBridge;
}

const NO_VOICE: Readonly<Record<string, ParticipantVoice>> = {};
const NOBODY: Leader = { kind: 'nobody' };

/**
 * The tour of one room, filling the window's main area like a call: the VR area, a side rail with
 * who is in the room and the room's notes, and a docked control bar. Leaving returns to the room page
 * and leaves the room open; ending it asks first.
 */
export function TourScreen({
  roomCode,
  title,
  notes,
  slots,
  control,
  participantVoice = NO_VOICE,
  leaderId,
  bridge: givenBridge,
}: TourScreenProps) {
  const t = useMessages('tourScreen');
  const bridge = useMemo(() => givenBridge ?? defaultTourScreenBridge(), [givenBridge]);
  const { navigate } = useNavigation();
  const shell = useShellLayout();
  const [layout, dispatch] = useReducer(tourLayoutReducer, window.innerWidth, initialTourLayout);
  const [sound, setSound] = useState(() => readPreference('tourNoticeSound') === 'on');
  const [endedHere, setEndedHere] = useState(false);
  const [endError, setEndError] = useState<AppError | null>(null);
  // Any dialog of the app (the shortcuts list too) is drawn over the VR area.
  const dialogOpen = useModalOpen();

  const onChanges = useCallback(
    (added: PresenceToast[]) => {
      const last = added.at(-1);
      if (sound && last) playNoticeSound(last.kind);
    },
    [sound],
  );
  const live = useLivePresence(bridge, roomCode, 'tour', true, onChanges);
  const presence = live.presence;
  const stage = tourStage(presence, endedHere);
  const ended = stage === 'ended';
  // Nobody is shown leading while the room is not connected: what was true before may no longer be.
  const leader = stage === 'live' ? whoLeads(presence, leaderId) : NOBODY;
  // An ended room disconnected everyone: nobody is shown online in it.
  const people = useMemo(() => (ended && presence ? everyoneOffline(presence) : presence), [ended, presence]);

  const leave = useCallback(() => navigate({ screen: 'room', roomCode }), [navigate, roomCode]);
  // Ending goes over the live channel: it is offered while the tour is connected.
  const connected = stage === 'live';
  const askEnd = useCallback(() => {
    if (connected) dispatch({ type: 'open', overlay: 'end-room' });
  }, [connected]);
  useCommand('endRoom', askEnd);
  useCommand('toggleParticipants', () => dispatch({ type: 'toggle-rail' }));

  async function endRoom(): Promise<void> {
    dispatch({ type: 'close-overlay' });
    setEndError(null);
    const result = await bridge.endRoom({ roomCode });
    if (result.ok) {
      setEndedHere(true);
      dispatch({ type: 'room-ended' });
    } else setEndError(result.error);
  }

  const toggleSidebar = () => {
    const next = !shell.sidebarCollapsed;
    writePreference('tourSidebar', next ? 'collapsed' : 'shown');
    shell.setSidebarCollapsed(next);
  };
  const toggleSound = (on: boolean) => {
    writePreference('tourNoticeSound', on ? 'on' : null);
    setSound(on);
  };

  const leaderText =
    leader.kind === 'self'
      ? t.leader.self
      : leader.kind === 'other'
        ? t.leader.other(leader.user.nickname || leader.user.userId)
        : t.leader.nobody;

  return (
    <section className="tour" aria-label={t.label(title)} data-tour-stage={stage}>
      <header className="tour__header">
        <button
          type="button"
          className="icon-button tour__sidebar-toggle"
          aria-pressed={!shell.sidebarCollapsed}
          aria-label={shell.sidebarCollapsed ? t.showSidebar : t.hideSidebar}
          title={shell.sidebarCollapsed ? t.showSidebar : t.hideSidebar}
          onClick={toggleSidebar}
        >
          <Icon glyph="☰" />
        </button>
        {stage === 'ended' ? <span className="badge">{t.endedBadge}</span> : <span className="badge badge--active">{t.tourBadge}</span>}
        <h1 className="tour__title">
          <UntrustedText text={title} />
        </h1>
        {stage === 'live' ? (
          <span className="tour__leader" data-leader={leader.kind}>
            <Icon glyph="◎" /> <UntrustedText text={leaderText} />
          </span>
        ) : null}
        <TourNotices notices={live.toasts} onDismiss={live.dismiss} />
      </header>

      <div className="tour__body">
        <div className="tour__stage" role="region" aria-label={t.vrArea}>
          <div className="tour__vr">
            {slots.vr({ roomCode, obscured: dialogOpen || isVrObscured(layout, stage), roomEnded: ended, live: stage === 'live' })}
          </div>
          {stage !== 'live' ? (
            <TourStageNotice stage={stage} presence={presence} onReconnect={() => void live.reconnect()} onBack={leave} />
          ) : null}
        </div>
        {layout.railOpen ? (
          <TourSideRail
            presence={people}
            leader={leader}
            voice={participantVoice}
            notes={notes}
            sound={sound}
            onSound={toggleSound}
            onEditNotes={() => navigate({ screen: 'history', roomCode })}
          />
        ) : null}
      </div>

      {endError ? <ErrorPanel error={endError} lead={t.endRoomFailed} compact /> : null}
      {control.error ? <ErrorPanel error={control.error} lead={t.controlNotChanged} compact /> : null}
      <TourControlBar
        roomCode={roomCode}
        ended={ended}
        live={stage === 'live'}
        presence={people}
        leader={leader}
        control={control}
        railOpen={layout.railOpen}
        menuOpen={layout.overlay === 'hand-over-menu'}
        voice={slots.voice({ roomCode, roomClosed: ended })}
        onToggleRail={() => dispatch({ type: 'toggle-rail' })}
        onInvite={() => dispatch({ type: 'open', overlay: 'invite' })}
        onMenu={(open) => dispatch(open ? { type: 'open', overlay: 'hand-over-menu' } : { type: 'close-overlay' })}
        onLeave={leave}
        onEndRoom={askEnd}
      />

      {layout.overlay === 'invite' && !ended ? slots.invite({ roomCode, onClose: () => dispatch({ type: 'close-overlay' }) }) : null}
      {layout.overlay === 'end-room' ? (
        <ConfirmDialog
          title={t.endRoomTitle}
          text={t.endRoomText}
          confirmLabel={t.endRoomConfirm}
          cancelLabel={t.cancel}
          closeLabel={t.dialogClose}
          danger
          onConfirm={() => void endRoom()}
          onCancel={() => dispatch({ type: 'close-overlay' })}
        />
      ) : null}
    </section>
  );
}

function everyoneOffline(presence: LivePresence): LivePresence {
  return { ...presence, users: presence.users.map((user) => ({ ...user, online: false })) };
}
