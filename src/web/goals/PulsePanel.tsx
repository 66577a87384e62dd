import { useCallback, useEffect, useMemo, useState, type FormEvent } from 'react';
import { ApiError, call, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { LineChart, type ChartSeries } from '../ui/LineChart.js';
import { weekStart } from '../ui/iso-week.js';
import { notify } from '../ui/notify.js';
import { asApiError, messageOf } from './format.js';

type Trend = Output<typeof api.pulseTrend>;
const KINDS = [
  { kind: 'morale', label: 'Morale', color: 'var(--accent)' },
  { kind: 'delight', label: 'Customer delight', color: 'var(--gold)' },
  { kind: 'clarity', label: 'Clarity of vision', color: 'var(--focus)' },
] as const;
type Kind = (typeof KINDS)[number]['kind'];

/** Morale, customer delight and clarity of vision, week by week, beside the metrics. */
export function PulsePanel({ from, to }: { from: string; to: string }) {
  const [trends, setTrends] = useState<Trend[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async (): Promise<void> => {
    try {
      setTrends(
        await Promise.all(KINDS.map((k) => call(api.pulseTrend, { kind: k.kind, from, to }))),
      );
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [from, to]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const chart = useMemo(() => {
    if (!trends) return null;
    const weeks = [
      ...new Set(
        trends.flatMap((t) => t.weeks.filter((w) => w.average !== null).map((w) => w.week)),
      ),
    ].sort();
    if (weeks.length === 0) return null;
    const series: ChartSeries[] = KINDS.map((k, i) => {
      const byWeek = new Map(trends[i]!.weeks.map((w) => [w.week, w.average]));
      return {
        label: k.label,
        values: weeks.map((w) => byWeek.get(w) ?? null),
        color: k.color,
        pointsOnly: weeks.length < 2,
      };
    });
    const latest = KINDS.map((k, i) => {
      const last = [...trends[i]!.weeks].reverse().find((w) => w.average !== null);
      return last ? `${k.label} ${last.average} in ${last.week}` : null;
    }).filter(Boolean);
    return {
      days: weeks.map(weekStart),
      series,
      label: `Weekly pulse averages from 1 to 5 over ${weeks.length} week${weeks.length === 1 ? '' : 's'}: ${latest.join(', ')}`,
    };
  }, [trends]);

  const withheld = trends?.some((t) => t.weeks.some((w) => w.withheld)) ?? false;
  return (
    <section className="panel" aria-labelledby="pulses-title">
      <div className="panel-head">
        <h2 id="pulses-title">Pulses</h2>
        <span className="muted small">weekly average, 1–5</span>
      </div>
      {error ? (
        <p className="form-error" role="alert">
          Pulses could not be loaded: {error}{' '}
          <button type="button" className="link-button" onClick={() => void reload()}>
            Try again
          </button>
        </p>
      ) : !trends ? (
        <p className="loading" role="status">
          Loading pulses…
        </p>
      ) : chart ? (
        <LineChart
          days={chart.days}
          series={chart.series}
          label={chart.label}
          height={180}
          yMin={0}
          yMax={5}
        />
      ) : (
        <p className="empty muted">
          No pulse in these weeks yet. Rate morale, customer delight and clarity from 1 to 5 once a
          week: numbers tell what moved, pulses tell how it feels.
        </p>
      )}
      {withheld ? (
        <p className="muted small">Weeks with answers from fewer than 3 people stay hidden.</p>
      ) : null}
      <PulseForm onRecorded={() => void reload()} />
    </section>
  );
}

function PulseForm({ onRecorded }: { onRecorded: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const kind = String(form.get('kind')) as Kind;
    const value = Number(form.get('value'));
    if (!value) {
      setError(
        new ApiError(400, 'validation', 'Pick a level.', [
          { path: 'value', message: 'Pick a level from 1 to 5' },
        ]),
      );
      return;
    }
    setBusy(true);
    try {
      await call(api.recordPulse, { kind, value });
      setError(null);
      formEl.reset();
      notify(`${KINDS.find((k) => k.kind === kind)?.label ?? 'Pulse'} recorded: ${value} of 5.`);
      onRecorded();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const valueError = error?.field('value');
  return (
    <form
      className="pulse-form"
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-label="Record a pulse"
    >
      <div className="field">
        <label htmlFor="pulse-kind">Pulse</label>
        <select id="pulse-kind" name="kind" defaultValue="morale">
          {KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="levels" aria-describedby={valueError ? 'pulse-value-error' : undefined}>
        <legend>How is it this week?</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="level">
            <input type="radio" name="value" value={n} />
            <span>{n}</span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className="button" disabled={busy}>
        Record
      </button>
      {valueError ? (
        <small id="pulse-value-error" className="field-error" role="alert">
          {valueError}
        </small>
      ) : error ? (
        <p className="form-error" role="alert">
          {error.message}
        </p>
      ) : null}
    </form>
  );
}
