import { addDays, weekdayDay } from '../ui/iso-week.js';
import { WEEKLY_TASK_MINUTES_BUDGET, type WeekData, type WeekTask } from './use-week.js';

const hours = (minutes: number): string =>
  minutes < 60 ? `${minutes} min` : `${Math.round((minutes / 60) * 10) / 10} h`;

/** Tasks planned against done, day by day, and the week's minutes against its budget. */
export function PlanVsDone({
  week,
  tasks,
  today,
}: {
  week: WeekData;
  tasks: WeekTask[];
  today: string;
}) {
  const t = week.tasks;
  const days = Array.from({ length: 7 }, (_, i) => addDays(week.start, i));
  const rows = days.map((day) => {
    // A carried original counts on the day it moved to, as the week's totals do.
    const own = tasks.filter((x) => x.day === day && x.status !== 'carried');
    const done = own.filter((x) => x.status === 'done');
    return {
      day,
      planned: own.length,
      done: done.length,
      minutesPlanned: own.reduce((s, x) => s + x.minutes, 0),
      minutesDone: done.reduce((s, x) => s + (x.actualMinutes ?? x.minutes), 0),
    };
  });
  const max = Math.max(60, ...rows.map((r) => r.minutesPlanned));
  const budgetShare = Math.min(1, t.minutesPlanned / WEEKLY_TASK_MINUTES_BUDGET);
  const total = t.planned + t.done + t.skipped;
  return (
    <section className="panel" aria-labelledby="plan-done-title">
      <div className="panel-head">
        <h2 id="plan-done-title">Planned vs done</h2>
        <span className="muted small">
          {hours(t.minutesDone)} of {hours(t.minutesPlanned)}
        </span>
      </div>
      {total === 0 ? (
        <p className="empty muted">
          No tasks in this week yet. Break a micro-goal into 15–60 minute tasks on Today, and they
          show up here day by day.
        </p>
      ) : (
        <table className="week-days">
          <caption className="visually-hidden">
            Tasks planned and done on each day of the week
          </caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Done</th>
              <th scope="col">
                <span className="visually-hidden">Minutes done of planned</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.day} className={r.day === today ? 'is-today' : undefined}>
                <th scope="row">
                  {weekdayDay(r.day)}
                  {r.day === today ? <span className="visually-hidden"> (today)</span> : null}
                </th>
                <td>{r.planned === 0 ? '—' : `${r.done} of ${r.planned}`}</td>
                <td>
                  <span className="day-bar" aria-hidden="true">
                    <span
                      className="day-bar-planned"
                      style={{ width: `${(r.minutesPlanned / max) * 100}%` }}
                    />
                    <span
                      className="day-bar-done"
                      style={{
                        width: `${(Math.min(r.minutesDone, r.minutesPlanned) / max) * 100}%`,
                      }}
                    />
                  </span>
                  <span className="visually-hidden">
                    {r.minutesDone} of {r.minutesPlanned} minutes
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="small week-totals">
        <strong>{t.done}</strong> done · <strong>{t.planned}</strong> open ·{' '}
        <strong>{t.skipped}</strong> skipped · <strong>{t.carried}</strong> carried over
      </p>
      <div className="budget">
        <span className="small">
          {hours(t.minutesPlanned)} planned of a {hours(WEEKLY_TASK_MINUTES_BUDGET)} weekly budget
        </span>
        <span
          className={`budget-bar ${t.minutesPlanned > WEEKLY_TASK_MINUTES_BUDGET ? 'over' : ''}`}
          role="meter"
          aria-label="Weekly task budget used"
          aria-valuemin={0}
          aria-valuemax={WEEKLY_TASK_MINUTES_BUDGET}
          aria-valuenow={Math.min(t.minutesPlanned, WEEKLY_TASK_MINUTES_BUDGET)}
          aria-valuetext={`${t.minutesPlanned} of ${WEEKLY_TASK_MINUTES_BUDGET} minutes`}
        >
          <span style={{ width: `${budgetShare * 100}%` }} />
        </span>
      </div>
    </section>
  );
}

/** Tasks still open on days already gone: bring them forward one by one or all at once. */
export function CarryOver({
  tasks,
  today,
  onCarry,
  onCarryAll,
}: {
  tasks: WeekTask[];
  today: string;
  onCarry: (task: WeekTask) => void;
  onCarryAll: () => void;
}) {
  const open = tasks.filter((t) => t.status === 'planned' && t.day < today);
  if (open.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="carry-title">
      <div className="panel-head">
        <h2 id="carry-title">Unfinished</h2>
        <button type="button" className="button small" onClick={onCarryAll}>
          Bring all to today
        </button>
      </div>
      <p className="muted small">
        {open.length === 1 ? 'One task' : `${open.length} tasks`} from days already gone. Carry what
        still matters to today; skip the rest on Today.
      </p>
      <ul className="rows" aria-label="Unfinished tasks">
        {open.map((task) => (
          <li
            key={task.id}
            className="row"
            aria-label={`${task.title}, ${task.minutes} minutes, planned ${weekdayDay(task.day)}`}
          >
            <div className="row-main">
              <span className="row-title">{task.title}</span>
              <span className="row-meta">
                <span className="timebox">{task.minutes} min</span>
                <span className="muted">{weekdayDay(task.day)}</span>
                {task.microGoalTitle ? <span className="muted">{task.microGoalTitle}</span> : null}
              </span>
            </div>
            <div className="row-actions">
              <button
                type="button"
                className="button small subtle"
                onClick={() => onCarry(task)}
                aria-label={`Carry to today: ${task.title}`}
              >
                Carry to today
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
