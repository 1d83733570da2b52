import type { MethodOutput } from '../../../preload/contract';
import { bridge } from '../bridge';
import { useI18n } from '../i18n/I18nProvider';
import { useAction } from '../lib/useAction';
import { ActionButton } from '../ui/ActionButton';
import { ErrorPanel } from '../ui/ErrorPanel';
import { useRemaining } from './useRemaining';
import { Icon } from '../ui/Icon';

type HostJoin = MethodOutput<'prepareHostJoin'>;

/**
 * "Join as host": main fetches a fresh single-use ticket and keeps it; we only learn where the
 * link goes and how long it is valid. The embedded viewer will open the room in the placeholder.
 */
export function HostJoinPanel({ roomCode }: { roomCode: string }) {
  const { t } = useI18n();
  const join = useAction(() => bridge().prepareHostJoin({ roomCode }));
  return (
    <div className="join-panel">
      <ActionButton busy={join.running} busyLabel={t.join.hosting} onClick={() => void join.run()}>
        <Icon glyph="▶" /> {join.state.phase === 'done' ? t.join.again : t.join.host}
      </ActionButton>
      {join.state.phase === 'failed' ? <ErrorPanel error={join.state.error} compact /> : null}
      {join.state.phase === 'done' ? <HostTicketInfo key={join.state.value.obtainedAt} join={join.state.value} /> : null}
    </div>
  );
}

function HostTicketInfo({ join }: { join: HostJoin }) {
  const { t } = useI18n();
  const { expired, countdown } = useRemaining(join);
  return (
    <section className={`ticket-info${expired ? ' ticket-info--expired' : ''}`} aria-label={t.join.hostReady}>
      <p className="ticket-info__title"><Icon glyph="✓" /> {t.join.hostReady}</p>
      <dl className="facts facts--inline">
        <div className="facts__row">
          <dt>{t.join.linkHost}</dt>
          <dd className="mono">{join.linkHost}</dd>
        </div>
        <div className="facts__row">
          <dt>{t.join.linkKind[join.linkKind]}</dt>
          <dd className="ticket-info__validity">{expired ? t.join.expired : t.join.validFor({ time: countdown })}</dd>
        </div>
      </dl>
      <div className="viewer-placeholder" role="note">
        <span className="viewer-placeholder__icon" aria-hidden="true">
          ⬚
        </span>
        <p>{t.join.viewerPlaceholder}</p>
      </div>
    </section>
  );
}
