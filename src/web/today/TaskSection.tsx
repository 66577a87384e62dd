import { useState, type FormEvent, type RefObject } from 'react';
import { ApiError, call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import type { Today, TodayTask, Week } from './use-today.js';

const STATUS_TEXT: Record<TodayTask['status'], string> = {
  planned: 'Planned',
  done: 'Done',
  skipped: 'Skipped',
  carried: 'Moved on',
};

export interface TaskActions {
  complete(task: TodayTask): void;
  skip(task: TodayTask): void;
  carry(task: TodayTask): void;
  carryAll(): void;
  added(): void;
}

export function TaskSection({
  today,
  week,
  actions,
  titleRef,
}: {
  today: Today;
  week: Week | null;
  actions: TaskActions;
  titleRef: RefObject<HTMLInputElement | null>;
}) {
  const microGoals =
    week?.goals.flatMap((g) => g.microGoals.filter((m) => m.status === 'planned')) ?? [];
  return (
    <section className="panel" aria-labelledby="tasks-title">
      <div className="panel-head">
        <h2 id="tasks-title">Tasks</h2>
        <span className="muted small">
          {today.totals.minutesDone} of {today.totals.minutesPlanned} min
        </span>
      </div>
      {today.unfinishedBefore > 0 ? (
        <p className="callout">
          {today.unfinishedBefore === 1 ? 'One task' : `${today.unfinishedBefore} tasks`} from
          earlier days {today.unfinishedBefore === 1 ? 'is' : 'are'} still open.{' '}
          <button type="button" className="link-button" onClick={actions.carryAll}>
            Bring {today.unfinishedBefore === 1 ? 'it' : 'them'} to today
          </button>
        </p>
      ) : null}
      {today.tasks.length === 0 ? (
        <div className="empty">
          <p>No tasks planned for today.</p>
          <p className="muted">
            {microGoals.length > 0
              ? `Pick a micro-goal of this week (such as “${microGoals[0]!.title}”) and plan one 15–60 minute step towards it below.`
              : 'Plan one step of 15–60 minutes below: small enough to finish, big enough to matter. Press n any time.'}
          </p>
        </div>
      ) : (
        <ul className="rows" aria-label="Today's tasks">
          {today.tasks.map((task) => (
            <TaskRow key={task.id} task={task} actions={actions} />
          ))}
        </ul>
      )}
      <AddTaskForm
        day={today.day}
        microGoals={microGoals}
        onAdded={actions.added}
        titleRef={titleRef}
      />
    </section>
  );
}

function TaskRow({ task, actions }: { task: TodayTask; actions: TaskActions }) {
  const open = task.status === 'planned';
  const context = task.microGoalTitle ?? task.goalTitle;
  return (
    <li
      className={`row task status-${task.status}`}
      data-row="task"
      data-id={task.id}
      tabIndex={-1}
      aria-label={`${task.title}, ${task.minutes} minutes, ${STATUS_TEXT[task.status]}`}
    >
      <button
        type="button"
        className="check"
        aria-pressed={task.status === 'done'}
        disabled={!open}
        onClick={() => actions.complete(task)}
        aria-label={`Done: ${task.title}`}
      >
        <span aria-hidden="true">{task.status === 'done' ? '✓' : ''}</span>
      </button>
      <div className="row-main">
        <span className="row-title">{task.title}</span>
        <span className="row-meta">
          <span className="timebox">{task.minutes} min</span>
          {context ? <span className="muted">{context}</span> : null}
          {!open ? <span className="badge">{STATUS_TEXT[task.status]}</span> : null}
        </span>
      </div>
      {open ? (
        <div className="row-actions">
          <button
            type="button"
            className="button small subtle"
            onClick={() => actions.skip(task)}
            aria-label={`Skip: ${task.title}`}
          >
            Skip
          </button>
          <button
            type="button"
            className="button small subtle"
            onClick={() => actions.carry(task)}
            aria-label={`Carry to tomorrow: ${task.title}`}
          >
            Tomorrow
          </button>
        </div>
      ) : null}
    </li>
  );
}

function AddTaskForm({
  day,
  microGoals,
  onAdded,
  titleRef,
}: {
  day: string;
  microGoals: Week['goals'][number]['microGoals'];
  onAdded: () => void;
  titleRef: RefObject<HTMLInputElement | null>;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const microGoalId = String(form.get('microGoalId') ?? '');
    setBusy(true);
    try {
      await call(api.addTask, {
        title: String(form.get('title') ?? ''),
        minutes: Number(form.get('minutes')),
        day,
        microGoalId: microGoalId || undefined,
      });
      setError(null);
      formEl.reset();
      onAdded();
      titleRef.current?.focus();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
    } finally {
      setBusy(false);
    }
  };
  const known = ['title', 'minutes', 'microGoalId'];
  const general =
    error && !error.details.some((d) => known.includes(d.path)) ? error.message : null;
  return (
    <form className="add-task" onSubmit={(e) => void submit(e)} noValidate aria-label="Add a task">
      <Field
        label="New task"
        name="title"
        placeholder="e.g. Write the onboarding email"
        ref={titleRef}
        error={error?.field('title')}
        autoComplete="off"
      />
      <Field
        label="Minutes"
        name="minutes"
        type="number"
        inputMode="numeric"
        defaultValue={30}
        step={5}
        className="minutes"
        error={error?.field('minutes')}
        hint="15–60"
      />
      {microGoals.length > 0 ? (
        <div className="field">
          <label htmlFor="task-micro-goal">Micro-goal</label>
          <select id="task-micro-goal" name="microGoalId" defaultValue="">
            <option value="">None</option>
            {microGoals.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <button className="button primary" type="submit" disabled={busy}>
        Add task
      </button>
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
    </form>
  );
}
