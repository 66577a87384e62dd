import { useCallback, useState } from 'react';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { navigate, usePath } from '../app/router.js';
import { plainKey, useKeydown } from '../app/shortcuts.js';
import { Celebration } from '../ui/Celebration.js';
import { addWeeks, isWeek, weekRange } from '../ui/iso-week.js';
import { notify } from '../ui/notify.js';
import { PlanWeekDialog } from './PlanWeekDialog.js';
import {
  asApiError,
  messageOf,
  useWeek,
  type Loaded,
  type WeekMicroGoal,
  type WeekTask,
} from './use-week.js';
import { WeekGoals, type MicroGoalActions } from './WeekGoals.js';
import { WeekText } from './WeekNotes.js';
import { CarryOver, PlanVsDone } from './WeekTasks.js';
import './week.css';

const weekPath = (week: string, current: string | null): string =>
  week === current ? '/week' : `/week/${week}`;

function setMicroGoal(d: Loaded, id: string, change: Partial<WeekMicroGoal>): Loaded {
  return {
    ...d,
    week: {
      ...d.week,
      goals: d.week.goals.map((g) => ({
        ...g,
        microGoals: g.microGoals.map((m) => (m.id === id ? { ...m, ...change } : m)),
      })),
    },
  };
}

/** Week: the micro-goals per goal, planned against done, carry-over, the plan and the result. */
export default function WeekView() {
  const path = usePath();
  const segment = path.split('/')[2] ?? '';
  const requested = isWeek(segment) ? segment : null;
  const { now, week, data, error, reload, retry, optimistic } = useWeek(requested);
  const [planning, setPlanning] = useState(false);
  const [burst, setBurst] = useState<{ id: number; text: string } | null>(null);
  const current = now?.week ?? null;

  const go = useCallback(
    (offset: number) => {
      if (!week) return;
      navigate(offset === 0 ? '/week' : weekPath(addWeeks(week, offset), current));
    },
    [week, current],
  );

  useKeydown(
    useCallback(
      (e: KeyboardEvent) => {
        if (!plainKey(e)) return;
        const offset = { '[': -1, ']': 1, '.': 0 }[e.key];
        if (offset === undefined) return;
        e.preventDefault();
        go(offset);
      },
      [go],
    ),
  );

  const actions: MicroGoalActions = {
    complete: (m) => {
      setBurst((b) => ({ id: (b?.id ?? 0) + 1, text: 'Micro-goal done. That is a real win!' }));
      void optimistic(
        (d) => setMicroGoal(d, m.id, { status: 'done' }),
        () => call(api.completeMicroGoal, { microGoalId: m.id }),
        `Could not complete “${m.title}”`,
      );
    },
    drop: (m) =>
      void optimistic(
        (d) => setMicroGoal(d, m.id, { status: 'dropped' }),
        () => call(api.dropMicroGoal, { microGoalId: m.id }),
        `Could not drop “${m.title}”`,
      ).then((failed) => !failed && notify(`“${m.title}” dropped. Less, done well, beats more.`)),
    add: async (g, title) => {
      if (!week) return null;
      try {
        await call(api.addMicroGoal, { goalId: g.goal.id, title, week });
        await reload();
        return null;
      } catch (e) {
        return asApiError(e);
      }
    },
  };

  const carry = (task: WeekTask): void => {
    if (!now) return;
    void optimistic(
      (d) => ({
        ...d,
        tasks: d.tasks.map((t) => (t.id === task.id ? { ...t, status: 'carried' } : t)),
      }),
      () => call(api.carryOverTask, { taskId: task.id, toDay: now.day }),
      `Could not carry “${task.title}”`,
    ).then((failed) => !failed && notify(`“${task.title}” moved to today.`));
  };
  const carryAll = (): void =>
    void call(api.carryOverUnfinished, {})
      .then((r) => notify(`${r.carried} task${r.carried === 1 ? '' : 's'} brought to today.`))
      .catch((e: unknown) => notify(`Could not bring tasks over: ${messageOf(e)}`, 'error'))
      .then(reload);

  const savePlan = async (plan: string) => {
    if (!week) return null;
    try {
      await call(api.planWeek, { week, plan, microGoals: [] });
      await reload();
      notify('Plan saved.');
      return null;
    } catch (e) {
      return asApiError(e);
    }
  };
  const saveResult = async (result: string) => {
    if (!week) return null;
    const failure = await optimistic(
      (d) => ({ ...d, week: { ...d.week, result } }),
      () => call(api.setWeekResult, { week, result }),
      'Could not save the result',
    );
    if (!failure) notify('Result saved.');
    return failure;
  };

  if (error && !data) {
    return (
      <div className="error-state" role="alert">
        <h1>The week could not be loaded</h1>
        <p>{error}</p>
        <button type="button" className="button" onClick={() => void retry()}>
          Try again
        </button>
      </div>
    );
  }

  const relation =
    !week || !current
      ? null
      : week === current
        ? 'This week'
        : week === addWeeks(current, 1)
          ? 'Next week'
          : week === addWeeks(current, -1)
            ? 'Last week'
            : week < current
              ? 'Past week'
              : 'Future week';
  const today = now?.day ?? '';
  const w = data?.week;
  return (
    <section className="view week" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Week</h1>
          {week ? (
            <p className="muted" data-testid="week-label">
              {relation ? <strong>{relation}</strong> : null} · {week} · {weekRange(week)}
            </p>
          ) : null}
          {w ? (
            <p className="summary" data-testid="week-summary">
              {w.microGoals.done} of {w.microGoals.planned + w.microGoals.done} micro-goals done ·{' '}
              {w.tasks.done} of {w.tasks.planned + w.tasks.done + w.tasks.skipped} tasks done
            </p>
          ) : null}
        </div>
        <nav className="week-nav" aria-label="Weeks">
          <button
            type="button"
            className="button small"
            onClick={() => go(-1)}
            disabled={!week}
            aria-keyshortcuts="["
          >
            <span aria-hidden="true">←</span> Previous week <kbd aria-hidden="true">[</kbd>
          </button>
          <button
            type="button"
            className="button small"
            onClick={() => go(0)}
            disabled={!week || week === current}
            aria-keyshortcuts="."
          >
            This week <kbd aria-hidden="true">.</kbd>
          </button>
          <button
            type="button"
            className="button small"
            onClick={() => go(1)}
            disabled={!week}
            aria-keyshortcuts="]"
          >
            Next week <span aria-hidden="true">→</span> <kbd aria-hidden="true">]</kbd>
          </button>
        </nav>
      </header>
      <Celebration burst={burst} />
      {!data || !w || !week ? (
        <p className="loading" role="status">
          Loading the week…
        </p>
      ) : (
        <>
          {w.warnings.length > 0 ? (
            <div className="callout week-warnings" data-testid="week-warnings">
              <strong>This week looks over-committed.</strong>
              <ul className="plain-list">
                {w.warnings.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <div className="week-grid">
            <div className="week-main">
              <WeekGoals week={w} actions={actions} />
              <CarryOver tasks={data.tasks} today={today} onCarry={carry} onCarryAll={carryAll} />
              <PlanVsDone week={w} tasks={data.tasks} today={today} />
            </div>
            <div className="week-side">
              <section className="panel" aria-labelledby="next-title">
                <h2 id="next-title">{week < (current ?? week) ? 'Looking ahead' : 'Plan ahead'}</h2>
                <p className="muted small">
                  Carry unfinished micro-goals over, pick one to three per goal for{' '}
                  {addWeeks(week, 1)}, and see at once if it is too much.
                </p>
                <button type="button" className="button primary" onClick={() => setPlanning(true)}>
                  {week === current ? 'Plan next week' : `Plan ${addWeeks(week, 1)}`}
                </button>
              </section>
              <WeekText
                key={`plan-${week}`}
                title="Plan"
                label={`The plan for ${week}`}
                hint="What would make this week a good one?"
                placeholder="e.g. Talk to five customers; ship the onboarding step."
                value={w.plan}
                empty="No plan written for this week yet."
                field="plan"
                onSave={savePlan}
              />
              <WeekText
                key={`result-${week}`}
                title="Result"
                label={`What ${week} produced`}
                hint="What came out of the week, in a sentence or two."
                placeholder="e.g. Three calls, one paying pilot, onboarding shipped."
                value={w.result}
                empty={
                  week < (current ?? week)
                    ? 'No result written yet: how did this week go?'
                    : 'Write the result when the week ends.'
                }
                field="result"
                onSave={saveResult}
              />
            </div>
          </div>
          <PlanWeekDialog
            open={planning}
            from={w}
            target={addWeeks(week, 1)}
            onClose={() => setPlanning(false)}
            onSaved={(target) => {
              setPlanning(false);
              navigate(weekPath(target, current));
            }}
          />
        </>
      )}
    </section>
  );
}
