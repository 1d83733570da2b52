import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { readPreference } from '../lib/preferences';
import { useProfiles } from '../lib/ProfilesProvider';
import { profileName } from '../lib/profile-label';
import { ErrorPanel } from '../ui/ErrorPanel';
import { Spinner } from '../ui/Spinner';
import { CommandsContext, type CommandRegistry } from '../lib/commands';
import { NavigationContext, type Navigation, type Route } from '../lib/navigation';
import { ShortcutsDialog } from './ShortcutsDialog';
import { Sidebar } from './Sidebar';
import { useShortcuts } from './use-shortcuts';

const WelcomeScreen = lazy(() => import('../features/profiles/WelcomeScreen').then((m) => ({ default: m.WelcomeScreen })));
const RoomsScreen = lazy(() => import('../features/rooms/RoomsScreen').then((m) => ({ default: m.RoomsScreen })));
const NewRoomScreen = lazy(() => import('../features/new-room/NewRoomScreen').then((m) => ({ default: m.NewRoomScreen })));
const RoomRoute = lazy(() => import('./routes/RoomRoute').then((m) => ({ default: m.RoomRoute })));
const TourRoute = lazy(() => import('./routes/TourRoute').then((m) => ({ default: m.TourRoute })));
const SettingsRoute = lazy(() => import('./routes/SettingsRoute').then((m) => ({ default: m.SettingsRoute })));
const HistoryScreen = lazy(() => import('../features/history').then((m) => ({ default: m.HistoryScreen })));
// The banners live in the history module: a static import would pull all of history (and its
// styles) into the first-load bundle, so they arrive with its chunk instead.
const StartupReportBanner = lazy(() => import('../features/history').then((m) => ({ default: m.StartupReportBanner })));
const OfflineBanner = lazy(() => import('../features/history').then((m) => ({ default: m.OfflineBanner })));

function initialRoute(): Route {
  return readPreference('welcomeSeen') === 'true' ? { screen: 'rooms' } : { screen: 'welcome' };
}

/** Tells the harness (and anyone waiting) that the first screen is on display. */
function ReadyMarker() {
  useEffect(() => {
    document.documentElement.dataset.appReady = 'true';
  }, []);
  return null;
}

function CurrentScreen({ route }: { route: Route }) {
  const { t } = useI18n();
  const { profiles } = useProfiles();
  switch (route.screen) {
    case 'welcome':
      return <WelcomeScreen />;
    case 'rooms':
      return <RoomsScreen focusSearch={route.focusSearch ?? false} />;
    case 'new-room':
      return <NewRoomScreen />;
    case 'room':
      return <RoomRoute key={route.roomCode} roomCode={route.roomCode} />;
    case 'tour':
      return <TourRoute key={route.roomCode} roomCode={route.roomCode} />;
    case 'history':
      return (
        <HistoryScreen
          key={route.roomCode ?? ''}

          showBanners={false}
          profiles={profiles.map((profile) => ({ id: profile.id, label: profileName(profile, t) }))}
          {...(route.roomCode ? { initialRoomCode: route.roomCode } : {})}
        />
      );
    case 'settings':
      return <SettingsRoute />;
  }
}

export function App() {
  const { t } = useI18n();
  const profiles = useProfiles();
  const [route, setRoute] = useState<Route>(initialRoute);
  const [showShortcuts, setShowShortcuts] = useState(false);
  const [commands] = useState<CommandRegistry>(() => new Map());
  const mainRef = useRef<HTMLElement>(null);
  const firstRoute = useRef(true);

  const navigate = useCallback((next: Route) => setRoute(next), []);
  const navigation = useMemo<Navigation>(() => ({ route, navigate }), [route, navigate]);
  useShortcuts({ route, navigate, commands, openHelp: () => setShowShortcuts(true) });

  // After a screen change, move focus to the new screen so keyboard and screen-reader users follow.
  useEffect(() => {
    if (firstRoute.current) {
      firstRoute.current = false;
      return;
    }
    if (route.screen === 'rooms' && route.focusSearch) return;
    mainRef.current?.focus({ preventScroll: true });
  }, [route]);

  return (
    <NavigationContext.Provider value={navigation}>
      <CommandsContext.Provider value={commands}>
        <a className="skip-link" href="#main">
          {t.app.skipToContent}
        </a>
        <div className="shell">
          <Sidebar onShowShortcuts={() => setShowShortcuts(true)} />
          <main id="main" ref={mainRef} tabIndex={-1} className="main">
            <Suspense fallback={null}>
              <StartupReportBanner />
              <OfflineBanner />
            </Suspense>
            {profiles.state.phase === 'loading' ? (
              <p className="loading" role="status">
                <Spinner /> {t.app.loading}
              </p>
            ) : profiles.state.phase === 'failed' ? (
              <div className="screen">
                <ErrorPanel
                  error={profiles.state.error}
                  actions={
                    <button type="button" className="button button--primary" onClick={() => void profiles.reload()}>
                      {t.errors.retry}
                    </button>
                  }
                />
                <ReadyMarker />
              </div>
            ) : (
              <Suspense
                fallback={
                  <p className="loading" role="status">
                    <Spinner /> {t.app.loading}
                  </p>
                }
              >
                <CurrentScreen route={route} />
                <ReadyMarker />
              </Suspense>
            )}
          </main>
        </div>
        {showShortcuts ? <ShortcutsDialog onClose={() => setShowShortcuts(false)} /> : null}
      </CommandsContext.Provider>
    </NavigationContext.Provider>
  );
}
