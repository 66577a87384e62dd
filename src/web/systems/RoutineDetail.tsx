import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { LineChart, type ChartSeries } from '../ui/LineChart.js';
import { notify } from '../ui/notify.js';
import { Heatmap } from './Heatmap.js';
import {
  asApiError,
  describeSchedule,
  describeTarget,
  generalMessage,
  messageOf,
  plural,
  shortDay,
  type RoutineDetail as Detail,
  type RoutineItem,
  type Scores,
  type Streaks,
} from './util.js';

const percent = (v: number): string => `${Math.round(v)}%`;

/** One routine in depth: streaks, a year's heatmap, the strength score over time, its pauses. */
export function RoutineDetail({
  routine,
  onChanged,
}: {
  routine: RoutineItem;
  onChanged: () => void;
}) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [streaks, setStreaks] = useState<Streaks | null>(null);
  const [scores, setScores] = useState<Scores | null>(null);
  const [error, setError] = useState<string | null>(null);
  const id = routine.id;

  const load = useCallback(async (): Promise<void> => {
    try {
      const [d, s, sc] = await Promise.all([
        call(api.showRoutine, { routineId: id, days: 366 }),
        call(api.routineStreaks, { routineId: id }),
        call(api.routineScores, { routineId: id }),
      ]);
      setDetail(d);
      setStreaks(s);
      setScores(sc);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    void load();
  }, [load]);

  // The chart redraws when these change identity, so they are built once per load.
  const chart = useMemo(() => {
    const series = scores?.series ?? [];
    return {
      days: series.map((p) => p.date),
      series: [
        {
          label: 'Strength',
          values: series.map((p) => Math.round(p.score * 1000) / 10),
          color: 'var(--accent)',
        },
      ] satisfies ChartSeries[],
    };
  }, [scores]);

  if (error && !detail)
    return (
      <div className="error-state" role="alert">
        <p>The routine could not be loaded: {error}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  if (!detail || !streaks || !scores)
    return (
      <p className="loading" role="status">
        Loading {routine.name}…
      </p>
    );

  const strength = scores.series[scores.series.length - 1]?.score ?? 0;
  const target = describeTarget(routine.target);
  return (
    <div className="routine-detail" data-testid="routine-detail">
      <h3 className="routine-detail-title">{routine.name}</h3>
      <p className="muted small">
        {describeSchedule(routine.schedule)}
        {target ? ` · ${target}` : ''}
        {routine.minimumVersion ? ` · Minimum: ${routine.minimumVersion}` : ''}
      </p>
      <dl className="stat-tiles">
        <div>
          <dt>Current streak</dt>
          <dd data-testid="current-streak">{plural(streaks.current, 'day')}</dd>
        </div>
        <div>
          <dt>Best streak</dt>
          <dd data-testid="best-streak">{plural(streaks.best, 'day')}</dd>
        </div>
        <div>
          <dt>Strength today</dt>
          <dd data-testid="strength">{percent(strength * 100)}</dd>
        </div>
      </dl>

      <h4>Check-ins over the last year</h4>
      <Heatmap days={detail.recent} name={routine.name} />

      <h4>Strength score</h4>
      {chart.days.length > 1 ? (
        <LineChart
          days={chart.days}
          series={chart.series}
          label={`Strength score of ${routine.name} from ${shortDay(chart.days[0]!)} to ${shortDay(chart.days[chart.days.length - 1]!)}: now ${percent(strength * 100)}.`}
          height={180}
          yMin={0}
          yMax={100}
          formatY={percent}
        />
      ) : (
        <p className="empty muted">
          The strength score grows with each check-in. Come back after a few days to see its line.
        </p>
      )}

      <Pauses
        routine={routine}
        pauses={detail.pauses}
        onChanged={() => {
          void load();
          onChanged();
        }}
      />
    </div>
  );
}

function Pauses({
  routine,
  pauses,
  onChanged,
}: {
  routine: RoutineItem;
  pauses: Detail['pauses'];
  onChanged: () => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const paused = routine.state === 'paused';

  const pause = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const from = String(form.get('from') ?? '');
    const to = String(form.get('to') ?? '');
    setBusy(true);
    try {
      await call(api.pauseRoutine, {
        routineId: routine.id,
        from: from || undefined,
        to: to || null,
        reason: String(form.get('reason') ?? ''),
      });
      setError(null);
      formEl.reset();
      notify(`“${routine.name}” is paused: paused days break no streak.`);
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const resume = async (): Promise<void> => {
    setBusy(true);
    try {
      await call(api.resumeRoutine, { routineId: routine.id });
      notify(`“${routine.name}” is back: it is due again from today.`);
      onChanged();
    } catch (e) {
      notify(`Could not resume “${routine.name}”: ${messageOf(e)}`, 'error');
    } finally {
      setBusy(false);
    }
  };

  const general = generalMessage(error, ['from', 'to', 'reason']);
  return (
    <section className="pauses" aria-labelledby="pauses-title">
      <div className="panel-head">
        <h4 id="pauses-title">Pauses</h4>
        {paused ? (
          <button
            type="button"
            className="button small primary"
            disabled={busy}
            onClick={() => void resume()}
          >
            Resume {routine.name}
          </button>
        ) : null}
      </div>
      {pauses.length === 0 ? (
        <p className="muted small">
          No pauses. Travelling or ill? Pause the routine: paused days are not due, so the streak
          survives.
        </p>
      ) : (
        <ul className="plain-list" aria-label={`Pauses of ${routine.name}`}>
          {pauses.map((p) => (
            <li key={p.id}>
              {shortDay(p.startDay)} – {p.endDay ? shortDay(p.endDay) : 'until resumed'}
              {p.reason ? <span className="muted"> · {p.reason}</span> : null}
            </li>
          ))}
        </ul>
      )}
      {!paused && routine.archivedAt === null ? (
        <details>
          <summary>Pause this routine</summary>
          <form className="pause-form" onSubmit={(e) => void pause(e)} noValidate>
            <Field
              label="First paused day"
              name="from"
              type="date"
              hint="Empty: today"
              error={error?.field('from')}
            />
            <Field
              label="Last paused day"
              name="to"
              type="date"
              hint="Empty: until you resume it"
              error={error?.field('to')}
            />
            <Field
              label="Reason"
              name="reason"
              placeholder="Travel, illness…"
              error={error?.field('reason')}
            />
            <button className="button" type="submit" disabled={busy}>
              Pause
            </button>
            {general ? (
              <p className="form-error" role="alert">
                {general}
              </p>
            ) : null}
          </form>
        </details>
      ) : null}
    </section>
  );
}
