import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { MethodOutput } from '../../../../common/contract';
import type { Guest } from '../../../../common/room';
import { roomBridge } from './room-bridge';
import { useI18n, useMessages } from '../../i18n/I18nProvider';
import { useAction } from '../../lib/use-action';
import { useNavigation } from '../../lib/navigation';
import { useFocusFirstProblem } from '../../lib/use-focus-first-problem';
import { ActionButton } from '../../ui/ActionButton';
import { Dialog } from '../../ui/Dialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { TextField } from '../../ui/Field';
import { InvitePanel } from './InvitePanel';
import { UntrustedText } from '../../ui/UntrustedText';
import { plainText } from '../../lib/untrusted-text';
import { offeredGuests } from './pass-tracker';

export type GuestPass = MethodOutput<'issueGuestPass'>;

interface GuestPassDialogProps {
  roomCode: string;
  preregistered: Guest[];
  /** Guests given an ad-hoc pass earlier on this page: offered after the pre-registered ones. */
  adHoc?: Guest[];
  defaultRole: string;
  initialGuest?: Guest;
  /** Issue a pass for `initialGuest` at once (a re-issue): the dialog opens on the new invitation. */
  issueAtOnce?: boolean;
  /** Set when the active profile has no guest page to point a pass at: the profile's name. */
  guestPageMissingFor?: string | null;
  listingTitle: string | undefined;
  onIssued?(pass: GuestPass): void;
  onClose(): void;
}

/**
 * Issues a single-use guest ticket and shows the invitation. The room's guests are offered first,
 * one click each; anyone else through the form. The invite link carries the ticket, so it lives
 * only in this dialog's state: closing the dialog forgets it.
 */
export function GuestPassDialog({
  roomCode,
  preregistered,
  adHoc = [],
  defaultRole,
  initialGuest,
  issueAtOnce = false,
  guestPageMissingFor = null,
  listingTitle,
  onIssued,
  onClose,
}: GuestPassDialogProps) {
  const { t } = useI18n();
  const passes = useMessages('guestPasses');
  const { navigate } = useNavigation();
  const [userId, setUserId] = useState(initialGuest?.userId ?? '');
  const [role, setRole] = useState(initialGuest?.role ?? defaultRole);
  const [nickname, setNickname] = useState(initialGuest?.nickname ?? '');
  const [errors, setErrors] = useState<{ userId?: string; role?: string; nickname?: string }>({});
  const issue = useAction(async (guest: Guest) => {
    const result = await roomBridge().issueGuestPass({ roomCode, guest });
    if (result.ok) onIssued?.(result.value);
    return result;
  });
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = useFocusFirstProblem(formRef);
  // One pass per click: a re-issue runs once even when effects run twice.
  const issuedAtOnce = useRef(false);
  const offered = initialGuest ? [] : offeredGuests(preregistered, adHoc);
  const runIssue = issue.run;

  useEffect(() => {
    if (!issueAtOnce || !initialGuest || guestPageMissingFor !== null || issuedAtOnce.current) return;
    issuedAtOnce.current = true;
    void runIssue(initialGuest);
  }, [issueAtOnce, initialGuest, guestPageMissingFor, runIssue]);

  function currentGuest(): Guest | null {
    const next: typeof errors = {};
    if (userId.trim() === '') next.userId = t.newRoom.invalid.guestUserId;
    else if (userId.trim().length > 128) next.userId = t.newRoom.invalid.tooLong({ max: 128 });
    if (role.trim() === '') next.role = t.newRoom.invalid.guestRole;
    else if (role.trim().length > 64) next.role = t.newRoom.invalid.tooLong({ max: 64 });
    if (nickname.trim().length > 64) next.nickname = t.newRoom.invalid.tooLong({ max: 64 });
    setErrors(next);
    if (Object.keys(next).length > 0) return null;
    return { userId: userId.trim(), role: role.trim(), ...(nickname.trim() ? { nickname: nickname.trim() } : {}) };
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const guest = currentGuest();
    const result = guest ? await issue.run(guest) : null;
    if (!result?.ok) focusFirstProblem();
  }

  const pass = issue.state.phase === 'done' ? issue.state.value : null;

  if (guestPageMissingFor !== null) {
    return (
      <Dialog title={t.pass.dialogTitle} onClose={onClose} closeLabel={t.pass.close} wide>
        <section className="notice notice--warning stack" role="alert" aria-label={passes.pageMissingTitle}>
          <h3>{passes.pageMissingTitle}</h3>
          <p>{passes.pageMissingText(plainText(guestPageMissingFor))}</p>
          <div className="form-actions">
            <button type="button" className="button button--primary" data-autofocus="" onClick={() => navigate({ screen: 'settings' })}>
              {passes.openSettings}
            </button>
          </div>
        </section>
      </Dialog>
    );
  }

  return (
    <Dialog title={t.pass.dialogTitle} onClose={onClose} closeLabel={t.pass.close} wide>
      {pass ? (
        <InvitePanel key={pass.obtainedAt} pass={pass} listingTitle={listingTitle} onIssueNew={() => void issue.run(pass.guest)} />
      ) : issueAtOnce && initialGuest && issue.state.phase !== 'failed' ? (
        <p className="loading" role="status">
          {t.pass.issuing}
        </p>
      ) : (
        <div className="stack">
          {offered.length > 0 ? (
            <section className="stack" aria-labelledby="pass-offered-title">
              <h3 id="pass-offered-title">{passes.preregisteredTitle}</h3>
              <ul className="guest-list">
                {offered.map((guest, index) => (
                  <li key={guest.userId}>
                    <span>
                      <UntrustedText text={guest.nickname || guest.userId} />{' '}
                      <span className="muted mono">{guest.nickname ? guest.userId : ''}</span> <span className="muted">· {guest.role}</span>
                    </span>
                    <button
                      type="button"
                      className="button button--primary button--small"
                      onClick={() => void issue.run(guest)}
                      disabled={issue.running}
                      {...(index === 0 ? { 'data-autofocus': '' } : {})}
                    >
                      {passes.issueFor(plainText(guest.nickname || guest.userId))}
                    </button>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <form
            ref={formRef}
            onSubmit={onSubmit}
            noValidate
            className="stack"
            aria-labelledby={offered.length > 0 ? 'pass-someone-else' : undefined}
          >
            {offered.length > 0 ? <h3 id="pass-someone-else">{passes.someoneElse}</h3> : null}
            <div className="form-grid">
              <TextField
                label={t.pass.userId}
                value={userId}
                onValue={setUserId}
                error={errors.userId}
                autoComplete="off"
                {...(offered.length === 0 ? { 'data-autofocus': '' } : {})}
              />
              <TextField label={t.pass.role} value={role} onValue={setRole} error={errors.role} />
              <TextField label={t.pass.nickname} value={nickname} onValue={setNickname} error={errors.nickname} />
            </div>
            {issue.state.phase === 'failed' ? <ErrorPanel error={issue.state.error} compact /> : null}
            <div className="form-actions">
              <ActionButton type="submit" busy={issue.running} busyLabel={t.pass.issuing}>
                {t.pass.issue}
              </ActionButton>
            </div>
          </form>
        </div>
      )}
    </Dialog>
  );
}
