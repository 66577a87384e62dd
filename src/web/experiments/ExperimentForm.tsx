import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Dialog } from '../ui/Dialog.js';
import { Field, TextAreaField } from '../ui/Field.js';
import {
  asApiError,
  generalMessage,
  localDay,
  type ExperimentItem,
  type GoalItem,
} from './util.js';

type Metric = Output<typeof api.showGoal>['metrics'][number];
const FIELDS = [
  'title',
  'assumption',
  'hypothesis',
  'goalId',
  'metricId',
  'startDay',
  'endDay',
  'variants',
];

/** A new experiment: the assumption, the hypothesis that tests it, a time box, optional variants. */
export function ExperimentForm({
  open,
  goals,
  onClose,
  onCreated,
}: {
  open: boolean;
  goals: GoalItem[];
  onClose: () => void;
  onCreated: (e: ExperimentItem) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="experiment-form-title" className="dialog">
      <Body goals={goals} onClose={onClose} onCreated={onCreated} />
    </Dialog>
  );
}

function Body({
  goals,
  onClose,
  onCreated,
}: {
  goals: GoalItem[];
  onClose: () => void;
  onCreated: (e: ExperimentItem) => void;
}) {
  const uid = useId();
  const [goalId, setGoalId] = useState('');
  const [metrics, setMetrics] = useState<Metric[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setMetrics([]);
    if (!goalId) return;
    let live = true;
    call(api.showGoal, { goalId }).then(
      (g) => live && setMetrics(g.metrics),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [goalId]);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (k: string): string => String(f.get(k) ?? '').trim();
    const variants = text('variants')
      .split(',')
      .map((v) => v.trim())
      .filter(Boolean);
    setBusy(true);
    try {
      const created = await call(api.createExperiment, {
        title: text('title'),
        assumption: text('assumption'),
        hypothesis: text('hypothesis'),
        goalId: goalId || null,
        metricId: text('metricId') || null,
        startDay: text('startDay') || undefined,
        endDay: text('endDay'),
        variants,
      });
      setError(null);
      onCreated(created);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const general = generalMessage(error, FIELDS);
  return (
    <form className="experiment-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="experiment-form-title">New experiment</h2>
      <Field
        label="Title"
        name="title"
        placeholder="Shorter onboarding email"
        autoComplete="off"
        autoFocus
        error={error?.field('title')}
      />
      <TextAreaField
          rows={2}
        label="Assumption"
        name="assumption"
        placeholder="New users drop off because the first email is too long."
        error={error?.field('assumption')}
      />
      <TextAreaField
          rows={2}
        label="Hypothesis"
        name="hypothesis"
        placeholder="A three-line email will get more users to finish onboarding."
        error={error?.field('hypothesis')}
      />
      <div className="form-row">
        <div className="field">
          <label htmlFor={`${uid}-goal`}>Goal</label>
          <select
            id={`${uid}-goal`}
            name="goalId"
            value={goalId}
            onChange={(e) => setGoalId(e.target.value)}
          >
            <option value="">No goal</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-metric`}>Metric it moves</label>
          <select
            id={`${uid}-metric`}
            name="metricId"
            defaultValue=""
            disabled={metrics.length === 0}
            aria-describedby={`${uid}-metric-hint`}
          >
            <option value="">No metric</option>
            {metrics.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
                {m.primary ? ' (the one that matters)' : ''}
              </option>
            ))}
          </select>
          <small id={`${uid}-metric-hint`} className="hint">
            {goalId ? 'Compared before and during the experiment' : 'Pick a goal first'}
          </small>
        </div>
      </div>
      <div className="form-row">
        <Field
          label="Start"
          name="startDay"
          type="date"
          defaultValue={localDay()}
          error={error?.field('startDay')}
        />
        <Field
          label="End"
          name="endDay"
          type="date"
          defaultValue={localDay(14)}
          error={error?.field('endDay')}
        />
      </div>
      <Field
        label="Variants (A/B test)"
        name="variants"
        placeholder="Long email, Short email"
        hint="Comma-separated; the first is the control. Leave empty for a before/after test."
        error={error?.field('variants')}
      />
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          Start experiment
        </button>
      </div>
    </form>
  );
}
