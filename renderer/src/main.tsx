import '../../common/zod-jitless';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { I18nProvider } from './i18n/I18nProvider';
import { ProfilesProvider } from './lib/ProfilesProvider';
import { SessionRoomsProvider } from './lib/SessionRoomsProvider';
import './ui/styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider>
      <ProfilesProvider>
        <SessionRoomsProvider>
          <App />
        </SessionRoomsProvider>
      </ProfilesProvider>
    </I18nProvider>
  </StrictMode>,
);
