import type { ButtonHTMLAttributes, ReactNode } from 'react';
import { Spinner } from './Spinner';

interface ActionButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  busy: boolean;
  /** What the button says while its action runs, e.g. "Creating room…". */
  busyLabel: string;
  variant?: 'primary' | 'secondary' | 'danger';
  children: ReactNode;
}

/** A button that shows a spinner and a progress label, and cannot be pressed again, while busy. */
export function ActionButton({ busy, busyLabel, variant = 'primary', children, disabled, className, ...rest }: ActionButtonProps) {
  return (
    <button
      type="button"
      {...rest}
      className={`button button--${variant}${className ? ` ${className}` : ''}`}
      disabled={busy || disabled}
      aria-busy={busy || undefined}
    >
      {busy ? (
        <>
          <Spinner small />
          <span>{busyLabel}</span>
        </>
      ) : (
        children
      )}
    </button>
  );
}
