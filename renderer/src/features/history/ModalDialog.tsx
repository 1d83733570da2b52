import { useId, type ReactNode } from 'react';
import { useModalDialog } from '../../ui/use-modal-dialog';

export interface ModalDialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  /** Buttons at the bottom. */
  actions: ReactNode;
  className?: string;
}

/** A modal dialog with a title, a body and a row of action buttons; shown while mounted. */
export function ModalDialog({ title, onClose, children, actions, className }: ModalDialogProps) {
  const titleId = useId();
  const { ref } = useModalDialog(onClose);

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
