import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';

interface FieldShellProps {
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  children(ids: { inputId: string; describedBy: string | undefined }): ReactNode;
  className?: string;
}

/** Label, control, hint and inline error wired together with ids, so screen readers read all three. */
function FieldShell({ label, hint, error, children, className }: FieldShellProps) {
  const inputId = useId();
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${error ? ' field--invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={inputId}>{label}</label>
      {children({ inputId, describedBy })}
      {hint ? (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onValue(value: string): void;
  hint?: ReactNode;
  error?: string | undefined;
  fieldClassName?: string;
};

export function TextField({ label, value, onValue, hint, error, fieldClassName, ...input }: TextFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error} className={fieldClassName}>
      {({ inputId, describedBy }) => (
        <input
          id={inputId}
          type="text"
          {...input}
          // A read-only value is copied with its Copy button; it is not a stop on the way through the form.
          {...(input.readOnly && input.tabIndex === undefined ? { tabIndex: -1 } : {})}
          value={value}
          onChange={(event) => onValue(event.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

type TextAreaFieldProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'onChange' | 'value'> & {
  label: string;
  value: string;
  onValue?(value: string): void;
  hint?: ReactNode;
  error?: string | undefined;
};

export function TextAreaField({ label, value, onValue, hint, error, ...area }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} hint={hint} error={error}>
      {({ inputId, describedBy }) => (
        <textarea
          id={inputId}
          {...area}
          value={value}
          onChange={onValue ? (event) => onValue(event.target.value) : undefined}
          readOnly={!onValue}
          {...(!onValue && area.tabIndex === undefined ? { tabIndex: -1 } : {})}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
        />
      )}
    </FieldShell>
  );
}

interface SelectFieldProps<V extends string> {
  label: string;
  value: V;
  options: ReadonlyArray<{ value: V; label: string }>;
  onValue(value: V): void;
  hint?: ReactNode;
  disabled?: boolean;
}

export function SelectField<V extends string>({ label, value, options, onValue, hint, disabled }: SelectFieldProps<V>) {
  return (
    <FieldShell label={label} hint={hint}>
      {({ inputId, describedBy }) => (
        <select
          id={inputId}
          value={value}
          onChange={(event) => onValue(event.target.value as V)}
          aria-describedby={describedBy}
          disabled={disabled}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}
