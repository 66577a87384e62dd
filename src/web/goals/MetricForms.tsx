import { useId, useState, type FormEvent, type RefObject } from 'react';
import { ApiError, call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { asApiError, type Metric } from './format.js';

export type Recorder = (input: {
  metricId: string;
  value: number;
  day: string;
  note: string;
}) => Promise<{ error: ApiError | null; milestones: Array<{ title: string }> }>;

/** Record a value of a metric in place: value, day (today by default) and an optional note. */
export function MeasurementForm({
  metric,
  today,
  onRecord,
  valueRef,
  compact = false,
}: {
  metric: Metric;
  today: string;
  onRecord: Recorder;
  valueRef?: RefObject<HTMLInputElement | null>;
  compact?: boolean;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const raw = String(form.get('value') ?? '').trim();
    if (raw === '' || !Number.isFinite(Number(raw))) {
      setError(
        new ApiError(400, 'validation', 'Enter a number.', [
          { path: 'value', message: 'Enter a number, e.g. 12 or 4.5' },
        ]),
      );
      return;
    }
    setBusy(true);
    const result = await onRecord({
      metricId: metric.id,
      value: Number(raw),
      day: String(form.get('day') ?? '') || today,
      note: String(form.get('note') ?? ''),
    });
    setBusy(false);
    setError(result.error);
    if (!result.error) {
      const valueInput = formEl.querySelector<HTMLInputElement>('input[name="value"]');
      if (valueInput) valueInput.value = '';
      const note = formEl.querySelector<HTMLInputElement>('input[name="note"]');
      if (note) note.value = '';
      valueInput?.focus();
    }
  };
  const known = ['value', 'day', 'note'];
  const general =
    error && !error.details.some((d) => known.includes(d.path)) ? error.message : null;
  return (
    <form
      className={`measure-form ${compact ? 'compact' : ''}`}
      onSubmit={(e) => void submit(e)}
      onInput={() => setError(null)}
      noValidate
      aria-label={`Record ${metric.name}`}
    >
      <Field
        label={metric.unit ? `Value (${metric.unit})` : 'Value'}
        name="value"
        inputMode="decimal"
        autoComplete="off"
        ref={valueRef}
        error={error?.field('value')}
      />
      <Field
        label="Day"
        name="day"
        type="date"
        defaultValue={today}
        max={today}
        error={error?.field('day')}
      />
      {compact ? null : (
        <Field
          label="Note"
          name="note"
          placeholder="Optional"
          autoComplete="off"
          error={error?.field('note')}
        />
      )}
      <button type="submit" className="button" disabled={busy}>
        Record
      </button>
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
    </form>
  );
}

const METRIC_FIELDS = [
  'name',
  'unit',
  'direction',
  'indicator',
  'baseline',
  'target',
  'targetDate',
  'primary',
];

/** Add a metric: the first one of a goal is its primary one, the one that matters. */
export function AddMetricForm({
  goalId,
  first,
  onAdded,
}: {
  goalId: string;
  first: boolean;
  onAdded: () => void;
}) {
  const id = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const text = (name: string): string => String(form.get(name) ?? '').trim();
    const num = (name: string): number | null => (text(name) === '' ? null : Number(text(name)));
    const notNumbers = ['baseline', 'target'].filter((n) => Number.isNaN(num(n)));
    if (notNumbers.length > 0) {
      setError(
        new ApiError(
          400,
          'validation',
          'Some values are not numbers.',
          notNumbers.map((path) => ({ path, message: 'must be a number, e.g. 12 or 4.5' })),
        ),
      );
      return;
    }
    setBusy(true);
    try {
      await call(api.addMetric, {
        goalId,
        name: text('name'),
        unit: text('unit'),
        direction: text('direction') === 'down' ? 'down' : 'up',
        indicator: text('indicator') === 'leading' ? 'leading' : 'lagging',
        primary: first || form.get('primary') === 'on',
        baseline: num('baseline'),
        target: num('target'),
        targetDate: text('targetDate') || null,
      });
      setError(null);
      formEl.reset();
      onAdded();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const general =
    error && !error.details.some((d) => METRIC_FIELDS.includes(d.path)) ? error.message : null;
  return (
    <form
      className="metric-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={first ? 'Add the one metric that matters' : 'Add a metric'}
    >
      <Field
        label="Metric"
        name="name"
        placeholder={first ? 'e.g. Paying customers' : 'e.g. Demo calls a week'}
        autoComplete="off"
        error={error?.field('name')}
      />
      <Field
        label="Unit"
        name="unit"
        placeholder="e.g. customers, %, €"
        autoComplete="off"
        error={error?.field('unit')}
      />
      <div className="field">
        <label htmlFor={`${id}-direction`}>Better when it goes</label>
        <select id={`${id}-direction`} name="direction" defaultValue="up">
          <option value="up">Up</option>
          <option value="down">Down</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-indicator`}>Kind</label>
        <select
          id={`${id}-indicator`}
          name="indicator"
          defaultValue={first ? 'lagging' : 'leading'}
        >
          <option value="leading">Leading (an effort you control)</option>
          <option value="lagging">Lagging (the result)</option>
        </select>
      </div>
      <Field
        label="Baseline"
        name="baseline"
        inputMode="decimal"
        hint="Where it starts"
        error={error?.field('baseline')}
      />
      <Field label="Target" name="target" inputMode="decimal" error={error?.field('target')} />
      <Field label="Target date" name="targetDate" type="date" error={error?.field('targetDate')} />
      {first ? null : (
        <label className="check-line">
          <input type="checkbox" name="primary" /> Make it the one metric that matters
        </label>
      )}
      <div className="metric-form-actions">
        <button type="submit" className="button primary" disabled={busy}>
          {first ? 'Add the metric' : 'Add metric'}
        </button>
      </div>
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
    </form>
  );
}
