import { useRef, useState, type FormEvent } from 'react';
import type { ProfileSummary } from '../../../../common/profile';
import { profilesBridge, type ProfilesBridge } from './profiles-bridge';
import { useI18n, useMessages } from '../../i18n/I18nProvider';
import { formatClock } from '../../lib/date-time';
import { useAction } from '../../lib/use-action';
import { useFocusFirstProblem } from '../../lib/use-focus-first-problem';
import { ActionButton } from '../../ui/ActionButton';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { SelectField, TextField } from '../../ui/Field';
import { useProfiles } from '../../lib/ProfilesProvider';
import {
  endpointNames,
  initialFormValues,
  validateProfileForm,
  type DraftRegion,
  type ProfileFieldErrors,
  type ProfileFormValues,
} from './profile-form-values';
import { Icon } from '../../ui/Icon';

interface ProfileFormProps {
  existing?: ProfileSummary;
  onSaved(profile: ProfileSummary): void;
  onCancel?(): void;
}

/** Create or edit a Realsee profile: test the connection, then save it and make it active. */
export function ProfileForm({ existing, onSaved, onCancel }: ProfileFormProps) {
  const { t, locale } = useI18n();
  const passes = useMessages('guestPasses');
  const { reload } = useProfiles();
  const [values, setValues] = useState<ProfileFormValues>(() => initialFormValues(existing));
  const [errors, setErrors] = useState<ProfileFieldErrors>({});
  const [confirmUntested, setConfirmUntested] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstProblem = useFocusFirstProblem(formRef);
  const test = useAction((input: Parameters<ProfilesBridge['testProfileConnection']>[0]) => profilesBridge().testProfileConnection(input));
  const save = useAction(async (draft: Parameters<ProfilesBridge['saveProfile']>[0]) => {
    const saved = await profilesBridge().saveProfile(draft);
    if (!saved.ok) return saved;
    const activated = await profilesBridge().activateProfile({ id: saved.value.id });
    await reload();
    return activated;
  });

  const set =
    <K extends keyof ProfileFormValues>(key: K) =>
    (value: ProfileFormValues[K]) => {
      setValues((current) => ({ ...current, [key]: value }));
      setErrors((current) => ({ ...current, [key]: undefined }));
      test.reset();
    };
  const setEndpoint = (name: (typeof endpointNames)[number]) => (value: string) => {
    setValues((current) => ({ ...current, endpoints: { ...current.endpoints, [name]: value } }));
    setErrors((current) => ({ ...current, [`endpoint.${name}`]: undefined }));
  };

  // A saved secret is only sent to the gateway it was saved for (main refuses otherwise).
  const gatewayMoved =
    existing !== undefined &&
    (values.region !== existing.region || (values.region === 'custom' && values.customBaseUrl.trim() !== (existing.customBaseUrl ?? '')));

  function validate() {
    const checked = validateProfileForm(values, {
      isNew: !existing,
      ...(existing ? { existingId: existing.id } : {}),
      messages: { ...t.profileForm.invalid, guestPageUrl: passes.profileFieldInvalid },
    });
    if (!checked.ok) setErrors(checked.errors);
    return checked;
  }

  async function onTest() {
    const checked = validate();
    if (!checked.ok) {
      focusFirstProblem();
      return;
    }
    // Editing without typing a new secret tests the saved profile with its stored secret.
    await test.run(existing && values.appSecret === '' && !gatewayMoved ? { id: existing.id } : { draft: checked.draft });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = validate();
    if (!checked.ok) {
      focusFirstProblem();
      return;
    }
    // A profile Realsee just refused is not made the active one without asking.
    if (test.state.phase === 'failed') {
      setConfirmUntested(true);
      return;
    }
    await saveAndUse(checked.draft);
  }

  async function saveAndUse(draft: Parameters<ProfilesBridge['saveProfile']>[0]) {
    const result = await save.run(draft);
    if (result.ok) {
      setValues((current) => ({ ...current, appSecret: '' }));
      onSaved(result.value);
    } else {
      focusFirstProblem();
    }
  }

  const regionOptions: Array<{ value: DraftRegion; label: string }> = (['global', 'china', 'legacy', 'custom'] as const).map((region) => ({
    value: region,
    label: t.profile.region[region],
  }));

  return (
    <form ref={formRef} className="profile-form" onSubmit={onSubmit} noValidate>
      <div className="form-grid">
        <TextField
          label={t.profileForm.name}
          value={values.name}
          onValue={set('name')}
          error={errors.name}
          placeholder={t.profileForm.namePlaceholder}
          autoComplete="off"
        />
        <SelectField label={t.profileForm.region} value={values.region} options={regionOptions} onValue={set('region')} />
        {values.region === 'custom' ? (
          <TextField
            fieldClassName="form-grid__wide"
            label={t.profileForm.customBaseUrl}
            value={values.customBaseUrl}
            onValue={set('customBaseUrl')}
            error={errors.customBaseUrl}
            hint={t.profileForm.customBaseUrlHint}
            type="url"
            inputMode="url"
            spellCheck={false}
          />
        ) : null}
        <TextField
          label={t.profileForm.appKey}
          value={values.appKey}
          onValue={set('appKey')}
          error={errors.appKey}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label={t.profileForm.appSecret}
          value={values.appSecret}
          onValue={set('appSecret')}
          error={errors.appSecret}
          type="password"
          autoComplete="new-password"
          placeholder={existing?.hasSecret && !gatewayMoved ? t.profileForm.appSecretKeep : undefined}
          hint={gatewayMoved ? t.profileForm.appSecretNewGateway : undefined}
        />
        <TextField
          label={t.profileForm.userId}
          value={values.userId}
          onValue={set('userId')}
          error={errors.userId}
          hint={t.profileForm.userIdHint}
          autoComplete="off"
        />
        <TextField
          label={t.profileForm.nickname}
          value={values.nickname}
          onValue={set('nickname')}
          error={errors.nickname}
          autoComplete="name"
        />
        <TextField
          label={t.profileForm.hostRole}
          value={values.hostRole}
          onValue={set('hostRole')}
          error={errors.hostRole}
          hint={t.profileForm.rolesHint}
        />
        <TextField label={t.profileForm.guestRole} value={values.guestRole} onValue={set('guestRole')} error={errors.guestRole} />
      </div>
      <details className="profile-form__advanced">
        <summary>{t.profileForm.advanced}</summary>
        <p className="muted">{t.profileForm.advancedHint}</p>
        <div className="form-grid">
          {endpointNames.map((name) => (
            <TextField
              key={name}
              label={t.profileForm.endpoint[name]}
              value={values.endpoints[name]}
              onValue={setEndpoint(name)}
              error={errors[`endpoint.${name}`]}
              spellCheck={false}
              className="mono"
            />
          ))}
          <TextField
            label={t.profileForm.timeZone}
            value={values.timeZone}
            onValue={set('timeZone')}
            error={errors.timeZone}
            hint={t.profileForm.timeZoneHint}
            spellCheck={false}
          />
          <TextField
            fieldClassName="form-grid__wide"
            label={passes.profileField}
            value={values.guestPageUrl}
            onValue={set('guestPageUrl')}
            error={errors.guestPageUrl}
            hint={passes.profileFieldHint}
            type="url"
            inputMode="url"
            placeholder="https://tour.example.com/"
            spellCheck={false}
          />
        </div>
      </details>

      <div className="profile-form__result" aria-live="polite">
        {test.state.phase === 'done' ? (
          <p className="notice notice--success" role="status">
            <Icon glyph="✓" /> {t.profileForm.testOk({ time: formatClock(test.state.value.checkedAt, locale) })}
          </p>
        ) : null}
      </div>
      {test.state.phase === 'failed' ? <ErrorPanel error={test.state.error} compact /> : null}
      {save.state.phase === 'failed' ? <ErrorPanel error={save.state.error} compact /> : null}

      <div className="form-actions">
        {onCancel ? (
          <button type="button" className="button button--ghost" onClick={onCancel}>
            {t.profileForm.cancel}
          </button>
        ) : null}
        <ActionButton variant="secondary" busy={test.running} busyLabel={t.profileForm.testing} onClick={onTest} disabled={save.running}>
          {t.profileForm.test}
        </ActionButton>
        <ActionButton type="submit" busy={save.running} busyLabel={t.profileForm.saving} disabled={test.running}>
          {t.profileForm.save}
        </ActionButton>
      </div>
      {confirmUntested ? (
        <ConfirmDialog
          title={t.profileForm.failedTestTitle}
          text={t.profileForm.failedTestText}
          confirmLabel={t.profileForm.saveAnyway}
          cancelLabel={t.profileForm.keepEditing}
          closeLabel={t.profileForm.cancel}
          onCancel={() => setConfirmUntested(false)}
          onConfirm={() => {
            setConfirmUntested(false);
            const checked = validate();
            if (checked.ok) void saveAndUse(checked.draft);
          }}
        />
      ) : null}
    </form>
  );
}
