import { useCallback, useEffect, useRef, useState } from 'react';
import { call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Link } from '../app/Link.js';
import { Celebration } from '../ui/Celebration.js';
import { notify } from '../ui/notify.js';
import { ReviewAnswers } from './ReviewAnswers.js';
import { ReviewDecisions } from './ReviewDecisions.js';
import { ReviewSummary } from './ReviewSummary.js';
import { addWeeks, messageOf, periodLabel, plural } from './journal-util.js';

export type Review = Output<typeof api.showReview>;
export type Goal = Output<typeof api.listGoals>;

const STEPS = [
  { id: 'summary', label: 'Summary' },
  { id: 'prompts', label: 'Questions' },
  { id: 'decisions', label: 'Decisions' },
  { id: 'complete', label: 'Complete' },
] as const;
type Step = (typeof STEPS)[number]['id'];

/** Where an open review picks up: the furthest step it has reached. */
function resumeStep(r: Review): Step {
  if (r.decisions.length > 0) return 'decisions';
  if (r.answers.some((a) => a.answer.trim() !== '')) return 'prompts';
  return 'summary';
}

/** The week a review's decisions carry into: the week after a weekly review's, or next week. */
function nextWeekOf(review: Review, currentWeek: string | null): string | null {
  if (/^\d{4}-W\d{2}$/.test(review.period)) return addWeeks(review.period, 1);
  return currentWeek ? addWeeks(currentWeek, 1) : null;
}

