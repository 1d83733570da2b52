import { useEffect, useRef, useState } from 'react';
import { useLatest } from '../lib/use-latest';

const FOCUSABLE =
  'input:not([disabled]):not([readonly]), select:not([disabled]), textarea:not([disabled]):not([readonly]), button:not([disabled]), a[href]';

/**
 * Shows a native <dialog> modally while the component is mounted: the browser traps focus, makes
 * the page behind it inert and turns Esc into a "cancel" event, which becomes `onClose`.
 *
 * Focus starts on the element marked `data-autofocus` (React's `autoFocus` cannot focus inside a
 * dialog that is not open yet), else on the first control of its body, else on its first action —
 * never on the × in the header, where Enter would close the dialog. When the dialog
 * closes, focus returns to the control that opened it, or to `main` when that control is gone, so
 * keyboard shortcuts that act on the focused area keep working.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useLatest(onClose);
  // Read while rendering the first time, before anything inside the dialog can take focus.
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const first =
      dialog.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog.querySelector<HTMLElement>(`[data-dialog-body] :is(${FOCUSABLE})`) ??
      dialog.querySelector<HTMLElement>(`[data-dialog-actions] :is(${FOCUSABLE})`);
    first?.focus();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      const back = opener?.isConnected && opener !== document.body ? opener : document.getElementById('main');
      back?.focus({ preventScroll: true });
    };
  }, [opener, onCloseRef]);

  return { ref, close: () => onCloseRef.current() };
}
