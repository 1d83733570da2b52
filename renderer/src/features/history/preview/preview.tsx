// A page with only the history review on it, for the browser tests and the render benchmark,
// and for working on these screens before the app shell mounts them. Query parameters:
// `locale` (en | zh-CN), `view` (screen | list).
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from '../../../i18n/I18nProvider';
import type { Locale } from '../../../i18n/locale';
import { HistoryList, HistoryScreen } from '../index';
import '../../../ui/styles.css';

const params = new URLSearchParams(window.location.search);
const locale: Locale = params.get('locale') === 'zh-CN' ? 'zh-CN' : 'en';
const view = params.get('view') === 'list' ? 'list' : 'screen';

function Ready() {
  useEffect(() => {
    document.documentElement.dataset.appReady = 'true';
  }, []);
  return null;
}

function Preview() {
  return (
    <>
      {view === 'list' ? (
        <div className="rd-history">
          <HistoryList onOpenRoom={(code) => (document.title = code)} />
        </div>
      ) : (
        <HistoryScreen />
      )}
      <Ready />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initialChoice={locale}>
      <Preview />
    </I18nProvider>
  </StrictMode>,
);
