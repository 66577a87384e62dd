import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError, call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import type { Today } from './use-today.js';

export function FocusWindows({ today, onAdded }: { today: Today; onAdded: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    try {
      await call(api.addFocusWindow, {
        day: today.day,
        start: String(form.get('start') ?? ''),
        minutes: Number(form.get('minutes')),
        label: String(form.get('label') ?? ''),
      });
      setError(null);
      formEl.reset();
      onAdded();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
    }
  };
  const general =
    error && !error.details.some((d) => ['start', 'minutes', 'label'].includes(d.path))
      ? error.message
      : null;
  return (
    <section className="panel" aria-labelledby="focus-title">
      <h2 id="focus-title">Focus windows</h2>
      {today.focusWindows.length === 0 ? (
        <p className="empty muted">
          No deep-work block planned today. Protect one below: the tasks above fit in it.
        </p>
      ) : (
        <ul className="plain-list">
          {today.focusWindows.map((f) => (
            <li key={f.id}>
              <strong>
                {f.start}–{f.end}
              </strong>{' '}
              {f.label || 'Focus'} <span className="muted">({f.minutes} min)</span>
            </li>
          ))}
        </ul>
      )}
      <details>
        <summary>Plan a focus window</summary>
        <form className="inline-form" onSubmit={(e) => void submit(e)} noValidate>
          <Field
            label="Start"
            name="start"
            type="time"
            defaultValue="09:00"
            error={error?.field('start')}
          />
          <Field
            label="Minutes"
            name="minutes"
            type="number"
            defaultValue={90}
            className="minutes"
            error={error?.field('minutes')}
          />
          <Field label="Label" name="label" placeholder="Deep work" error={error?.field('label')} />
          <button className="button" type="submit">
            Add
          </button>
          {general ? (
            <p className="form-error" role="alert">
              {general}
            </p>
          ) : null}
        </form>
      </details>
    </section>
  );
}

export function Wins({
  today,
  open,
  onOpen,
  onClose,
  onLog,
}: {
  today: Today;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onLog: (title: string) => Promise<string | null>;
}) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const title = String(new FormData(formEl).get('title') ?? '');
    const failure = await onLog(title);
    setError(failure ?? undefined);
    if (!failure) formEl.reset();
  };
  return (
    <section className="panel" aria-labelledby="wins-title">
      <div className="panel-head">
        <h2 id="wins-title">Wins today</h2>
        {!open ? (
          <button type="button" className="button small" onClick={onOpen} aria-keyshortcuts="w">
            Log a win <kbd>w</kbd>
          </button>
        ) : null}
      </div>
      {open ? (
        <form
          className="win-form"
          onSubmit={(e) => void submit(e)}
          noValidate
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              setError(undefined);
              onClose();
            }
          }}
        >
          <Field
            label="What went well?"
            name="title"
            ref={input}
            placeholder="Enter to save, Esc to close"
            autoComplete="off"
            error={error}
          />
        </form>
      ) : null}
      {today.wins.length === 0 ? (
        <p className="empty muted">
          No wins yet today. Finish a task, or press w to log something that went well, however
          small.
        </p>
      ) : (
        <ul className="plain-list wins" aria-label="Wins today">
          {today.wins.map((w) => (
            <li key={w.id}>
              <span aria-hidden="true">★ </span>
              {w.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Energy({ today, onLog }: { today: Today; onLog: (level: number) => void }) {
  const level = today.energy?.energy;
  return (
    <section className="panel" aria-labelledby="energy-title">
      <h2 id="energy-title">Energy</h2>
      <div role="radiogroup" aria-labelledby="energy-title" className="energy">
        {[1, 2, 3, 4, 5].map((n) => (
          <button
            key={n}
            type="button"
            role="radio"
            aria-checked={level === n}
            className={`energy-level ${level === n ? 'selected' : ''}`}
            onClick={() => onLog(n)}
            aria-label={`Energy ${n} of 5`}
          >
            {n}
          </button>
        ))}
      </div>
      <p className="muted small">
        {level
          ? 'Low energy? The minimum version of a routine still counts.'
          : 'How is your energy today? 1 is drained, 5 is full.'}
      </p>
    </section>
  );
}
