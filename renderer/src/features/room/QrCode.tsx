import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/I18nProvider';
import { Spinner } from '../../ui/Spinner';

type QrModule = typeof import('qrcode');

/** The QR library is loaded only when the first guest pass is shown; the image is a data: URL. */
async function drawQr(text: string): Promise<string> {
  const loaded = await import('qrcode');
  const qrcode = (loaded as QrModule & { default?: QrModule }).default ?? loaded;
  return qrcode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 1, width: 200, color: { dark: '#111111', light: '#ffffff' } });
}

export function QrCode({ text, label }: { text: string; label: string }) {
  const { t } = useI18n();
  // The code drawn for a text; while a new text is drawn, nothing older is shown.
  const [drawn, setDrawn] = useState<{ text: string; src: string | null } | null>(null);
  const src = drawn?.text === text ? drawn.src : null;
  useEffect(() => {
    let current = true;
    drawQr(text).then(
      (url) => current && setDrawn({ text, src: url }),
      () => current && setDrawn({ text, src: null }),
    );
    return () => {
      current = false;
    };
  }, [text]);
  return (
    <div className="qr">
      {src ? (
        <img src={src} alt={label} width={200} height={200} />
      ) : (
        <span className="qr__loading" role="status">
          <Spinner small /> {t.pass.qrLoading}
        </span>
      )}
    </div>
  );
}
