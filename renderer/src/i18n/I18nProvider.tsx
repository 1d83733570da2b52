import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages, type Namespace } from './en';
import { zhCN } from './zh-CN';
import { readLanguageChoice, storeLanguageChoice, systemLocale, type LanguageChoice, type Locale } from './locale';

const dictionaries: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

interface I18nValue {
  t: Messages;
  locale: Locale;
  choice: LanguageChoice;
  setChoice(choice: LanguageChoice): void;
}

const I18nContext = createContext<I18nValue | null>(null);

/** `initialChoice` replaces the stored choice for pages that show one part of the app in a given language. */
export function I18nProvider({ children, initialChoice }: { children: ReactNode; initialChoice?: LanguageChoice }) {
  const [choice, setChoiceState] = useState<LanguageChoice>(() => initialChoice ?? readLanguageChoice());
  const [system, setSystem] = useState<Locale>(systemLocale);
  const locale = choice === 'system' ? system : choice;

  useEffect(() => {
    const onChange = () => setSystem(systemLocale());
    window.addEventListener('languagechange', onChange);
    return () => window.removeEventListener('languagechange', onChange);
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);

  const value = useMemo<I18nValue>(
    () => ({
      t: dictionaries[locale],
      locale,
      choice,
      setChoice(next) {
        storeLanguageChoice(next);
        setChoiceState(next);
      },
    }),
    [locale, choice],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>');
  return value;
}

/** One namespace of the dictionary, e.g. `useMessages('history')`. */
export function useMessages<N extends Namespace>(namespace: N): Messages[N] {
  return useI18n().t[namespace];
}
