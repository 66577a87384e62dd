import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';

/**
 * A week's text (its plan or its result): written in place, saved with the button or Ctrl/⌘ Enter.
 * `onSave` resolves to the API's error, or null once saved.
 */
export function WeekText({
  title,
  label,
  hint,
  placeholder,
  value,
  empty,
  field,
  onSave,
}: {
  title: string;
  label: string;
  hint: string;
  placeholder: string;
  value: string;
  empty: string;
  field: string;
  onSave: (text: string) => Promise<ApiError | null>;
}) {
  const id = useId();
  const [text, setText] = useState(value);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setText(value), [value]);
  const dirty = text !== value;
  const save = async (event?: FormEvent): Promise<void> => {
    event?.preventDefault();
    setBusy(true);
    const failure = await onSave(text);
    setBusy(false);
    setError(failure);
  };
  const message = error ? (error.field(field) ?? error.message) : null;
  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {!value && !dirty ? <p className="muted small">{empty}</p> : null}
      <form onSubmit={(e) => void save(e)} noValidate className="week-text">
        <div className="field">
          <label htmlFor={`${id}-text`}>{label}</label>
          <textarea
            id={`${id}-text`}
            rows={4}
            value={text}
            placeholder={placeholder}
            aria-invalid={message ? true : undefined}
            aria-describedby={`${id}-hint${message ? ` ${id}-error` : ''}`}
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void save();
              }
            }}
          />
          <small id={`${id}-hint`} className="hint">
            {hint} Ctrl Enter saves.
          </small>
          {message ? (
            <small id={`${id}-error`} className="field-error" role="alert">
              {message}
            </small>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={busy || !dirty}>
          {busy ? 'Saving…' : !dirty && value ? 'Saved' : 'Save'}
        </button>
      </form>
    </section>
  );
}
