import type { ReactNode } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import type { LanguageChoice } from '../../i18n/locale';
import { useColorScheme } from '../../lib/use-color-scheme';
import { SelectField } from '../../ui/Field';

/** Language, appearance, and the profiles section the shell passes in. */
export function SettingsScreen({ profilesSection }: { profilesSection: ReactNode }) {
  const { t, choice, setChoice } = useI18n();
  const scheme = useColorScheme();

  return (
    <div className="screen screen--narrow">
      <header className="screen__header">
        <h1>{t.settings.title}</h1>
      </header>

      <section className="card" aria-labelledby="settings-language">
        <h2 id="settings-language">{t.settings.language}</h2>
        <SelectField<LanguageChoice>
          label={t.settings.language}
          value={choice}
          onValue={setChoice}
          hint={t.settings.languageHint}
          options={[
            { value: 'system', label: t.settings.languageSystem },
            { value: 'en', label: 'English' },
            { value: 'zh-CN', label: '简体中文' },
          ]}
        />
      </section>

      <section className="card" aria-labelledby="settings-theme">
        <h2 id="settings-theme">{t.settings.theme}</h2>
        <p>{t.settings.themeText({ current: scheme === 'dark' ? t.settings.themeDark : t.settings.themeLight })}</p>
      </section>

      {profilesSection}
    </div>
  );
}
