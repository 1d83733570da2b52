import { useId, type ReactNode } from 'react';
import { useModalDialog } from './use-modal-dialog';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Visible label of the close button, in the current language. */
  closeLabel: string;
  /** Buttons at the bottom, right-aligned. */
  actions?: ReactNode;
  wide?: boolean;
}

/**
 * The app's one modal, built on the native <dialog>: the browser traps focus, gives it the dialog
 * role and closes it on Esc (the "cancel" event), which we turn into `onClose`.
 */
export function Dialog({ title, onClose, children, closeLabel, actions, wide = false }: DialogProps) {
  const titleId = useId();
  const { ref, close } = useModalDialog(onClose);

  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-labelledby={titleId}>
      <header className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" onClick={close} aria-label={closeLabel}>
          ×
        </button>
      </header>
      <div className="dialog__body" data-dialog-body="">
        {children}
      </div>
      {actions ? (
        <div className="dialog__actions" data-dialog-actions="">
          {actions}
        </div>
      ) : null}
    </dialog>
  );
}
