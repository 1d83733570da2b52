import { useId } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { useAction } from '../../lib/use-action';
import { useProfiles } from '../../lib/ProfilesProvider';
import { profileName, regionLabel } from '../../lib/profile-label';
import { ErrorPanel } from '../../ui/ErrorPanel';
import { Spinner } from '../../ui/Spinner';
import { useNavigation } from '../../lib/navigation';
import { Icon } from '../../ui/Icon';

/** Always in the sidebar: which account the agent acts for, and a quick way to change it. */
export function ProfileSwitcher() {
  const { t } = useI18n();
  const { profiles, active, activate, state } = useProfiles();
  const { route, navigate } = useNavigation();
  const selectId = useId();
  const switching = useAction(activate);

  async function onChange(id: string) {
    const result = await switching.run(id);
    // A room belongs to the profile that created it; leave its page when the profile changes.
    if (result.ok && route.screen === 'room') navigate({ screen: 'rooms' });
  }

  return (
    <div className="profile-switcher">
      <label htmlFor={selectId} className="profile-switcher__label">
        {t.profile.switcherLabel}
      </label>
      <select
        id={selectId}
        value={active?.id ?? ''}
        onChange={(event) => void onChange(event.target.value)}
        disabled={switching.running || state.phase !== 'ready'}
      >
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.isSandbox ? `${profileName(profile, t)} · ${t.profile.sandboxBadge}` : profileName(profile, t)}
          </option>
        ))}
      </select>
      {active ? (
        <p className="profile-switcher__region">
          {active.isSandbox ? <span className="badge badge--demo">{t.profile.sandboxBadge}</span> : null}
          <span>{regionLabel(active, t)}</span>
        </p>
      ) : null}
      {switching.running ? (
        <p className="profile-switcher__progress" role="status">
          <Spinner small /> {t.profile.switching}
        </p>
      ) : null}
      {switching.state.phase === 'failed' ? <ErrorPanel error={switching.state.error} compact /> : null}
      {state.phase === 'ready' && state.keychainProblem ? (
        <button type="button" className="link-button warning-text" onClick={() => navigate({ screen: 'settings' })}>
          <Icon glyph="⚠" /> {t.profile.keychainProblem}
        </button>
      ) : null}
    </div>
  );
}
