import { readPreference, writePreference } from '../lib/preferences';

export const locales = ['en', 'zh-CN'] as const;
export type Locale = (typeof locales)[number];
export type LanguageChoice = Locale | 'system';

/** zh, zh-CN, zh-Hans, zh-TW… all get Simplified Chinese: it is the only Chinese we ship. */
export function localeFromLanguages(languages: readonly string[]): Locale {
  const first = languages.find((tag) => tag.trim() !== '') ?? 'en';
  return first.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function systemLocale(): Locale {
  const languages = navigator.languages?.length ? navigator.languages : [navigator.language];
  return localeFromLanguages(languages);
}

export function readLanguageChoice(): LanguageChoice {
  const stored = readPreference('language');
  return stored === 'en' || stored === 'zh-CN' ? stored : 'system';
}

export function storeLanguageChoice(choice: LanguageChoice): void {
  writePreference('language', choice === 'system' ? null : choice);
}
