import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { Link } from '../app/Link.js';
import { Field } from '../ui/Field.js';
import {
  MICRO_GOALS_PER_GOAL_LIMIT,
  type WeekData,
  type WeekGoal,
  type WeekMicroGoal,
} from './use-week.js';

const STATUS_TEXT: Record<WeekMicroGoal['status'], string> = {
  planned: 'Planned',
  done: 'Done',
  dropped: 'Dropped',
};

export interface MicroGoalActions {
  complete(m: WeekMicroGoal): void;
  drop(m: WeekMicroGoal): void;
  /** Resolves to the API's error, or null once added. */
  add(goal: WeekGoal, title: string): Promise<ApiError | null>;
}

/** The week's micro-goals, grouped by goal, with what each one's tasks have done. */
export function WeekGoals({ week, actions }: { week: WeekData; actions: MicroGoalActions }) {
  return (
    <section className="panel" aria-labelledby="micro-goals-title">
      <div className="panel-head">
        <h2 id="micro-goals-title">Micro-goals</h2>
        <span className="muted small">
          {week.microGoals.done} of {week.microGoals.planned + week.microGoals.done} done
          {week.microGoals.dropped > 0 ? ` · ${week.microGoals.dropped} dropped` : ''}
        </span>
      </div>
      {week.goals.length === 0 ? (
        <div className="empty">
          <p>No active goal to plan for.</p>
          <p className="muted">
            <Link href="/goals">Create a goal</Link> first: a week is then planned as one to three
            micro-goals per goal, results you can finish by Sunday.
          </p>
        </div>
      ) : (
        week.goals.map((g) => <GoalBlock key={g.goal.id} entry={g} actions={actions} />)
      )}
    </section>
  );
}

function GoalBlock({ entry, actions }: { entry: WeekGoal; actions: MicroGoalActions }) {
  const live = entry.microGoals.filter((m) => m.status !== 'dropped').length;
  const headingId = `week-goal-${entry.goal.id}`;
  return (
    <div className="week-goal" aria-labelledby={headingId} role="group">
      <h3 id={headingId}>
        <Link href={`/goals/${entry.goal.id}`}>{entry.goal.title}</Link>
        {entry.goal.status !== 'active' ? (
          <span className="badge small">{entry.goal.status}</span>
        ) : null}
      </h3>
      {entry.microGoals.length === 0 ? (
        <p className="muted small">
          No micro-goal this week. What one result would move this goal by Sunday?
        </p>
      ) : (
        <ul className="rows" aria-label={`Micro-goals of ${entry.goal.title}`}>
          {entry.microGoals.map((m) => (
            <MicroGoalRow key={m.id} m={m} actions={actions} />
          ))}
        </ul>
      )}
      {live > MICRO_GOALS_PER_GOAL_LIMIT ? (
        <p className="muted small">
          {live} micro-goals: keep the {MICRO_GOALS_PER_GOAL_LIMIT} that move the metric most.
        </p>
      ) : null}
      {entry.goal.status === 'active' || entry.goal.status === 'paused' ? (
        <AddMicroGoal goal={entry} actions={actions} />
      ) : null}
    </div>
  );
}

function MicroGoalRow({ m, actions }: { m: WeekMicroGoal; actions: MicroGoalActions }) {
  const open = m.status === 'planned';
  const share = m.tasks.total > 0 ? m.tasks.done / m.tasks.total : 0;
  return (
    <li
      className={`row micro-goal status-${m.status}`}
      aria-label={`${m.title}, ${STATUS_TEXT[m.status]}, ${m.tasks.done} of ${m.tasks.total} tasks done`}
    >
      <button
        type="button"
        className="check"
        aria-pressed={m.status === 'done'}
        disabled={!open}
        onClick={() => actions.complete(m)}
        aria-label={`Done: ${m.title}`}
      >
        <span aria-hidden="true">{m.status === 'done' ? '✓' : ''}</span>
      </button>
      <div className="row-main">
        <span className="row-title">{m.title}</span>
        <span className="row-meta">
          <span className="score">
            <span className="meter" aria-hidden="true">
              <span style={{ width: `${Math.round(share * 100)}%` }} />
            </span>
            <span className="muted">
              {m.tasks.total === 0
                ? 'no tasks yet'
                : `${m.tasks.done} of ${m.tasks.total} task${m.tasks.total === 1 ? '' : 's'}`}
            </span>
          </span>
          {!open ? <span className="badge">{STATUS_TEXT[m.status]}</span> : null}
          {m.result ? <span className="muted">{m.result}</span> : null}
        </span>
      </div>
      {open ? (
        <div className="row-actions">
          <button
            type="button"
            className="button small subtle"
            onClick={() => actions.drop(m)}
            aria-label={`Drop: ${m.title}`}
          >
            Drop
          </button>
        </div>
      ) : null}
    </li>
  );
}

function AddMicroGoal({ goal, actions }: { goal: WeekGoal; actions: MicroGoalActions }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const title = String(new FormData(formEl).get('title') ?? '');
    setBusy(true);
    const failure = await actions.add(goal, title);
    setBusy(false);
    setError(failure);
    if (!failure) {
      formEl.reset();
      formEl.querySelector('input')?.focus();
    }
  };
  const general = error && !error.field('title') ? error.message : null;
  return (
    <form
      className="add-micro-goal"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label={`Add a micro-goal to ${goal.goal.title}`}
    >
      <Field
        label="New micro-goal"
        name="title"
        placeholder="e.g. Five customer calls booked"
        autoComplete="off"
        error={error?.field('title')}
      />
      <button type="submit" className="button" disabled={busy}>
        Add
      </button>
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
    </form>
  );
}
