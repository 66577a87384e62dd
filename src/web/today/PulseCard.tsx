import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { call, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { TextAreaField } from '../ui/Field.js';
import { shortDay } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import { messageOf } from './use-today.js';
import './pulse-card.css';

type Due = Output<typeof api.pulsesDue>;
type Question = Due['questions'][number];

const LABELS: Record<string, string> = {
  morale: 'Morale',
  delight: 'Customer delight',
  clarity: 'Clarity of vision',
};
const SCALE = [1, 2, 3, 4, 5];

const labelOf = (q: Question): string =>
  q.kind === 'custom' ? q.question : (LABELS[q.kind] ?? q.kind);
const keyOf = (q: Question): string => `${q.kind}:${q.question}`;

/**
 * The open pulse round's questions the person has not answered yet, 1–5 each, with an optional
 * private note. It loads with its own request once Today is on screen (Today never waits for it)
 * and goes away when every question is answered.
 */
export function PulseCard() {
  const [due, setDue] = useState<Due | null>(null);
  const [choices, setChoices] = useState<Record<string, number>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      setDue(await call(api.pulsesDue, {}));
    } catch {
      // A side card: if it cannot load, Today simply shows without it.
      setDue(null);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  if (!due?.round || !due.canAnswer || due.remaining === 0) return null;
  const open = due.questions.filter((q) => !q.answered);
  const chosen = open.filter((q) => choices[keyOf(q)] !== undefined);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const note = String(new FormData(formEl).get('note') ?? '').trim();
    if (chosen.length === 0) {
      setError('Pick a number from 1 to 5 for at least one question.');
      return;
    }
    setBusy(true);
    try {
      for (const q of chosen) {
        const value = choices[keyOf(q)]!;
        await call(
          api.recordPulse,
          q.kind === 'custom'
            ? { kind: 'custom', question: q.question, value, note }
            : { kind: q.kind, value, note },
        );
      }
      setError(null);
      setChoices({});
      formEl.reset();
      notify(
        chosen.length === open.length
          ? 'Thank you: your pulse is in.'
          : `${chosen.length} answer${chosen.length === 1 ? '' : 's'} saved.`,
      );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
      await load();
    }
  };

  const title = due.anonymous ? 'Team pulse' : 'Your pulse';
  return (
    <section className="panel pulse-card" aria-labelledby="pulse-card-title">
      <h2 id="pulse-card-title">{title}</h2>
      <p className="muted small">
        {open.length} quick question{open.length === 1 ? '' : 's'}, open until the end of{' '}
        {shortDay(due.round.lastDay)}. 1 is low, 5 is high.
      </p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label={title}>
        {open.map((q, i) => (
          <fieldset key={keyOf(q)} className="pulse-question">
            <legend>{labelOf(q)}</legend>
            <div className="pulse-scale">
              {SCALE.map((n) => (
                <label key={n} className="pulse-choice">
                  <input
                    type="radio"
                    name={`pulse-${i}`}
                    value={n}
                    checked={choices[keyOf(q)] === n}
                    onChange={() => setChoices((c) => ({ ...c, [keyOf(q)]: n }))}
                    aria-label={`${labelOf(q)}: ${n} of 5`}
                  />
                  <span aria-hidden="true">{n}</span>
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <TextAreaField
          label="Private note (optional)"
          name="note"
          rows={2}
          hint="Only you can read it."
          maxLength={10_000}
        />
        <button className="button primary" type="submit" disabled={busy || chosen.length === 0}>
          {busy ? 'Sending…' : 'Send'}
        </button>
        {error ? (
          <p className="form-error" role="alert">
            {error}
          </p>
        ) : null}
        {due.anonymous ? (
          <p className="muted small">
            Anonymous: the team only sees weekly averages, once at least 3 people have answered.
          </p>
        ) : null}
      </form>
    </section>
  );
}
