import { useI18n } from '../i18n/I18nProvider';
import { useNavigation, type Route } from '../lib/navigation';
import { ProfileSwitcher } from '../features/profiles/ProfileSwitcher';
import { Icon } from '../ui/Icon';

const items: Array<{ screen: Extract<Route['screen'], 'rooms' | 'new-room' | 'history' | 'settings'>; icon: string }> = [
  { screen: 'rooms', icon: '▦' },
  { screen: 'new-room', icon: '＋' },
  { screen: 'history', icon: '≡' },
  { screen: 'settings', icon: '⚙' },
];

export function Sidebar({ onShowShortcuts }: { onShowShortcuts(): void }) {
  const { t } = useI18n();
  const { route, navigate } = useNavigation();
  const labels = { rooms: t.nav.rooms, 'new-room': t.nav.newRoom, history: t.nav.history, settings: t.nav.settings };
  const current = route.screen === 'room' || route.screen === 'tour' ? 'rooms' : route.screen;

  return (
    <aside className="sidebar">
      <div className="sidebar__brand">
        <span className="sidebar__logo" aria-hidden="true">
          ◰
        </span>
        <div>
          <div className="sidebar__name">{t.app.name}</div>
          <div className="sidebar__tagline">{t.app.tagline}</div>
        </div>
      </div>
      <ProfileSwitcher />
      <nav aria-label={t.nav.main} className="sidebar__nav">
        <ul>
          {items.map((item) => (
            <li key={item.screen}>
              <button
                type="button"
                className="nav-item"
                aria-current={current === item.screen ? 'page' : undefined}
                onClick={() => navigate({ screen: item.screen })}
              >
                <span className="nav-item__icon" aria-hidden="true">
                  {item.icon}
                </span>
                {labels[item.screen]}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <button type="button" className="sidebar__shortcuts link-button" onClick={onShowShortcuts}>
        <Icon glyph="⌨" /> {t.nav.shortcuts} <kbd aria-hidden="true">?</kbd>
      </button>
    </aside>
  );
}
