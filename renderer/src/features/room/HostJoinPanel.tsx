import { useI18n } from '../../i18n/I18nProvider';
import { Icon } from '../../ui/Icon';

/**
 * "Join as host": opens the room in the built-in viewer below. Main fetches a fresh single-use
 * ticket for the viewer and keeps it; the renderer never sees it.
 */
export function HostJoinPanel({ viewerOpen, onJoin }: { viewerOpen: boolean; onJoin(): void }) {
  const { t } = useI18n();
  return (
    <div className="join-panel">
      <button type="button" className="button button--primary" aria-expanded={viewerOpen} aria-controls="room-viewer" onClick={onJoin}>
        <Icon glyph="▶" /> {t.join.host}
      </button>
    </div>
  );
}
