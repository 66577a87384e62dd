import { useState } from 'react';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import type { Review } from './ReviewFlow.js';
import { TextAreaField } from '../ui/Field.js';
import { asApiError, messageOf } from './journal-util.js';

type SaveState = 'saving' | 'saved' | 'error';

/** Step 2: the review's questions. Each answer saves when you leave it, and before moving on. */
export function ReviewAnswers({
  review,
  readOnly,
  onSaved,
  onBack,
  onNext,
}: {
  review: Review;
  readOnly: boolean;
  onSaved: (r: Review) => void;
  onBack: () => void;
  onNext: () => void;
}) {
  const [drafts, setDrafts] = useState<Record<number, string>>(() =>
    Object.fromEntries(review.answers.map((a) => [a.position, a.answer])),
  );
  const [states, setStates] = useState<Record<number, SaveState>>({});
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const dirty = (): { position: number; answer: string }[] =>
    review.answers
      .filter((a) => (drafts[a.position] ?? '').trim() !== a.answer.trim())
      .map((a) => ({ position: a.position, answer: drafts[a.position] ?? '' }));

  const save = async (answers: { position: number; answer: string }[]): Promise<boolean> => {
    if (answers.length === 0) return true;
    const mark = (s: SaveState) =>
      setStates((st) => ({ ...st, ...Object.fromEntries(answers.map((a) => [a.position, s])) }));
    mark('saving');
    try {
      const r = await call(api.answerReview, { reviewId: review.id, answers });
      mark('saved');
      setErrors({});
      setGeneral(null);
      onSaved(r);
      return true;
    } catch (e) {
      mark('error');
      const err = asApiError(e);
      // Details point at answers.<index>.answer: show each under its question.
      const byPosition: Record<number, string> = {};
      for (const d of err.details) {
        const i = /^answers\.(\d+)/.exec(d.path)?.[1];
        const a = i !== undefined ? answers[Number(i)] : undefined;
        if (a) byPosition[a.position] = d.message;
      }
      setErrors(byPosition);
      setGeneral(Object.keys(byPosition).length ? null : messageOf(e));
      return false;
    }
  };

  if (readOnly)
    return (
      <section className="panel" aria-labelledby="step-prompts">
        <h2 id="step-prompts">Answers</h2>
        <dl className="answers">
          {review.answers.map((a) => (
            <div key={a.position}>
              <dt>{a.prompt}</dt>
              <dd>{a.answer || <span className="muted">No answer</span>}</dd>
            </div>
          ))}
        </dl>
      </section>
    );

  const next = async (): Promise<void> => {
    if (await save(dirty())) onNext();
  };

  return (
    <section className="panel" aria-labelledby="step-prompts">
      <h2 id="step-prompts" tabIndex={-1}>
        2. Questions
      </h2>
      <p className="muted small">
        A few honest sentences are enough. Each answer is saved when you leave it.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void next();
        }}
        noValidate
      >
        {review.answers.map((a) => (
          <div key={a.position} className="prompt">
            <TextAreaField
              label={`${a.position}. ${a.prompt}`}
              name={`answer-${a.position}`}
              value={drafts[a.position] ?? ''}
              error={errors[a.position]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setDrafts((d) => ({ ...d, [a.position]: value }));
              }}
              onBlur={() => {
                const answer = drafts[a.position] ?? '';
                if (answer.trim() !== a.answer.trim())
                  void save([{ position: a.position, answer }]);
              }}
            />
            <p className="save-state small muted" aria-live="polite">
              {states[a.position] === 'saving'
                ? 'Saving…'
                : states[a.position] === 'saved'
                  ? 'Saved'
                  : states[a.position] === 'error'
                    ? 'Not saved'
                    : ''}
            </p>
          </div>
        ))}
        {general ? (
          <p className="form-error" role="alert">
            Your answers could not be saved: {general}
          </p>
        ) : null}
        <div className="step-actions">
          <button type="button" className="button" onClick={onBack}>
            Back
          </button>
          <button type="submit" className="button primary">
            Next: decisions
          </button>
        </div>
      </form>
    </section>
  );
}
