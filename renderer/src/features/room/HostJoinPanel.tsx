import { useI18n } from '../../i18n/I18nProvider';
import { modKeyLabel } from '../../lib/keys';
import { Icon } from '../../ui/Icon';

/**
 * "Start tour" opens the room full-window (the tour screen). "Join as host" opens the room in the
 * built-in viewer below. Main fetches a fresh single-use ticket for the viewer and keeps it; the
 * renderer never sees it.
 */
export function HostJoinPanel({ viewerOpen, onJoin, onStartTour }: { viewerOpen: boolean; onJoin(): void; onStartTour(): void }) {
  const { t } = useI18n();
  return (
    <div className="join-panel join-panel--row">
      <button
        type="button"
        className="button button--primary"
        aria-keyshortcuts="Control+Shift+T Meta+Shift+T"
        title={`${t.tourScreen.startTourHint} (${modKeyLabel}+Shift+T)`}
        onClick={onStartTour}
      >
        <Icon glyph="▶" /> {t.tourScreen.startTour}
      </button>
      <button type="button" className="button button--secondary" aria-expanded={viewerOpen} aria-controls="room-viewer" onClick={onJoin}>
        <Icon glyph="◰" /> {t.join.host}
      </button>
    </div>
  );
}
