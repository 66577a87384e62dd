import { useCallback, useRef, useState, type RefObject } from 'react';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Link } from '../app/Link.js';
import { plainKey, useKeydown } from '../app/shortcuts.js';
import { Celebration } from '../ui/Celebration.js';
import { addDays, longDay } from '../ui/iso-week.js';
import { canWrite, useRole } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import {
  forecastText,
  messageOf,
  ROAD_TEXT,
  roadText,
  STATUS_TEXT,
  withUnit,
  type Goal,
  type Measurement,
  type Metric,
  type Road,
} from './format.js';
import { BurnUpChart, MetricSparkChart, RoadChart } from './GoalCharts.js';
import { GoalDialog } from './GoalForm.js';
import { AddMetricForm, MeasurementForm, type Recorder } from './MetricForms.js';
import { PulsePanel } from './PulsePanel.js';
import { SavePlaybook } from './SavePlaybook.js';
import { useGoal } from './use-goal.js';

/** One goal: why it matters, the road of its one metric with the forecast, every metric, pulses, micro-goals. */
export default function GoalPage({ goalId }: { goalId: string }) {
  const { data, error, reload, record } = useGoal(goalId);
  const role = useRole();
  const [editing, setEditing] = useState(false);
  const [warning, setWarning] = useState<string | null>(null);
  const [burst, setBurst] = useState<{ id: number; text: string } | null>(null);
  const valueRef = useRef<HTMLInputElement>(null);

  useKeydown(
    useCallback((e: KeyboardEvent) => {
      if (!plainKey(e)) return;
      if (e.key === 'd') {
        e.preventDefault();
        setEditing(true);
      } else if (e.key === 'v' && valueRef.current) {
        e.preventDefault();
        valueRef.current.focus();
      }
    }, []),
  );

  const onRecord: Recorder = async (input) => {
    const result = await record(input);
    if (!result.error) {
      const milestone = result.milestones[0];
      if (milestone) setBurst((b) => ({ id: (b?.id ?? 0) + 1, text: milestone.title }));
      else notify('Recorded.');
    }
    return result;
  };

  if (error && !data)
    return (
      <div className="error-state" role="alert">
        <h1>
          {error.status === 404 ? 'This goal does not exist' : 'The goal could not be loaded'}
        </h1>
        <p>{error.message}</p>
        <p>
          {error.status === 404 ? null : (
            <button type="button" className="button" onClick={() => void reload()}>
              Try again
            </button>
          )}{' '}
          <Link href="/goals">Back to goals</Link>
        </p>
      </div>
    );
  if (!data)
    return (
      <p className="loading" role="status">
        Loading the goal…
      </p>
    );

  const { detail, road, measurements, today } = data;
  const goal = detail.goal;
  const primary = detail.metrics.find((m) => m.primary);
  const leading = detail.metrics.filter((m) => m.indicator === 'leading');
  const lagging = detail.metrics.filter((m) => m.indicator === 'lagging');
  const firstDay = Object.values(measurements)
    .flat()
    .map((m) => m.day)
    .sort()[0];
  const eightWeeksAgo = addDays(today.day, -55);
  const pulseFrom = firstDay && firstDay < eightWeeksAgo ? firstDay : eightWeeksAgo;
  const thisWeekMicroGoals = detail.microGoals.filter((m) => m.week === today.week);

  return (
    <section className="view goal-page" aria-labelledby="view-title">
      <p className="crumbs small">
        <Link href="/goals">← Goals</Link>
      </p>
      <header className="view-head">
        <div className="goal-head">
          <h1 id="view-title">{goal.title}</h1>
          <p className="goal-meta">
            <span className={`badge goal-status-${goal.status}`}>{STATUS_TEXT[goal.status]}</span>
            {goal.targetDate ? (
              <span className="muted">Target date {longDay(goal.targetDate)}</span>
            ) : null}
          </p>
          {goal.purpose ? (
            <p className="goal-purpose">
              <strong>Why: </strong>
              {goal.purpose}
            </p>
          ) : null}
          {goal.leveragePoint ? (
            <p>
              <strong>Leverage point: </strong>
              {goal.leveragePoint}
            </p>
          ) : null}
          {!goal.purpose && !goal.leveragePoint ? (
            <p className="muted">
              Say why this goal matters and its one leverage point: edit the goal.
            </p>
          ) : null}
        </div>
        <div className="goal-actions">
          <button
            type="button"
            className="button"
            onClick={() => setEditing(true)}
            aria-keyshortcuts="d"
          >
            Edit goal <kbd aria-hidden="true">d</kbd>
          </button>
          {/* A playbook starts from the goal's one metric, so saving waits for one. */}
          {primary && canWrite(role) ? <SavePlaybook detail={detail} /> : null}
        </div>
      </header>
      <Celebration burst={burst} />
      {warning ? (
        <div className="callout focus-warning" role="status" data-testid="focus-warning">
          <strong>Too many goals at once.</strong> {warning}
        </div>
      ) : null}

      <section className="panel road-panel" aria-labelledby="road-title">
        {primary ? (
          <PrimaryMetric
            metric={primary}
            road={road}
            measurements={measurements[primary.id] ?? []}
            today={today.day}
            onRecord={onRecord}
            valueRef={valueRef}
          />
        ) : (
          <>
            <h2 id="road-title">The one metric that matters</h2>
            <p className="empty">
              This goal has no metric yet. Pick the one number that shows progress (customers,
              revenue, interviews…), where it starts and where it should be by when: the goal then
              shows its road and a forecast.
            </p>
            <AddMetricForm goalId={goal.id} first onAdded={() => void reload()} />
          </>
        )}
      </section>

      {primary ? (
        <div className="metric-columns">
          <MetricColumn
            title="Leading"
            hint="Efforts you control that move the result."
            metrics={leading}
            measurements={measurements}
            today={today.day}
            onRecord={onRecord}
            onPrimary={(m) =>
              void call(api.setPrimaryMetric, { metricId: m.id })
                .then(() => notify(`“${m.name}” is now the one metric that matters.`))
                .catch((e: unknown) =>
                  notify(`Could not change the metric: ${messageOf(e)}`, 'error'),
                )
                .then(reload)
            }
          />
          <MetricColumn
            title="Lagging"
            hint="Results that show up later."
            metrics={lagging}
            measurements={measurements}
            today={today.day}
            onRecord={onRecord}
            onPrimary={(m) =>
              void call(api.setPrimaryMetric, { metricId: m.id })
                .then(() => notify(`“${m.name}” is now the one metric that matters.`))
                .catch((e: unknown) =>
                  notify(`Could not change the metric: ${messageOf(e)}`, 'error'),
                )
                .then(reload)
            }
          />
        </div>
      ) : null}
      {primary ? (
        <details className="panel add-metric">
          <summary>Add a supporting metric</summary>
          <AddMetricForm goalId={goal.id} first={false} onAdded={() => void reload()} />
        </details>
      ) : null}

      <div className="goal-lower">
        <section className="panel" aria-labelledby="burnup-title">
          <div className="panel-head">
            <h2 id="burnup-title">Micro-goals</h2>
            <span className="muted small">
              {detail.microGoals.filter((m) => m.status === 'done').length} of{' '}
              {detail.microGoals.filter((m) => m.status !== 'dropped').length} done
            </span>
          </div>
          {detail.microGoals.length === 0 ? (
            <p className="empty muted">
              No micro-goals yet. Break this goal into one to three results for this week in{' '}
              <Link href="/week">Week</Link>.
            </p>
          ) : (
            <>
              <BurnUpChart microGoals={detail.microGoals} thisWeek={today.week} />
              <h3 className="small">This week</h3>
              {thisWeekMicroGoals.length === 0 ? (
                <p className="muted small">
                  Nothing planned this week: <Link href="/week">plan it in Week</Link>.
                </p>
              ) : (
                <ul className="plain-list">
                  {thisWeekMicroGoals.map((m) => (
                    <li key={m.id}>
                      {m.title} <span className="muted small">({m.status})</span>
                    </li>
                  ))}
                </ul>
              )}
            </>
          )}
        </section>
        <PulsePanel from={pulseFrom} to={today.day} />
      </div>

      <GoalDialog
        open={editing}
        goal={goal}
        onClose={() => setEditing(false)}
        onSaved={(saved: Goal, w) => {
          setEditing(false);
          setWarning(w);
          notify(`“${saved.title}” saved.`);
          void reload();
        }}
      />
    </section>
  );
}

