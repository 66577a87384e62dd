import { useEffect, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Dialog } from '../ui/Dialog.js';
import { weekRange } from '../ui/iso-week.js';
import { notify } from '../ui/notify.js';
import {
  asApiError,
  messageOf,
  MICRO_GOALS_PER_GOAL_LIMIT,
  WEEKLY_TASK_MINUTES_BUDGET,
  type WeekData,
} from './use-week.js';

const lines = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Plan a week (usually the next one): its plan text, unfinished micro-goals carried over from the
 * week shown, and new micro-goals per goal, with over-commit warnings while typing.
 */
export function PlanWeekDialog({
  open,
  from,
  target,
  onClose,
  onSaved,
}: {
  open: boolean;
  from: WeekData;
  target: string;
  onClose: () => void;
  onSaved: (week: string) => void;
}) {
  return (
    <Dialog
      open={open}
      onClose={onClose}
      labelledBy="plan-week-title"
      className="dialog plan-dialog"
    >
      <PlanWeekForm from={from} target={target} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function PlanWeekForm({
  from,
  target,
  onClose,
  onSaved,
}: {
  from: WeekData;
  target: string;
  onClose: () => void;
  onSaved: (week: string) => void;
}) {
  const [next, setNext] = useState<WeekData | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const unfinished =
    from.week === target
      ? []
      : from.goals.flatMap((g) =>
          g.microGoals.filter((m) => m.status === 'planned' && g.goal.status === 'active'),
        );
  const [carry, setCarry] = useState<Set<string>>(() => new Set(unfinished.map((m) => m.id)));
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [plan, setPlan] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call(api.showWeek, { week: target }).then(
      (w) => {
        setNext(w);
        setPlan(w.plan);
      },
      (e: unknown) => setLoadError(messageOf(e)),
    );
  }, [target]);

  if (loadError)
    return (
      <div role="alert">
        <h2 id="plan-week-title">Plan {target}</h2>
        <p className="form-error">The week could not be loaded: {loadError}</p>
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    );
  if (!next)
    return (
      <>
        <h2 id="plan-week-title">Plan {target}</h2>
        <p className="loading" role="status">
          Loading {target}…
        </p>
      </>
    );

  const goals = next.goals.filter((g) => g.goal.status === 'active');
  const carried = unfinished.filter((m) => carry.has(m.id));
  const load = goals.map((g) => {
    const existing = g.microGoals.filter((m) => m.status !== 'dropped').length;
    const count =
      existing +
      carried.filter((m) => m.goalId === g.goal.id).length +
      lines(drafts[g.goal.id]).length;
    return { goal: g.goal, existing, count };
  });
  const warnings = [
    ...load
      .filter((l) => l.count > MICRO_GOALS_PER_GOAL_LIMIT)
      .map(
        (l) =>
          `“${l.goal.title}” would have ${l.count} micro-goals; more than ${MICRO_GOALS_PER_GOAL_LIMIT} spreads the week thin. Keep the ones that move its metric.`,
      ),
    ...(next.tasks.minutesPlanned > WEEKLY_TASK_MINUTES_BUDGET
      ? [
          `${target} already holds ${Math.round(next.tasks.minutesPlanned / 6) / 10} h of tasks, over the ${WEEKLY_TASK_MINUTES_BUDGET / 60} h budget.`,
        ]
      : []),
  ];

  // The API reports `microGoals.<i>.title`: find the goal whose lines hold index i.
  const order = [
    ...carried.map((m) => m.goalId),
    ...goals.flatMap((g) => lines(drafts[g.goal.id]).map(() => g.goal.id)),
  ];
  const fieldError = (goalId: string): string | undefined =>
    error?.details.find((d) => {
      const i = /^microGoals\.(\d+)/.exec(d.path)?.[1];
      return i !== undefined && order[Number(i)] === goalId;
    })?.message;
  const general =
    error && !error.details.some((d) => d.path.startsWith('microGoals.') || d.path === 'plan')
      ? error.message
      : null;

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    try {
      const result = await call(api.planWeek, {
        week: target,
        plan,
        microGoals: [
          ...carried.map((m) => ({ goalId: m.goalId, title: m.title })),
          ...goals.flatMap((g) =>
            lines(drafts[g.goal.id]).map((title) => ({ goalId: g.goal.id, title })),
          ),
        ],
      });
      // The originals are closed so each result is counted once, in the week it moved to.
      const drops = await Promise.allSettled(
        carried.map((m) =>
          call(api.dropMicroGoal, { microGoalId: m.id, reason: `Carried over to ${target}` }),
        ),
      );
      const failed = drops.filter((d) => d.status === 'rejected').length;
      setError(null);
      notify(
        failed > 0
          ? `${target} is planned, but ${failed} carried micro-goal${failed === 1 ? '' : 's'} could not be closed in ${from.week}.`
          : `${target} is planned: ${result.created.length} micro-goal${result.created.length === 1 ? '' : 's'} added.`,
        failed > 0 ? 'error' : 'info',
      );
      onSaved(target);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="plan-form">
      <h2 id="plan-week-title">
        Plan {target} <span className="muted small">{weekRange(target)}</span>
      </h2>
      {unfinished.length > 0 ? (
        <fieldset>
          <legend>Carry over from {from.week}</legend>
          <p className="muted small">
            Unfinished micro-goals; untick the ones that no longer matter.
          </p>
          {unfinished.map((m) => (
            <label key={m.id} className="check-line">
              <input
                type="checkbox"
                checked={carry.has(m.id)}
                onChange={(e) =>
                  setCarry((s) => {
                    const copy = new Set(s);
                    if (e.target.checked) copy.add(m.id);
                    else copy.delete(m.id);
                    return copy;
                  })
                }
              />{' '}
              {m.title}{' '}
              <span className="muted small">
                ({from.goals.find((g) => g.goal.id === m.goalId)?.goal.title})
              </span>
            </label>
          ))}
        </fieldset>
      ) : null}
      {goals.length === 0 ? (
        <p className="empty muted">
          No active goal: create one in Goals to plan micro-goals for it.
        </p>
      ) : (
        goals.map((g) => {
          const l = load.find((x) => x.goal.id === g.goal.id)!;
          const id = `plan-goal-${g.goal.id}`;
          const err = fieldError(g.goal.id);
          return (
            <div className="field" key={g.goal.id}>
              <label htmlFor={id}>New micro-goals for {g.goal.title}</label>
              <textarea
                id={id}
                rows={2}
                value={drafts[g.goal.id] ?? ''}
                placeholder="One per line, e.g. Ten outreach messages sent"
                aria-invalid={err ? true : undefined}
                aria-describedby={`${id}-hint${err ? ` ${id}-error` : ''}`}
                onChange={(e) => setDrafts((d) => ({ ...d, [g.goal.id]: e.target.value }))}
              />
              <small id={`${id}-hint`} className="hint">
                {l.count} of at most {MICRO_GOALS_PER_GOAL_LIMIT} this week
                {l.existing > 0 ? ` (${l.existing} already planned)` : ''}.
              </small>
              {err ? (
                <small id={`${id}-error`} className="field-error" role="alert">
                  {err}
                </small>
              ) : null}
            </div>
          );
        })
      )}
      <div className="field">
        <label htmlFor="plan-week-text">The plan in a few words</label>
        <textarea
          id="plan-week-text"
          rows={3}
          value={plan}
          placeholder="What would make this a good week?"
          aria-invalid={error?.field('plan') ? true : undefined}
          onChange={(e) => setPlan(e.target.value)}
        />
        {error?.field('plan') ? (
          <small className="field-error" role="alert">
            {error.field('plan')}
          </small>
        ) : null}
      </div>
      {warnings.length > 0 ? (
        <div className="callout" role="status" data-testid="plan-warnings">
          <strong>This looks over-committed.</strong>
          <ul className="plain-list">
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
          <span className="small">You can still save it.</span>
        </div>
      ) : null}
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
          {busy ? 'Saving…' : `Save the plan for ${target}`}
        </button>
      </div>
    </form>
  );
}
