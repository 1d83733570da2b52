import { useRef, useState, type FormEvent } from 'react';
import type { Guest } from '../../../../common/room';
import { roomBridge } from './room-bridge';
import { useI18n } from '../../i18n/I18nProvider';
import { useAction } from '../../lib/use-action';
import { useFocusFirstProblem } from '../../lib/use-focus-first-problem';
import { ActionButton } from '../../ui/ActionButton';
import { Dialog } from '../../ui/Dialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { SelectField, TextField } from '../../ui/Field';
import { InvitePanel } from './InvitePanel';
import { plainText } from '../../lib/untrusted-text';

interface GuestPassDialogProps {
  roomCode: string;
  preregistered: Guest[];
  defaultRole: string;
  initialGuest?: Guest;
  listingTitle: string | undefined;
  onClose(): void;
}

const SOMEONE_ELSE = '';

/**
 * Issues a single-use guest ticket and shows the invitation. The invite link carries the ticket,
 * so it lives only in this dialog's state: closing the dialog forgets it.
 */
export function GuestPassDialog({ roomCode, preregistered, defaultRole, initialGuest, listingTitle, onClose }: GuestPassDialogProps) {
  const { t } = useI18n();
  const [picked, setPicked] = useState(initialGuest?.userId ?? SOMEONE_ELSE);
  const [userId, setUserId] = useState(initialGuest?.userId ?? '');
  const [role, setRole] = useState(initialGuest?.role ?? defaultRole);
  const [nickname, setNickname] = useState(initialGuest?.nickname ?? '');
  const [errors, setErrors] = useState<{ userId?: string; role?: string; nickname?: string }>({});
  const issue = useAction((guest: Guest) => roomBridge().issueGuestPass({ roomCode, guest }));
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = useFocusFirstProblem(formRef);

  function pick(id: string) {
    setPicked(id);
    const guest = preregistered.find((candidate) => candidate.userId === id);
    setUserId(guest?.userId ?? '');
    setRole(guest?.role ?? defaultRole);
    setNickname(guest?.nickname ?? '');
    setErrors({});
  }

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

  return (
    <Dialog title={t.pass.dialogTitle} onClose={onClose} closeLabel={t.pass.close} wide>
      {pass ? (
        <InvitePanel key={pass.obtainedAt} pass={pass} listingTitle={listingTitle} onIssueNew={() => void issue.run(pass.guest)} />
      ) : (
        <form ref={formRef} onSubmit={onSubmit} noValidate className="stack">
          {preregistered.length > 0 ? (
            <SelectField
              label={t.pass.pickGuest}
              value={picked}
              onValue={pick}
              options={[
                ...preregistered.map((guest) => ({
                  value: guest.userId,
                  label: plainText(guest.nickname ? `${guest.nickname} (${guest.userId})` : guest.userId),
                })),
                { value: SOMEONE_ELSE, label: t.pass.newGuest },
              ]}
            />
          ) : null}
          <div className="form-grid">
            <TextField
              label={t.pass.userId}
              value={userId}
              onValue={setUserId}
              error={errors.userId}
              autoComplete="off"
              data-autofocus=""
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
      )}
    </Dialog>
  );
}
