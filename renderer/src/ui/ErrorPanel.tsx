import { useContext, type ReactNode } from 'react';
import type { AppError } from '../../../common/errors';
import { NavigationContext } from '../lib/navigation';
import { useI18n } from '../i18n/I18nProvider';
import { CopyButton } from './CopyButton';

/** Plain-text details for support. Errors never carry secrets, so all of it may be copied. */
export function errorDetailsText(error: AppError): string {
  const lines = [`kind: ${error.kind}`, `message: ${error.message}`];
  if (error.code !== undefined) lines.push(`code: ${error.code}`);
  if (error.status !== undefined) lines.push(`status: ${error.status}`);
  if (error.requestId !== undefined) lines.push(`request_id: ${error.requestId}`);
  if (error.httpStatus !== undefined) lines.push(`http_status: ${error.httpStatus}`);
  return lines.join('\n');
}

interface ErrorPanelProps {
  error: AppError;
  /** What the agent was doing, in their language ("The export failed"); the kind's title follows it. */
  lead?: string;
  /** Extra actions next to "Copy details": retry, open settings… */
  actions?: ReactNode;
  compact?: boolean;
}

/**
 * Says what went wrong and what to do about it in the agent's language, then Realsee's and main's
 * own words as details, and what Realsee support needs to know.
 */
export function ErrorPanel({ error, lead, actions, compact = false }: ErrorPanelProps) {
  const { t } = useI18n();
  const navigation = useContext(NavigationContext);
  // Credentials and gateway paths are fixed in Settings; offer the way there unless already on a profile form.
  const offerSettings =
    (error.kind === 'auth' || error.kind === 'protocol') &&
    navigation !== null &&
    navigation.route.screen !== 'settings' &&
    navigation.route.screen !== 'welcome';
  const realseeText = error.kind === 'gateway' || error.kind === 'auth' ? error.status : undefined;
  const title = lead ? `${lead} — ${t.errors.title[error.kind]}` : t.errors.title[error.kind];
  return (
    <section
      className={`error-panel${compact ? ' error-panel--compact' : ''}`}
      role="alert"
      aria-label={title}
      data-error-kind={error.kind}
    >
      <h3 className="error-panel__title">{title}</h3>
      <p className="error-panel__advice">{t.errors.advice[error.kind]}</p>
      {realseeText ? (
        <p className="error-panel__realsee">
          <span className="error-panel__label">{t.errors.realseeSays}:</span> {realseeText}
        </p>
      ) : null}
      <p className="error-panel__message">
        <span className="error-panel__label">{t.errors.details}:</span> {error.message}
      </p>
      {error.code !== undefined || error.requestId !== undefined || error.httpStatus !== undefined ? (
        <dl className="error-panel__facts">
          {error.code !== undefined ? (
            <div>
              <dt>{t.errors.code}</dt>
              <dd>{error.code}</dd>
            </div>
          ) : null}
          {error.requestId !== undefined ? (
            <div>
              <dt>{t.errors.requestId}</dt>
              <dd className="mono">{error.requestId}</dd>
            </div>
          ) : null}
          {error.httpStatus !== undefined ? (
            <div>
              <dt>{t.errors.httpStatus}</dt>
              <dd>{error.httpStatus}</dd>
            </div>
          ) : null}
        </dl>
      ) : null}
      <div className="error-panel__actions">
        {actions}
        {offerSettings ? (
          <button type="button" className="button button--secondary" onClick={() => navigation.navigate({ screen: 'settings' })}>
            {t.errors.openSettings}
          </button>
        ) : null}
        <CopyButton text={errorDetailsText(error)} label={t.errors.copyDetails} />
      </div>
    </section>
  );
}
