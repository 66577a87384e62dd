import { useId, type ComponentPropsWithRef } from 'react';

/** A labelled multi-line input with its inline error, like `ui/Field` for a textarea. */
export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...input
}: ComponentPropsWithRef<'textarea'> & { label: string; error?: string; hint?: string }) {
  const id = useId();
  const described =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={3}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        {...input}
      />
      {hint ? (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      ) : null}
      {error ? (
        <small id={`${id}-error`} className="field-error" role="alert">
          {error}
        </small>
      ) : null}
    </div>
  );
}