/** The guided review: summary first, then the questions, then decisions, then complete. */
export function ReviewFlow({ reviewId }: { reviewId: string }) {
  const [review, setReview] = useState<Review | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('summary');
  const [goals, setGoals] = useState<Goal[]>([]);
  const [currentWeek, setCurrentWeek] = useState<string | null>(null);
  const [completing, setCompleting] = useState(false);
  const [burst, setBurst] = useState<{ id: number; text: string } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const r = await call(api.showReview, { reviewId });
      setReview(r);
      setStep(r.status === 'done' ? 'complete' : resumeStep(r));
    } catch (e) {
      setError(messageOf(e));
    }
  }, [reviewId]);

  useEffect(() => {
    void load();
    callAll(api.listGoals, { status: 'active' }).then(setGoals, () => setGoals([]));
    call(api.getCurrentDay, {}).then(
      (d) => setCurrentWeek(d.week),
      () => setCurrentWeek(null),
    );
  }, [load]);

  const go = (to: Step): void => {
    setStep(to);
    // Move focus to the step's heading so keyboard and screen-reader users follow along.
    requestAnimationFrame(() => document.getElementById(`step-${to}`)?.focus());
  };

  const complete = async (): Promise<void> => {
    if (!review) return;
    setCompleting(true);
    try {
      const done = await call(api.completeReview, { reviewId: review.id });
      setReview(done);
      setBurst((b) => ({ id: (b?.id ?? 0) + 1, text: 'Review complete. Well done!' }));
      heading.current?.focus();
    } catch (e) {
      notify(`Could not complete the review: ${messageOf(e)}`, 'error');
    } finally {
      setCompleting(false);
    }
  };

  if (error && !review)
    return (
      <div className="error-state" role="alert">
        <h1>This review could not be opened</h1>
        <p>{error}</p>
        <p>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>{' '}
          <Link href="/journal">Back to the Journal</Link>
        </p>
      </div>
    );
  if (!review)
    return (
      <p className="loading" role="status">
        Opening the review…
      </p>
    );

  const title = `${review.kind === 'weekly' ? 'Weekly' : 'Monthly'} review: ${periodLabel(review.period)}`;
  const nextWeek = nextWeekOf(review, currentWeek);
  const done = review.status === 'done';
  const answered = review.answers.filter((a) => a.answer.trim() !== '').length;
  const index = STEPS.findIndex((s) => s.id === step);

  return (
    <section className="view journal review-flow" aria-labelledby="view-title">
      <p className="crumb">
        <Link href="/journal">← Journal</Link>
      </p>
      <header className="view-head">
        <div>
          <h1 id="view-title" ref={heading} tabIndex={-1}>
            {title}
          </h1>
          <p className="muted">
            {review.summary ? `${review.summary.from} to ${review.summary.to} · ` : ''}
            {done
              ? 'Completed: kept as written.'
              : answered > 0 || review.decisions.length > 0
                ? 'Open: pick up where you left off, everything so far is saved.'
                : 'Fifteen minutes: the facts, a few questions, then what to keep, change or drop.'}
          </p>
        </div>
      </header>
      <Celebration burst={burst} />
      {!done ? (
        <nav aria-label="Review steps">
          <ol className="stepper">
            {STEPS.map((s, i) => (
              <li key={s.id} className={i < index ? 'passed' : i === index ? 'current' : ''}>
                <button
                  type="button"
                  className="step-button"
                  aria-current={s.id === step ? 'step' : undefined}
                  onClick={() => go(s.id)}
                >
                  <span className="step-number" aria-hidden="true">
                    {i + 1}
                  </span>{' '}
                  {s.label}
                </button>
              </li>
            ))}
          </ol>
        </nav>
      ) : null}

      {done || step === 'summary' ? (
        <section className="panel" aria-labelledby="step-summary">
          <h2 id="step-summary" tabIndex={-1}>
            {done ? 'Summary' : '1. How the period went'}
          </h2>
          {review.summary ? (
            <ReviewSummary summary={review.summary} />
          ) : (
            <p className="empty muted">This review was saved without a summary.</p>
          )}
          {!done ? (
            <div className="step-actions">
              <button type="button" className="button primary" onClick={() => go('prompts')}>
                Next: the questions
              </button>
            </div>
          ) : null}
        </section>
      ) : null}

      {done || step === 'prompts' ? (
        <ReviewAnswers
          review={review}
          readOnly={done}
          onSaved={setReview}
          onBack={() => go('summary')}
          onNext={() => go('decisions')}
        />
      ) : null}

      {done || step === 'decisions' ? (
        <ReviewDecisions
          review={review}
          readOnly={done}
          goals={goals}
          nextWeek={nextWeek}
          onChange={setReview}
          onBack={() => go('prompts')}
          onNext={() => go('complete')}
        />
      ) : null}

      {step === 'complete' ? (
        <section className="panel" aria-labelledby="step-complete">
          <h2 id="step-complete" tabIndex={-1}>
            {done ? 'Complete' : '4. Complete the review'}
          </h2>
          {done ? (
            <div data-testid="review-done">
              <p className="done-line">
                <span aria-hidden="true">✓ </span>
                Completed
                {review.completedAt
                  ? ` on ${new Date(review.completedAt).toLocaleDateString()}`
                  : ''}
                : {answered} of {plural(review.answers.length, 'question')} answered,{' '}
                {plural(review.decisions.length, 'decision')}.
              </p>
              <p>
                <Link href="/journal" className="button">
                  Back to the Journal
                </Link>{' '}
                {review.kind === 'weekly' ? (
                  <Link href={`/reports?week=${review.period}`} className="button">
                    See the week’s report
                  </Link>
                ) : null}{' '}
                {nextWeek && review.decisions.some((d) => d.verdict !== 'keep') ? (
                  <Link href={`/week/${nextWeek}`} className="button">
                    Plan {periodLabel(nextWeek)}
                  </Link>
                ) : null}
              </p>
            </div>
          ) : (
            <>
              <p>
                You answered {answered} of {plural(review.answers.length, 'question')} and made{' '}
                {plural(review.decisions.length, 'decision')}.{' '}
                {answered < review.answers.length
                  ? 'Unanswered questions can stay blank.'
                  : 'Every question has an answer.'}{' '}
                Once complete, the review is kept as it is.
              </p>
              <div className="step-actions">
                <button type="button" className="button" onClick={() => go('decisions')}>
                  Back
                </button>
                <button
                  type="button"
                  className="button primary"
                  disabled={completing}
                  onClick={() => void complete()}
                >
                  {completing ? 'Completing…' : 'Complete the review'}
                </button>
              </div>
            </>
          )}
        </section>
      ) : null}
    </section>
  );
}
