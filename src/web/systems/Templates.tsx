import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Link } from '../app/Link.js';
import { Field } from '../ui/Field.js';
import { notify } from '../ui/notify.js';
import {
  asApiError,
  generalMessage,
  messageOf,
  plural,
  shortDay,
  type GoalItem,
  type TemplateItem,
} from './util.js';

type Applied = Output<typeof api.applyTemplate>;

/** Templates: a sequence of 15–60-minute steps that become tasks on the days they fall. */
export function Templates({ goals }: { goals: GoalItem[] }) {
  const [templates, setTemplates] = useState<TemplateItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applied, setApplied] = useState<Applied | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      setTemplates(await callAll(api.listTemplates, {}));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <section className="panel" aria-labelledby="templates-title">
      <div className="panel-head">
        <h2 id="templates-title">Templates</h2>
        {templates ? (
          <span className="muted small">{plural(templates.length, 'template')}</span>
        ) : null}
      </div>
      {error && !templates ? (
        <div className="error-state" role="alert">
          <p>Templates could not be loaded: {error}</p>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : !templates ? (
        <p className="loading" role="status">
          Loading templates…
        </p>
      ) : templates.length === 0 ? (
        <div className="empty">
          <p>No template yet.</p>
          <p className="muted">
            A template turns a sequence you repeat (an outreach sequence, a weekly send-out) into
            tasks in one step. Create one below.
          </p>
        </div>
      ) : (
        <ul className="cards" aria-label="Templates">
          {templates.map((t) => (
            <TemplateCard key={t.id} template={t} goals={goals} onApplied={setApplied} />
          ))}
        </ul>
      )}
      {applied ? (
        <div className="applied" role="status" data-testid="applied-template">
          <p>
            <strong>
              {plural(applied.tasks.length, 'task')} planned from “{applied.template.name}”
            </strong>{' '}
            starting {shortDay(applied.startDay)}. They are on <Link href="/today">Today</Link> and
            in the <Link href="/week">Week</Link> on their days.
          </p>
          <ul className="plain-list small">
            {applied.tasks.map((t) => (
              <li key={t.id}>
                {shortDay(t.day, false)}: {t.title} <span className="muted">({t.minutes} min)</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <NewTemplate onCreated={() => void load()} />
    </section>
  );
}

function TemplateCard({
  template,
  goals,
  onApplied,
}: {
  template: TemplateItem;
  goals: GoalItem[];
  onApplied: (a: Applied) => void;
}) {
  const id = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const apply = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const startDay = String(f.get('startDay') ?? '');
    const goalId = String(f.get('goalId') ?? '');
    setBusy(true);
    try {
      const result = await call(api.applyTemplate, {
        templateId: template.id,
        startDay: startDay || undefined,
        goalId: goalId || null,
      });
      setError(null);
      onApplied(result);
      notify(`${plural(result.tasks.length, 'task')} created from “${template.name}”.`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const general = generalMessage(error, ['startDay', 'goalId']);
  return (
    <li className="card item-card" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="card-title">
        {template.name}
      </h3>
      {template.description ? <p className="muted small">{template.description}</p> : null}
      <ol className="steps small">
        {template.steps.map((s) => (
          <li key={s.id}>
            <span className="muted">Day {s.dayOffset + 1}:</span> {s.title}{' '}
            <span className="muted">({s.minutes} min)</span>
          </li>
        ))}
      </ol>
      <form className="apply-form" onSubmit={(e) => void apply(e)} noValidate>
        <Field
          label="Start day"
          name="startDay"
          type="date"
          hint="Empty: today"
          error={error?.field('startDay')}
        />
        {goals.length > 0 ? (
          <div className="field">
            <label htmlFor={`${id}-goal`}>For goal</label>
            <select id={`${id}-goal`} name="goalId" defaultValue="">
              <option value="">No goal</option>
              {goals.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button
          type="submit"
          className="button small"
          disabled={busy}
          aria-label={`Create tasks from ${template.name}`}
        >
          Create tasks
        </button>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </li>
  );
}

interface StepDraft {
  key: number;
  title: string;
  minutes: string;
  dayOffset: string;
}

let nextKey = 1;
const blankStep = (dayOffset = 0): StepDraft => ({
  key: nextKey++,
  title: '',
  minutes: '30',
  dayOffset: String(dayOffset),
});

function NewTemplate({ onCreated }: { onCreated: () => void }) {
  const [steps, setSteps] = useState<StepDraft[]>(() => [blankStep()]);
  const [error, setError] = useState<ApiError | null>(null);
  const update = (key: number, change: Partial<StepDraft>): void =>
    setSteps((all) => all.map((s) => (s.key === key ? { ...s, ...change } : s)));
  const stepError = (i: number, field: string): string | undefined =>
    error?.details.find((d) => d.path === `steps.${i}.${field}`)?.message;

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const f = new FormData(formEl);
    try {
      const created = await call(api.createTemplate, {
        name: String(f.get('name') ?? ''),
        description: String(f.get('description') ?? ''),
        steps: steps.map((s) => ({
          title: s.title,
          minutes: s.minutes === '' ? NaN : Number(s.minutes),
          dayOffset: s.dayOffset === '' ? 0 : Number(s.dayOffset),
        })),
      });
      setError(null);
      formEl.reset();
      setSteps([blankStep()]);
      notify(`Template “${created.name}” created.`);
      onCreated();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  const general =
    error && !error.details.some((d) => /^(name|description|steps\.\d+\.)/.test(d.path))
      ? generalMessage(error, ['name', 'description'])
      : null;
  return (
    <details className="create">
      <summary>New template</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label="Template name"
          name="name"
          placeholder="Outreach sequence"
          error={error?.field('name')}
        />
        <Field label="Description" name="description" error={error?.field('description')} />
        <fieldset className="steps-editor">
          <legend>Steps (each 15–60 minutes)</legend>
          {steps.map((s, i) => (
            <div className="step-row" key={s.key}>
              <Field
                label={`Step ${i + 1}`}
                value={s.title}
                onChange={(e) => update(s.key, { title: e.target.value })}
                placeholder="Send the first message"
                error={stepError(i, 'title')}
              />
              <Field
                label="Minutes"
                type="number"
                value={s.minutes}
                onChange={(e) => update(s.key, { minutes: e.target.value })}
                error={stepError(i, 'minutes')}
              />
              <Field
                label="Days after start"
                type="number"
                min={0}
                value={s.dayOffset}
                onChange={(e) => update(s.key, { dayOffset: e.target.value })}
                error={stepError(i, 'dayOffset')}
              />
              {steps.length > 1 ? (
                <button
                  type="button"
                  className="button small subtle"
                  aria-label={`Remove step ${i + 1}`}
                  onClick={() => setSteps((all) => all.filter((x) => x.key !== s.key))}
                >
                  Remove
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button small"
            onClick={() =>
              setSteps((all) => [
                ...all,
                blankStep(Number(all[all.length - 1]?.dayOffset ?? 0) + 1),
              ])
            }
          >
            Add a step
          </button>
        </fieldset>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
        <button type="submit" className="button">
          Create template
        </button>
      </form>
    </details>
  );
}
