import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call, callAll } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field, TextAreaField } from '../ui/Field.js';
import { notify } from '../ui/notify.js';
import {
  asApiError,
  generalMessage,
  messageOf,
  shortDay,
  SOURCES,
  type ExperimentItem,
  type FeedbackItem,
  type GoalItem,
} from './util.js';

type Source = (typeof SOURCES)[number];

/** The feedback log: what customers, mentors and peers said, tied to goals and experiments. */
export function FeedbackLog({
  goals,
  experiments,
  onAdded,
}: {
  goals: GoalItem[];
  experiments: ExperimentItem[];
  onAdded: () => void;
}) {
  const uid = useId();
  const [items, setItems] = useState<FeedbackItem[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [filter, setFilter] = useState('');
  const current = useRef<FeedbackItem[] | null>(null);
  current.current = items;

  const load = useCallback(async (): Promise<void> => {
    try {
      setItems(await callAll(api.listFeedback, {}, 200));
      setLoadError(null);
    } catch (e) {
      setLoadError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const goalTitle = (id: string | null): string | undefined =>
    goals.find((g) => g.id === id)?.title;
  const experimentTitle = (id: string | null): string | undefined =>
    experiments.find((x) => x.id === id)?.title;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const f = new FormData(formEl);
    const text = (k: string): string => String(f.get(k) ?? '').trim();
    const input = {
      content: text('content'),
      source: text('source') as Source,
      goalId: text('goalId') || null,
      experimentId: text('experimentId') || null,
      day: text('day') || undefined,
    };
    // Optimistic: the entry shows at once, and leaves again if the server refuses it.
    const before = current.current;
    const now = new Date().toISOString();
    if (input.content)
      setItems([
        {
          id: `pending-${now}`,
          source: input.source,
          content: input.content,
          day: input.day ?? now.slice(0, 10),
          contactId: null,
          goalId: input.goalId,
          experimentId: input.experimentId,
          createdAt: now,
        },
        ...(before ?? []),
      ]);
    try {
      await call(api.addFeedback, input);
      setError(null);
      formEl.reset();
      notify('Feedback logged.');
      void load();
      onAdded();
    } catch (e) {
      setItems(before);
      setError(asApiError(e));
    }
  };

  const shown = (items ?? []).filter((i) =>
    !filter
      ? true
      : filter.startsWith('g:')
        ? i.goalId === filter.slice(2)
        : i.experimentId === filter.slice(2),
  );
  const general = generalMessage(error, ['content', 'source', 'goalId', 'experimentId', 'day']);
  return (
    <section className="panel feedback" aria-labelledby="feedback-title">
      <div className="panel-head">
        <h2 id="feedback-title">Feedback log</h2>
        {items && items.length > 0 ? (
          <div className="field inline-select">
            <label htmlFor={`${uid}-filter`}>Show</label>
            <select id={`${uid}-filter`} value={filter} onChange={(e) => setFilter(e.target.value)}>
              <option value="">All feedback</option>
              {goals.map((g) => (
                <option key={g.id} value={`g:${g.id}`}>
                  Goal: {g.title}
                </option>
              ))}
              {experiments.map((x) => (
                <option key={x.id} value={`e:${x.id}`}>
                  Experiment: {x.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
      </div>
      <form className="feedback-form" onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          rows={2}
          label="What did you hear?"
          name="content"
          placeholder="“I would pay for this if it synced with my calendar.”"
          error={error?.field('content')}
        />
        <div className="form-row">
          <div className="field">
            <label htmlFor={`${uid}-source`}>From</label>
            <select id={`${uid}-source`} name="source" defaultValue="customer">
              {SOURCES.map((s) => (
                <option key={s} value={s}>
                  {s.charAt(0).toUpperCase() + s.slice(1)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-goal`}>Goal</label>
            <select id={`${uid}-goal`} name="goalId" defaultValue="">
              <option value="">None</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${uid}-exp`}>Experiment</label>
            <select id={`${uid}-exp`} name="experimentId" defaultValue="">
              <option value="">None</option>
              {experiments.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.title}
                </option>
              ))}
            </select>
          </div>
          <Field
            label="Day"
            name="day"
            type="date"
            hint="Empty: today"
            error={error?.field('day')}
          />
        </div>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
        <button type="submit" className="button">
          Log feedback
        </button>
      </form>
      {loadError && !items ? (
        <div className="error-state" role="alert">
          <p>Feedback could not be loaded: {loadError}</p>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : !items ? (
        <p className="loading" role="status">
          Loading feedback…
        </p>
      ) : items.length === 0 ? (
        <p className="empty muted">
          No feedback logged yet. After a call, a reply or a demo, write down what you heard above:
          fast feedback steers the next experiment.
        </p>
      ) : shown.length === 0 ? (
        <p className="empty muted">Nothing logged for this one yet.</p>
      ) : (
        <ul className="feedback-list" aria-label="Feedback">
          {shown.map((i) => (
            <li key={i.id} className={i.id.startsWith('pending-') ? 'pending' : ''}>
              <p className="feedback-meta small">
                <span className={`badge source-${i.source}`}>{i.source}</span>{' '}
                <span className="muted">{shortDay(i.day)}</span>
                {goalTitle(i.goalId) ? <span> · Goal: {goalTitle(i.goalId)}</span> : null}
                {experimentTitle(i.experimentId) ? (
                  <span> · Experiment: {experimentTitle(i.experimentId)}</span>
                ) : null}
              </p>
              <p>{i.content}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
