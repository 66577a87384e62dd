import { useId, type ComponentPropsWithRef } from 'react';

/** A labelled input with its inline error (from the API's details) tied to it for screen readers. */
export function Field({
  label,
  error,
  hint,
  className,
  ...input
}: ComponentPropsWithRef<'input'> & { label: string; error?: string; hint?: string }) {
  const id = useId();
  const described =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
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
