import { useState } from 'react';
import type { Result } from '../../../../common/errors';
import type { ProfileSummary } from '../../../../common/profile';
import { useNavigation } from '../../lib/navigation';
import { useI18n } from '../../i18n/I18nProvider';
import { writePreference } from '../../lib/preferences';
import { useAction } from '../../lib/use-action';
import { ProfileForm } from './ProfileForm';
import { useProfiles } from '../../lib/ProfilesProvider';
import { ActionButton } from '../../ui/ActionButton';
import { ErrorPanel } from '../../ui/ErrorPanel';

/** First run: try the built-in sandbox at once, or connect a Realsee account. */
export function WelcomeScreen() {
  const { t } = useI18n();
  const { navigate } = useNavigation();
  const { profiles, activate } = useProfiles();
  const [connecting, setConnecting] = useState(false);
  const sandbox = profiles.find((profile) => profile.isSandbox);
  const useSandbox = useAction(async (): Promise<Result<ProfileSummary | null>> => {
    if (!sandbox || sandbox.active) return { ok: true, value: sandbox ?? null };
    return activate(sandbox.id);
  });

  function finish() {
    writePreference('welcomeSeen', 'true');
    navigate({ screen: 'rooms' });
  }

  async function onTrySandbox() {
    const result = await useSandbox.run();
    if (result.ok) finish();
  }

  if (connecting) {
    return (
      <div className="screen screen--narrow">
        <header className="screen__header">
          <h1>{t.profileForm.title}</h1>
          <p className="muted">{t.welcome.secretNote}</p>
        </header>
        <div className="card">
          <ProfileForm onSaved={finish} onCancel={() => setConnecting(false)} />
        </div>
      </div>
    );
  }

  return (
    <div className="screen welcome">
      <header className="welcome__hero">
        <div className="welcome__mark" aria-hidden="true">
          ◰
        </div>
        <h1>{t.welcome.title}</h1>
        <p className="welcome__lead">{t.welcome.lead}</p>
      </header>
      <div className="welcome__choices">
        <section className="card welcome__choice" aria-labelledby="welcome-sandbox">
          <span className="badge badge--demo">{t.profile.sandboxBadge}</span>
          <h2 id="welcome-sandbox">{t.welcome.sandboxTitle}</h2>
          <p>{t.welcome.sandboxText}</p>
          <ActionButton busy={useSandbox.running} busyLabel={t.profile.switching} onClick={onTrySandbox}>
            {t.welcome.sandboxButton}
          </ActionButton>
          {useSandbox.state.phase === 'failed' ? <ErrorPanel error={useSandbox.state.error} compact /> : null}
        </section>
        <section className="card welcome__choice" aria-labelledby="welcome-connect">
          <span className="badge">Realsee</span>
          <h2 id="welcome-connect">{t.welcome.connectTitle}</h2>
          <p>{t.welcome.connectText}</p>
          <button type="button" className="button button--secondary" onClick={() => setConnecting(true)}>
            {t.welcome.connectButton}
          </button>
        </section>
      </div>
    </div>
  );
}
