import { useState } from 'react';
import type { ProfileSummary } from '../../../../common/profile';
import { useI18n } from '../../i18n/I18nProvider';
import { useAction } from '../../lib/use-action';
import { useProfiles } from '../../lib/ProfilesProvider';
import { profileName, regionLabel } from '../../lib/profile-label';
import { ActionButton } from '../../ui/ActionButton';
import { Dialog } from '../../ui/Dialog';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Icon } from '../../ui/Icon';
import { ProfileForm } from './ProfileForm';
import { profilesBridge } from './profiles-bridge';

type Editing = { mode: 'new' } | { mode: 'edit'; profile: ProfileSummary } | null;

/** The settings card that lists, adds, edits and deletes profiles. */
export function ProfilesSection() {
  const { t } = useI18n();
  const [editing, setEditing] = useState<Editing>(null);

  return (
    <section className="card" aria-labelledby="settings-profiles">
      <div className="card__header">
        <h2 id="settings-profiles">{t.settings.profiles}</h2>
        {editing === null ? (
          <button type="button" className="button button--secondary" onClick={() => setEditing({ mode: 'new' })}>
            <Icon glyph="＋" /> {t.settings.addProfile}
          </button>
        ) : null}
      </div>
      {editing ? (
        <div className="subcard">
          <h3>{editing.mode === 'new' ? t.profileForm.title : t.profileForm.editTitle}</h3>
          <ProfileForm
            key={editing.mode === 'edit' ? editing.profile.id : 'new'}
            {...(editing.mode === 'edit' ? { existing: editing.profile } : {})}
            onSaved={() => setEditing(null)}
            onCancel={() => setEditing(null)}
          />
        </div>
      ) : (
        <ProfileList onEdit={(profile) => setEditing({ mode: 'edit', profile })} />
      )}
    </section>
  );
}

function ProfileList({ onEdit }: { onEdit(profile: ProfileSummary): void }) {
  const { t } = useI18n();
  const { profiles, activate, reload, state } = useProfiles();
  const [deleting, setDeleting] = useState<ProfileSummary | null>(null);
  const use = useAction(activate);

  return (
    <>
      {state.phase === 'ready' && state.keychainProblem ? <ErrorPanel error={state.keychainProblem} compact /> : null}
      {use.state.phase === 'failed' ? <ErrorPanel error={use.state.error} compact /> : null}
      <ul className="profile-list">
        {profiles.map((profile) => (
          <li key={profile.id} className={`profile-list__item${profile.active ? ' profile-list__item--active' : ''}`}>
            <div className="profile-list__main">
              <span className="profile-list__name">
                {profileName(profile, t)}
                {profile.isSandbox ? <span className="badge badge--demo">{t.profile.sandboxBadge}</span> : null}
                {profile.active ? <span className="badge badge--active">{t.settings.active}</span> : null}
              </span>
              <span className="muted small">
                {regionLabel(profile, t)}
                {profile.isSandbox
                  ? ''
                  : ` · ${profile.appKey} · ${profile.userId} · ${profile.hasSecret ? t.settings.secretStored : t.settings.secretMissing}`}
              </span>
            </div>
            <div className="profile-list__actions">
              {!profile.active ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  onClick={() => void use.run(profile.id)}
                  aria-label={`${t.settings.use}: ${profileName(profile, t)}`}
                  disabled={use.running}
                >
                  {t.settings.use}
                </button>
              ) : null}
              {profile.isSandbox ? (
                <span className="muted small">{t.settings.builtIn}</span>
              ) : (
                <>
                  <button
                    type="button"
                    className="button button--ghost button--small"
                    onClick={() => onEdit(profile)}
                    aria-label={`${t.settings.edit}: ${profileName(profile, t)}`}
                  >
                    {t.settings.edit}
                  </button>
                  <button
                    type="button"
                    className="button button--ghost button--small danger-text"
                    onClick={() => setDeleting(profile)}
                    aria-label={`${t.settings.delete}: ${profileName(profile, t)}`}
                  >
                    {t.settings.delete}
                  </button>
                </>
              )}
            </div>
          </li>
        ))}
      </ul>
      {deleting ? (
        <DeleteProfileDialog
          profile={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={async () => {
            setDeleting(null);
            await reload();
          }}
        />
      ) : null}
    </>
  );
}

function DeleteProfileDialog({ profile, onClose, onDeleted }: { profile: ProfileSummary; onClose(): void; onDeleted(): void }) {
  const { t } = useI18n();
  const remove = useAction(() => profilesBridge().deleteProfile({ id: profile.id }));
  return (
    <Dialog title={t.settings.deleteConfirmTitle({ name: profileName(profile, t) })} onClose={onClose} closeLabel={t.profileForm.cancel}>
      <p>{t.settings.deleteConfirmText}</p>
      {remove.state.phase === 'failed' ? <ErrorPanel error={remove.state.error} compact /> : null}
      <div className="form-actions">
        <button type="button" className="button button--ghost" onClick={onClose}>
          {t.profileForm.cancel}
        </button>
        <ActionButton
          variant="danger"
          busy={remove.running}
          busyLabel={t.settings.deleteConfirm}
          onClick={async () => {
            const result = await remove.run();
            if (result.ok) onDeleted();
          }}
        >
          {t.settings.deleteConfirm}
        </ActionButton>
      </div>
    </Dialog>
  );
}
