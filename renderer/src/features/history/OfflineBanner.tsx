import { formatDateTime } from '../../lib/date-time';
import { useNetworkState } from './use-network-state';
import { useI18n, useMessages } from '../../i18n/I18nProvider';

export interface OfflineBannerProps {
  /**
   * When the saved rooms were last known good; defaults to the time main last saw the gateway
   * state change (the `networkState` event's `checkedAt`).
   */
  asOf?: number | null;
}

/** Shown only while Realsee is unreachable: says so plainly, and that main keeps retrying. */
export function OfflineBanner({ asOf }: OfflineBannerProps) {
  const { locale } = useI18n();
  const t = useMessages('history');
  const network = useNetworkState();
  if (network.online !== false) return null;
  const time = asOf ?? network.checkedAt;

  return (
    <section className="rd-banner rd-banner--offline" role="status" aria-live="polite" data-offline-banner="">
      <p className="rd-banner__text">{t.offlineText(time === null ? '—' : formatDateTime(time, locale))}</p>
      <button type="button" className="button button--secondary button--small" disabled={network.checking} onClick={network.checkNow}>
        {network.checking ? t.offlineChecking : t.offlineRetry}
      </button>
    </section>
  );
}
