import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, callAll } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Link } from '../app/Link.js';
import { plainKey, useKeydown } from '../app/shortcuts.js';
import { longDay } from '../ui/iso-week.js';
import { notify } from '../ui/notify.js';
import {
  messageOf,
  ROAD_TEXT,
  STATUS_TEXT,
  withUnit,
  type GoalItem,
  type GoalStatus,
  type Road,
} from './format.js';
import { GoalDialog } from './GoalForm.js';

/** Goals: active ones first with where their metric stands, the focus limit, and a new goal. */
export function GoalList() {
  const [goals, setGoals] = useState<GoalItem[] | null>(null);
  const [roads, setRoads] = useState<Record<string, Road>>({});
  const [focusLimit, setFocusLimit] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const current = useRef<GoalItem[] | null>(null);
  current.current = goals;

  const reload = useCallback(async (): Promise<void> => {
    try {
      const list = await callAll(api.listGoals, { status: 'all' });
      setGoals(list);
      setError(null);
      // Secondary: the focus limit and each active goal's road; their failure leaves the list usable.
      call(api.getSettings, {}).then(
        (s) => setFocusLimit(s.workspace.focusLimit),
        () => setFocusLimit(null),
      );
      const withMetric = list.filter((g) => g.primaryMetric && g.status === 'active');
      void Promise.allSettled(withMetric.map((g) => call(api.goalRoad, { goalId: g.id }))).then(
        (results) => {
          const next: Record<string, Road> = {};
          results.forEach((r) => {
            if (r.status === 'fulfilled') next[r.value.goalId] = r.value;
          });
          setRoads(next);
        },
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  useKeydown(
    useCallback((e: KeyboardEvent) => {
      if (plainKey(e) && e.key === 'c') {
        e.preventDefault();
        setCreating(true);
      }
    }, []),
  );

  /** Pause or resume at once; taken back if the server refuses. */
  const setStatus = async (goal: GoalItem, status: GoalStatus): Promise<void> => {
    const before = current.current;
    setGoals((list) => list?.map((g) => (g.id === goal.id ? { ...g, status } : g)) ?? null);
    try {
      const result = await call(api.updateGoal, { goalId: goal.id, status });
      setWarning(result.warning);
      notify(`“${goal.title}” is ${STATUS_TEXT[status].toLowerCase()}.`);
      await reload();
    } catch (e) {
      setGoals(before);
      notify(`Could not change “${goal.title}”: ${messageOf(e)}`, 'error');
    }
  };

  if (error && !goals)
    return (
      <div className="error-state" role="alert">
        <h1>Goals could not be loaded</h1>
        <p>{error}</p>
        <button type="button" className="button" onClick={() => void reload()}>
          Try again
        </button>
      </div>
    );
  if (!goals)
    return (
      <p className="loading" role="status">
        Loading goals…
      </p>
    );

  const active = goals.filter((g) => g.status === 'active');
  const others = goals.filter((g) => g.status !== 'active');
  const over = focusLimit !== null && active.length > focusLimit;
  return (
    <section className="view goals" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Goals</h1>
          <p className="summary" data-testid="goals-summary">
            {active.length} active
            {focusLimit !== null ? ` of a focus limit of ${focusLimit}` : ''}
            {others.length > 0 ? ` · ${others.length} paused, done or dropped` : ''}
          </p>
        </div>
        <div>
          <button
            type="button"
            className="button primary"
            onClick={() => setCreating(true)}
            aria-keyshortcuts="c"
          >
            New goal <kbd aria-hidden="true">c</kbd>
          </button>
        </div>
      </header>
      {warning || over ? (
        <div className="callout focus-warning" role="status" data-testid="focus-warning">
          <strong>Too many goals at once.</strong>{' '}
          {warning ??
            `${active.length} goals are active and your focus limit is ${focusLimit}. Pause the ones that can wait: fewer goals move faster.`}
        </div>
      ) : null}
      {goals.length === 0 ? (
        <div className="empty goals-empty">
          <h2>No goals yet</h2>
          <p>
            A goal is one big result you want, with the reason it matters and one metric that shows
            progress. Start with one.
          </p>
          <p>
            <button type="button" className="button primary" onClick={() => setCreating(true)}>
              Create your first goal
            </button>{' '}
            <span className="muted">
              or <Link href="/welcome">start from a playbook</Link>.
            </span>
          </p>
        </div>
      ) : (
        <>
          <h2 className="list-title">Active</h2>
          {active.length === 0 ? (
            <p className="empty muted">No active goal. Resume one below or create a new one.</p>
          ) : (
            <ul className="goal-cards" aria-label="Active goals">
              {active.map((g) => (
                <GoalCard key={g.id} goal={g} road={roads[g.id]} onStatus={setStatus} />
              ))}
            </ul>
          )}
          {others.length > 0 ? (
            <>
              <h2 className="list-title">Paused, done and dropped</h2>
              <ul className="goal-cards" aria-label="Other goals">
                {others.map((g) => (
                  <GoalCard key={g.id} goal={g} onStatus={setStatus} />
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      <GoalDialog
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(goal, w) => {
          setCreating(false);
          setWarning(w);
          notify(`“${goal.title}” created. Open it to give it its one metric.`);
          void reload();
        }}
      />
    </section>
  );
}

function GoalCard({
  goal,
  road,
  onStatus,
}: {
  goal: GoalItem;
  road?: Road;
  onStatus: (goal: GoalItem, status: GoalStatus) => void;
}) {
  const m = goal.primaryMetric;
  const latest = road?.latest;
  return (
    <li className={`card goal-card status-${goal.status}`}>
      <div className="goal-card-head">
        <h3>
          <Link href={`/goals/${goal.id}`}>{goal.title}</Link>
        </h3>
        <span className={`badge goal-status-${goal.status}`}>{STATUS_TEXT[goal.status]}</span>
      </div>
      {goal.purpose ? <p className="goal-purpose">{goal.purpose}</p> : null}
      {m ? (
        <p className="small goal-metric">
          <span>
            <strong>{m.name}</strong>
            {latest ? `: ${withUnit(latest.value, m.unit)}` : ''}
            {m.target !== null ? ` → ${withUnit(m.target, m.unit)}` : ''}
            {m.targetDate ? ` by ${longDay(m.targetDate)}` : ''}
          </span>
          {road ? (
            <span className={`road-badge road-${road.status}`}>{ROAD_TEXT[road.status]}</span>
          ) : null}
        </p>
      ) : (
        <p className="small muted">No metric yet: open the goal and add the one that matters.</p>
      )}
      <div className="goal-card-actions">
        {goal.status === 'active' ? (
          <button
            type="button"
            className="button small subtle"
            onClick={() => onStatus(goal, 'paused')}
            aria-label={`Pause: ${goal.title}`}
          >
            Pause
          </button>
        ) : goal.status === 'paused' ? (
          <button
            type="button"
            className="button small subtle"
            onClick={() => onStatus(goal, 'active')}
            aria-label={`Resume: ${goal.title}`}
          >
            Resume
          </button>
        ) : null}
      </div>
    </li>
  );
}