function PrimaryMetric({
  metric,
  road,
  measurements,
  today,
  onRecord,
  valueRef,
}: {
  metric: Metric;
  road: Road | null;
  measurements: Measurement[];
  today: string;
  onRecord: Recorder;
  valueRef: RefObject<HTMLInputElement | null>;
}) {
  const goalLine =
    metric.target !== null
      ? `${metric.baseline !== null ? `From ${withUnit(metric.baseline, metric.unit)} to ` : 'To '}${withUnit(metric.target, metric.unit)}${metric.targetDate ? ` by ${longDay(metric.targetDate)}` : ''}`
      : 'No target yet';
  return (
    <>
      <div className="panel-head">
        <div>
          <p className="eyebrow">The one metric that matters</p>
          <h2 id="road-title">{metric.name}</h2>
        </div>
        {road ? (
          <span className={`road-badge road-${road.status}`} data-testid="road-status">
            {ROAD_TEXT[road.status]}
          </span>
        ) : null}
      </div>
      <p className="small">
        {goalLine} · {metric.direction === 'up' ? 'higher is better' : 'lower is better'} ·{' '}
        {metric.indicator}
      </p>
      {road ? (
        <>
          <p data-testid="road-text">{roadText(road)}</p>
          <p className="forecast" data-testid="forecast">
            <strong>Forecast: </strong>
            {forecastText(road)}
          </p>
          <RoadChart road={road} measurements={measurements} />
        </>
      ) : null}
      <MeasurementForm metric={metric} today={today} onRecord={onRecord} valueRef={valueRef} />
      <p className="muted small">
        Press <kbd>v</kbd> to type a new value.
      </p>
      {measurements.length > 0 ? (
        <details>
          <summary>All {measurements.length} measurements</summary>
          <table className="measurements">
            <caption className="visually-hidden">Measurements of {metric.name}</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Value</th>
                <th scope="col">Note</th>
              </tr>
            </thead>
            <tbody>
              {[...measurements].reverse().map((m) => (
                <tr key={m.id}>
                  <td>{longDay(m.day)}</td>
                  <td>{withUnit(m.value, metric.unit)}</td>
                  <td>{m.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ) : null}
    </>
  );
}

function MetricColumn({
  title,
  hint,
  metrics,
  measurements,
  today,
  onRecord,
  onPrimary,
}: {
  title: string;
  hint: string;
  metrics: Metric[];
  measurements: Record<string, Measurement[]>;
  today: string;
  onRecord: Recorder;
  onPrimary: (m: Metric) => void;
}) {
  const id = `metrics-${title.toLowerCase()}`;
  return (
    <section className="panel" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <p className="muted small">{hint}</p>
      {metrics.length === 0 ? (
        <p className="empty muted small">
          No {title.toLowerCase()} metric yet.{' '}
          {title === 'Leading'
            ? 'Add one you move every week, such as calls made or posts published.'
            : 'Add one that shows the result, such as revenue or customers.'}
        </p>
      ) : (
        <ul className="metric-list">
          {metrics.map((m) => {
            const list = measurements[m.id] ?? [];
            return (
              <li key={m.id} className="metric-card">
                <div className="panel-head">
                  <h3>
                    {m.name}
                    {m.primary ? <span className="badge small">primary</span> : null}
                  </h3>
                  <span className="metric-latest">
                    {m.latest ? withUnit(m.latest.value, m.unit) : '—'}
                  </span>
                </div>
                <p className="muted small">
                  {m.target !== null ? `Target ${withUnit(m.target, m.unit)}` : 'No target'}
                  {m.targetDate ? ` by ${longDay(m.targetDate)}` : ''}
                  {m.latest ? ` · last on ${longDay(m.latest.day)}` : ' · no value yet'}
                </p>
                {m.primary ? (
                  <p className="muted small">Charted above, with its road and forecast.</p>
                ) : (
                  <MetricSparkChart name={m.name} unit={m.unit} measurements={list} />
                )}
                {m.primary ? null : (
                  <>
                    <MeasurementForm metric={m} today={today} onRecord={onRecord} compact />
                    <button
                      type="button"
                      className="link-button small"
                      onClick={() => onPrimary(m)}
                    >
                      Make it the one that matters
                      <span className="visually-hidden">: {m.name}</span>
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
