import { useId, type ComponentPropsWithRef, type ReactNode } from 'react';

interface Labelled {
  label: string;
  /** The inline error, from the API's details. */
  error?: string;
  hint?: string;
  className?: string;
}

/** A label, a control, and its hint and inline error, tied to the control for screen readers. */
function Labelled({
  label,
  error,
  hint,
  className,
  control,
}: Labelled & {
  control: (a11y: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const described =
    [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') ||
    undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      {control({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described })}
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

/** A labelled input with its inline error (from the API's details) tied to it for screen readers. */
export function Field({
  label,
  error,
  hint,
  className,
  ...input
}: ComponentPropsWithRef<'input'> & Labelled) {
  return (
    <Labelled
      label={label}
      error={error}
      hint={hint}
      className={className}
      control={(a11y) => <input {...a11y} {...input} />}
    />
  );
}

/** A labelled multi-line input with its inline error, like `Field`. */
export function TextAreaField({
  label,
  error,
  hint,
  className,
  ...input
}: ComponentPropsWithRef<'textarea'> & Labelled) {
  return (
    <Labelled
      label={label}
      error={error}
      hint={hint}
      className={className}
      control={(a11y) => <textarea rows={3} {...a11y} {...input} />}
    />
  );
}
