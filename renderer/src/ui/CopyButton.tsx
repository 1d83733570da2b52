import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { copyText } from '../lib/clipboard';
import { Icon } from './Icon';

type CopyState = 'idle' | 'copied' | 'failed';

/** Copies `text` and says so on the button for a moment ("Copied"). */
export function CopyButton({
  text,
  label,
  className,
  disabled = false,
}: {
  text: string;
  label: string;
  className?: string;
  disabled?: boolean;
}) {
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>('idle');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);

  async function copy() {
    const copied = await copyText(text);
    setState(copied ? 'copied' : 'failed');
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setState('idle'), copied ? 2000 : 5000);
  }

  return (
    <span className="copy">
      <button type="button" className={`button button--secondary${className ? ` ${className}` : ''}`} onClick={copy} disabled={disabled}>
        {state === 'copied' ? (
          <>
            <Icon glyph="✓" /> {t.pass.copied}
          </>
        ) : (
          label
        )}
      </button>
      <span className="copy__status" role="status">
        {state === 'copied' ? <span className="visually-hidden">{t.pass.copied}</span> : null}
        {state === 'failed' ? t.pass.copyFailed : null}
      </span>
    </span>
  );
}
