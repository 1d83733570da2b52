import { useState } from 'react';
import type { MethodOutput } from '../../../../common/contract';
import { useI18n } from '../../i18n/I18nProvider';
import { formatClock } from '../../lib/date-time';
import { CopyButton } from '../../ui/CopyButton';
import { SelectField, TextAreaField, TextField } from '../../ui/Field';
import { inviteText, type InviteLanguage } from './invite-text';
import { QrCode } from './QrCode';
import { useRemaining } from './use-remaining';

type GuestPass = MethodOutput<'issueGuestPass'>;

interface InvitePanelProps {
  pass: GuestPass;
  listingTitle: string | undefined;
  onIssueNew(): void;
}

/** A ready-to-send invitation: link, QR code and text, with its single-use expiry in plain sight. */
export function InvitePanel({ pass, listingTitle, onIssueNew }: InvitePanelProps) {
  const { t, locale } = useI18n();
  const [language, setLanguage] = useState<InviteLanguage>(locale === 'zh-CN' ? 'zh' : 'en');
  const remaining = useRemaining(pass);
  const { expired, countdown } = remaining;
  const minutes = Math.max(1, Math.round((pass.expiresAt - pass.obtainedAt) / 60_000));
  const expiresAt = formatClock(remaining.expiresAt, locale, false);
  const guestName = pass.guest.nickname || pass.guest.userId;
  const text = inviteText(
    language,
    { guestName: pass.guest.nickname, listingTitle, link: pass.inviteUrl, time: expiresAt, minutes },
    t.invite,
  );
  const liveChannel = /^wss?:/i.test(pass.inviteUrl);

  return (
    <section className={`invite${expired ? ' invite--expired' : ''}`} aria-label={t.pass.readyFor({ name: guestName })}>
      <h3>{t.pass.readyFor({ name: guestName })}</h3>
      <div className={`expiry${expired ? ' expiry--expired' : ''}`} role="status">
        {expired ? (
          <>
            <strong>{t.pass.expired}</strong>
            <button type="button" className="button button--primary" onClick={onIssueNew}>
              {t.pass.issueNew}
            </button>
          </>
        ) : (
          <>
            <span className="badge">{t.pass.singleUse}</span>
            <span className="expiry__countdown">{t.pass.validFor({ time: countdown, minutes })}</span>
            <span className="muted">{t.pass.expiresAt({ time: expiresAt })}</span>
          </>
        )}
      </div>
      {liveChannel ? <p className="notice notice--warning">{t.pass.liveChannelWarning}</p> : null}
      <div className="invite__body" aria-disabled={expired || undefined}>
        <QrCode text={pass.inviteUrl} label={t.pass.qr} />
        <div className="invite__fields">
          <div className="with-action">
            <TextField
              label={t.pass.link}
              value={pass.inviteUrl}
              onValue={() => undefined}
              readOnly
              className="mono"
              onFocus={(event) => event.currentTarget.select()}
            />
            <CopyButton text={pass.inviteUrl} label={t.pass.copyLink} disabled={expired} />
          </div>
          <SelectField<InviteLanguage>
            label={t.pass.textLanguage}
            value={language}
            onValue={setLanguage}
            options={(['en', 'zh', 'both'] as const).map((value) => ({ value, label: t.pass.textLanguages[value] }))}
          />
          <TextAreaField label={t.pass.text} value={text} rows={7} onFocus={(event) => event.currentTarget.select()} />
          <CopyButton text={text} label={t.pass.copyText} disabled={expired} />
        </div>
      </div>
    </section>
  );
}
