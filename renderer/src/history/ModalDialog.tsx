import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom. */
  actions: ReactNode;
  className?: string;
}

/**
 * A native modal `<dialog>`: the browser traps focus, makes the page behind it inert and closes
 * it on Escape. The dialog is shown while mounted.
 */
export function ModalDialog({ title, onClose, children, actions, className }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (!dialog.open) dialog.showModal();
    const onCancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', onCancel);
    return () => {
      dialog.removeEventListener('cancel', onCancel);
      if (dialog.open) dialog.close();
    };
  }, []);

  return (
    <dialog ref={ref} className={`rd-dialog ${className ?? ''}`} aria-labelledby={titleId}>
      <h2 id={titleId} className="rd-dialog__title">
        {title}
      </h2>
      <div className="rd-dialog__body">{children}</div>
      <div className="rd-dialog__actions">{actions}</div>
    </dialog>
  );
}
