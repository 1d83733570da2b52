import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { en, type Messages } from './en';
import { zhCN } from './zh-CN';
import { readLanguageChoice, resolveLocale, storeLanguageChoice, type LanguageChoice, type Locale } from './locale';

const dictionaries: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

interface I18nValue {
  t: Messages;
  locale: Locale;
  choice: LanguageChoice;
  setChoice(choice: LanguageChoice): void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [choice, setChoiceState] = useState<LanguageChoice>(readLanguageChoice);
  const [systemTick, setSystemTick] = useState(0);
  const locale = useMemo(() => resolveLocale(choice), [choice, systemTick]);

  useEffect(() => {
    const onChange = () => setSystemTick((n) => n + 1);
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
