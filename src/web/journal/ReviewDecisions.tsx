import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Link } from '../app/Link.js';
import { Field } from '../ui/Field.js';
import { notify } from '../ui/notify.js';
import type { Goal, Review } from './ReviewFlow.js';
import { asApiError, generalError, messageOf, periodLabel } from './journal-util.js';

type Verdict = 'keep' | 'change' | 'drop';
type Decision = Review['decisions'][number];

const VERDICTS: { id: Verdict; label: string; hint: string }[] = [
  { id: 'keep', label: 'Keep', hint: 'It works: keep doing it' },
  { id: 'change', label: 'Change', hint: 'Do it differently next week' },
  { id: 'drop', label: 'Drop', hint: 'Stop doing it' },
];

/** Step 3: what to keep, change or drop; a change or a drop can become next week's micro-goal. */
export function ReviewDecisions({
  review,
  readOnly,
  goals,
  nextWeek,
  onChange,
  onBack,
  onNext,
}: {
  review: Review;
  readOnly: boolean;
  goals: Goal[];
  nextWeek: string | null;
  onChange: (r: Review) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const [verdict, setVerdict] = useState<Verdict>('keep');
  const [error, setError] = useState<ApiError | null>(null);
  const [carried, setCarried] = useState<Record<string, string>>({});
  const [carrying, setCarrying] = useState<string | null>(null);

  const add = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const text = String(new FormData(form).get('text') ?? '');
    const before = review;
    const now = new Date().toISOString();
    // Optimistic: the decision shows at once; it is taken back if the server refuses it.
    onChange({
      ...review,
      decisions: [
        ...review.decisions,
        { id: `pending-${now}`, verdict, text: text.trim(), createdAt: now },
      ],
    });
    try {
      const d = await call(api.addReviewDecision, { reviewId: review.id, verdict, text });
      onChange({ ...before, decisions: [...before.decisions, d] });
      setError(null);
      form.reset();
      form.querySelector<HTMLInputElement>('input[name="text"]')?.focus();
    } catch (e) {
      onChange(before);
      setError(asApiError(e));
    }
  };

  const carry = async (d: Decision, goalId: string, title: string): Promise<string | null> => {
    if (!nextWeek) return 'Next week is not known yet: try again in a moment.';
    try {
      await call(api.addMicroGoal, { goalId, title, week: nextWeek });
      const goal = goals.find((g) => g.id === goalId);
      setCarried((c) => ({ ...c, [d.id]: goal?.title ?? 'your goal' }));
      setCarrying(null);
      notify(`“${title}” added to ${periodLabel(nextWeek)}.`);
      return null;
    } catch (e) {
      return messageOf(e);
    }
  };

  const changes = review.decisions.filter((d) => d.verdict !== 'keep');
  const general = generalError(error, ['text', 'verdict']);

  return (
    <section className="panel" aria-labelledby="step-decisions">
      <h2 id="step-decisions" tabIndex={-1}>
        {readOnly ? 'Decisions' : '3. Decisions'}
      </h2>
      {!readOnly ? (
        <>
          <p className="muted small">
            What will you keep doing, change or drop? A change or a drop can go straight into next
            week’s plan.
          </p>
          <form className="decision-form" onSubmit={(e) => void add(e)} noValidate>
            <fieldset className="verdicts">
              <legend>Verdict</legend>
              {VERDICTS.map((v) => (
                <label key={v.id} className={`verdict verdict-${v.id}`}>
                  <input
                    type="radio"
                    name="verdict"
                    value={v.id}
                    checked={verdict === v.id}
                    onChange={() => setVerdict(v.id)}
                  />{' '}
                  <strong>{v.label}</strong> <span className="muted small">{v.hint}</span>
                </label>
              ))}
            </fieldset>
            <Field
              label="Decision"
              name="text"
              autoComplete="off"
              placeholder="e.g. Move outreach to mornings"
              error={error?.field('text')}
            />
            <button type="submit" className="button">
              Add decision
            </button>
            {general ? (
              <p className="form-error" role="alert">
                {general}
              </p>
            ) : null}
          </form>
        </>
      ) : null}
      {review.decisions.length === 0 ? (
        <p className="empty muted">
          {readOnly
            ? 'No decisions were recorded.'
            : 'No decisions yet. Name one thing to keep and one to change: that is enough.'}
        </p>
      ) : (
        <ul className="plain-list decisions" aria-label="Decisions">
          {review.decisions.map((d) => (
            <li key={d.id} className="decision">
              <span className={`badge verdict-badge verdict-${d.verdict}`}>
                {VERDICTS.find((v) => v.id === d.verdict)?.label}
              </span>{' '}
              {d.text}
              {d.verdict !== 'keep' && !d.id.startsWith('pending') ? (
                carried[d.id] ? (
                  <p className="small carried">
                    <span aria-hidden="true">✓ </span>Added to{' '}
                    {nextWeek ? periodLabel(nextWeek) : 'next week'} under {carried[d.id]}.
                  </p>
                ) : carrying === d.id ? (
                  <CarryForm
                    decision={d}
                    goals={goals}
                    nextWeek={nextWeek}
                    onCarry={carry}
                    onCancel={() => setCarrying(null)}
                  />
                ) : goals.length > 0 && nextWeek ? (
                  <p className="small">
                    <button type="button" className="link-button" onClick={() => setCarrying(d.id)}>
                      Add to {periodLabel(nextWeek)} as a micro-goal
                      <span className="visually-hidden"> for the decision {d.text}</span>
                    </button>
                  </p>
                ) : null
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {changes.length > 0 && nextWeek && !readOnly ? (
        <div className="callout carry-callout">
          <p>
            {changes.length === 1 ? 'One decision changes' : `${changes.length} decisions change`}{' '}
            how you work. Plan them into {periodLabel(nextWeek)}:
          </p>
          <ul>
            {changes.map((d) => (
              <li key={d.id}>
                {d.verdict === 'drop' ? 'Drop' : 'Change'}: {d.text}
              </li>
            ))}
          </ul>
          <Link href={`/week/${nextWeek}`} className="button small">
            Open the plan for {periodLabel(nextWeek)}
          </Link>
        </div>
      ) : null}
      {!readOnly ? (
        <div className="step-actions">
          <button type="button" className="button" onClick={onBack}>
            Back
          </button>
          <button type="button" className="button primary" onClick={onNext}>
            Next: complete
          </button>
        </div>
      ) : null}
    </section>
  );
}

function CarryForm({
  decision,
  goals,
  nextWeek,
  onCarry,
  onCancel,
}: {
  decision: Decision;
  goals: Goal[];
  nextWeek: string | null;
  onCarry: (d: Decision, goalId: string, title: string) => Promise<string | null>;
  onCancel: () => void;
}) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(await onCarry(decision, String(form.get('goalId')), String(form.get('title') ?? '')));
    setBusy(false);
  };
  return (
    <form
      className="carry-form"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      noValidate
    >
      <Field
        label={`Micro-goal for ${nextWeek ? periodLabel(nextWeek) : 'next week'}`}
        name="title"
        defaultValue={decision.text.slice(0, 200)}
        autoFocus
        error={error ?? undefined}
      />
      <div className="field">
        <label htmlFor={`goal-${decision.id}`}>Goal</label>
        <select id={`goal-${decision.id}`} name="goalId">
          {goals.map((g) => (
            <option key={g.id} value={g.id}>
              {g.title}
            </option>
          ))}
        </select>
      </div>
      <div className="carry-actions">
        <button type="submit" className="button small primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add micro-goal'}
        </button>
        <button type="button" className="button small subtle" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
