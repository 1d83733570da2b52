// A page with only the history review on it, for the browser tests and the render benchmark,
// and for working on these screens before the app shell mounts them. Query parameters:
// `locale` (en | zh-CN), `view` (screen | list).
import { StrictMode, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { HistoryList, HistoryScreen, type HistoryLocale } from '../index';

const params = new URLSearchParams(window.location.search);
const locale: HistoryLocale = params.get('locale') === 'zh-CN' ? 'zh-CN' : 'en';
const view = params.get('view') === 'list' ? 'list' : 'screen';
document.documentElement.lang = locale;

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
          <HistoryList locale={locale} onOpenRoom={(code) => (document.title = code)} />
        </div>
      ) : (
        <HistoryScreen locale={locale} />
      )}
      <Ready />
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Preview />
  </StrictMode>,
);
