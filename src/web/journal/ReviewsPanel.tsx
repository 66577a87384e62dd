import { useEffect, useState } from 'react';
import { call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Link } from '../app/Link.js';
import { navigate } from '../app/router.js';
import { messageOf, periodLabel, plural } from './journal-util.js';

type ReviewItem = Output<typeof api.listReviews>;

const STARTS = [
  { kind: 'weekly', period: 'current', label: 'Review this week' },
  { kind: 'weekly', period: 'last', label: 'Review last week' },
  { kind: 'monthly', period: 'current', label: 'Review this month' },
  { kind: 'monthly', period: 'last', label: 'Review last month' },
] as const;

/** Start (or resume) a weekly or monthly review, and the reviews so far. */
export function ReviewsPanel() {
  const [reviews, setReviews] = useState<ReviewItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState<string | null>(null);

  const load = (): void => {
    setError(null);
    callAll(api.listReviews, {}, 200).then(setReviews, (e: unknown) => setError(messageOf(e)));
  };
  useEffect(load, []);

  const start = async (kind: 'weekly' | 'monthly', period: string, label: string) => {
    setStarting(label);
    setError(null);
    try {
      const review = await call(api.startReview, { kind, period });
      navigate(`/journal/review/${review.id}`);
    } catch (e) {
      setError(messageOf(e));
      setStarting(null);
    }
  };

  const open = reviews?.filter((r) => r.status === 'open') ?? [];
  return (
    <section className="panel" aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      <p className="muted small">
        A review opens with the facts of the period, asks a few questions, and ends with what you
        keep, change or drop next week.
      </p>
      {open.length > 0 ? (
        <div className="callout resume" data-testid="open-reviews">
          {open.map((r) => (
            <p key={r.id}>
              Your {r.kind} review of {periodLabel(r.period)} is open ({r.answered} of {r.prompts}{' '}
              answered).{' '}
              <Link href={`/journal/review/${r.id}`} className="button small primary">
                Resume
                <span className="visually-hidden"> the review of {periodLabel(r.period)}</span>
              </Link>
            </p>
          ))}
        </div>
      ) : null}
      <div className="review-starts">
        {STARTS.map((s) => (
          <button
            key={s.label}
            type="button"
            className={`button small ${s.kind === 'weekly' && s.period === 'current' ? 'primary' : ''}`}
            disabled={starting !== null}
            onClick={() => void start(s.kind, s.period, s.label)}
          >
            {starting === s.label ? 'Opening…' : s.label}
          </button>
        ))}
      </div>
      {error ? (
        <p className="form-error" role="alert">
          {error}{' '}
          {reviews === null ? (
            <button type="button" className="link-button" onClick={load}>
              Try again
            </button>
          ) : null}
        </p>
      ) : null}
      {reviews === null && !error ? (
        <p className="loading" role="status">
          Loading reviews…
        </p>
      ) : null}
      {reviews?.length === 0 ? (
        <p className="empty muted">
          No reviews yet. At the end of the week, take fifteen minutes: press “Review this week”.
        </p>
      ) : null}
      {reviews && reviews.length > 0 ? (
        <ul className="plain-list review-list" aria-label="Past reviews">
          {reviews.map((r) => (
            <li key={r.id}>
              <Link href={`/journal/review/${r.id}`}>
                {r.kind === 'weekly' ? 'Weekly' : 'Monthly'} review, {periodLabel(r.period)}
              </Link>{' '}
              <span className={`badge ${r.status === 'open' ? 'badge-open' : ''}`}>
                {r.status === 'open' ? 'Open' : 'Done'}
              </span>
              <span className="muted small">
                {' '}
                {r.answered} of {r.prompts} answered · {plural(r.decisions, 'decision')}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
