import { useEffect, useRef } from 'react';

/**
 * Shows a native <dialog> modally while the component is mounted: the browser traps focus, makes
 * the page behind it inert and turns Esc into a "cancel" event, which becomes `onClose`. Focus
 * returns to where it was when the dialog closes.
 */
export function useModalDialog(onClose: () => void) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const returnFocusTo = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
      returnFocusTo?.focus?.();
    };
  }, []);

  return { ref, close: () => onCloseRef.current() };
}
