import type { ReactNode } from 'react';
import { useMessages } from '../../i18n/I18nProvider';
import { modKeyLabel } from '../../lib/keys';
import type { LivePresence } from '../../lib/use-live-presence';
import { Icon } from '../../ui/Icon';
import { HandOverMenu } from './HandOverMenu';
import type { TourControl } from './TourScreen';
import type { Leader } from './tour-state';

interface TourControlBarProps {
  roomCode: string;
  ended: boolean;
  /** Connected to the room: inviting and handing over make sense. */
  live: boolean;
  presence: LivePresence | null;
  leader: Leader;
  control: TourControl;
  railOpen: boolean;
  menuOpen: boolean;
  voice: ReactNode;
  onToggleRail(): void;
  onInvite(): void;
  onMenu(open: boolean): void;
  onLeave(): void;
  onEndRoom(): void;
}

/** The docked bar of the tour: voice, participants, invite, hand over, leave and end room. */
export function TourControlBar(props: TourControlBarProps) {
  const t = useMessages('tourScreen');
  const { ended, live, control } = props;
  return (
    <div className="tour-bar" role="toolbar" aria-label={t.controls} aria-orientation="horizontal">
      <div className="tour-bar__group tour-bar__voice">{props.voice}</div>
      <div className="tour-bar__group">
        <button
          type="button"
          className="button button--secondary"
          aria-pressed={props.railOpen}
          aria-controls="tour-rail"
          aria-keyshortcuts="Control+Shift+P Meta+Shift+P"
          title={`${modKeyLabel}+Shift+P`}
          onClick={props.onToggleRail}
        >
          {t.participants}
          {props.presence ? <span className="count">{props.presence.users.filter((user) => user.online !== false).length}</span> : null}
        </button>
        <button type="button" className="button button--secondary" disabled={ended} onClick={props.onInvite}>
          {t.invite}
        </button>
        <HandOverMenu
          presence={props.presence}
          leader={props.leader}
          available={control.available && live && !ended}
          open={props.menuOpen}
          onOpen={props.onMenu}
          onHandOver={control.onHandOver}
          onTakeBack={control.onTakeBack}
        />
      </div>
      <div className="tour-bar__group tour-bar__end">
        {ended ? (
          <button type="button" className="button button--primary" onClick={props.onLeave}>
            <Icon glyph="←" /> {t.backToRoom}
          </button>
        ) : (
          <>
            <button type="button" className="button button--secondary" title={t.leaveHint} onClick={props.onLeave}>
              {t.leave}
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={!live}
              aria-keyshortcuts="Control+Shift+E Meta+Shift+E"
              title={`${modKeyLabel}+Shift+E`}
              onClick={props.onEndRoom}
            >
              <Icon glyph="✕" /> {t.endRoom}
            </button>
          </>
        )}
      </div>
    </div>
  );
}
