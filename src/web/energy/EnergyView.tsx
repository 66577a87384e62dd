import { useMemo, useState, type FormEvent } from 'react';
import { callAll, call, type ApiError, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useSession } from '../app/session.js';
import { Field } from '../ui/Field.js';
import { LineChart, type ChartSeries } from '../ui/LineChart.js';
import {
  addDays,
  asApiError,
  canWrite,
  daysBetween,
  generalError,
  localToday,
  messageOf,
  shortDay,
  useLoad,
  useRole,
} from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import { EnergyInsights } from './EnergyInsights.js';
import { FocusPanel } from './FocusPanel.js';
import './energy.css';

export type EnergyEntry = Output<typeof api.listEnergy>;

const CHART_DAYS = 30;
const LEVEL_WORDS = ['', 'drained', 'low', 'steady', 'good', 'full'];

/** Energy: daily energy and sleep with a chart, focus windows, and how rest relates to output. */
export default function EnergyView() {
  const { me } = useSession();
  const today = localToday(me.user.timeZone, me.user.dayStartHour);
  const from = addDays(today, -(CHART_DAYS - 1));
  const role = useRole();
  const writable = canWrite(role);
  const entries = useLoad(() => callAll(api.listEnergy, { from: addDays(today, -89), to: today }));
  // Each saved entry starts the form afresh (today's values) and reads the insights again.
  const [saved, setSaved] = useState(0);

  if (entries.error && !entries.data) {
    return (
      <section className="view" aria-labelledby="view-title">
        <h1 id="view-title">Energy</h1>
        <div className="error-state" role="alert">
          <p>Your energy entries could not be loaded: {entries.error}</p>
          <button type="button" className="button" onClick={() => void entries.reload()}>
            Try again
          </button>
        </div>
      </section>
    );
  }

  const list = entries.data;
  const todays = list?.find((e) => e.day === today) ?? null;

  /** Show the entry at once; take it back with the reason if the server refuses it. */
  const log = async (input: {
    energy: number;
    sleepHours: number | null;
    note: string;
    day: string;
  }): Promise<ApiError | null> => {
    const before = entries.data;
    const now = new Date().toISOString();
    const pending: EnergyEntry = { id: 'pending', createdAt: now, updatedAt: now, ...input };
    entries.set((l) =>
      [...(l ?? []).filter((e) => e.day !== input.day), pending].sort((a, b) =>
        a.day.localeCompare(b.day),
      ),
    );
    try {
      await call(api.logEnergy, input);
      void entries.reload();
      setSaved((n) => n + 1);
      notify(
        `Energy ${input.energy} logged for ${input.day === today ? 'today' : shortDay(input.day)}.`,
      );
      return null;
    } catch (e) {
      entries.set(before);
      notify(`Could not log your energy: ${messageOf(e)}`, 'error');
      return asApiError(e);
    }
  };

  return (
    <section className="view energy-view" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Energy</h1>
          <p className="muted">
            Energy and rest are part of the work: log them daily, protect deep-work blocks, and see
            how they relate to what gets done.
          </p>
        </div>
      </header>
      <div className="energy-grid">
        <div>
          {writable ? (
            <LogEnergyForm
              key={list === null ? 'loading' : `loaded-${saved}`}
              today={today}
              current={todays}
              onLog={log}
            />
          ) : role === 'viewer' ? (
            <p className="callout">
              You are a viewer in this workspace: energy can be read here, not logged.
            </p>
          ) : null}
          <EnergyChart entries={list} from={from} to={today} />
          <RecentEntries entries={list} />
        </div>
        <div>
          <EnergyInsights version={saved} />
          <FocusPanel today={today} writable={writable} />
        </div>
      </div>
    </section>
  );
}

function LogEnergyForm({
  today,
  current,
  onLog,
}: {
  today: string;
  current: EnergyEntry | null;
  onLog: (input: {
    energy: number;
    sleepHours: number | null;
    note: string;
    day: string;
  }) => Promise<ApiError | null>;
}) {
  const [level, setLevel] = useState<number | null>(current?.energy ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    if (level === null) {
      setMissing(true);
      return;
    }
    const sleep = String(form.get('sleepHours') ?? '').trim();
    setBusy(true);
    const failure = await onLog({
      energy: level,
      sleepHours: sleep === '' ? null : Number(sleep),
      note: String(form.get('note') ?? ''),
      day: String(form.get('day') ?? '') || today,
    });
    setBusy(false);
    setError(failure);
  };
  const general = generalError(error, ['energy', 'sleepHours', 'note', 'day']);
  const levelError =
    missing && level === null ? 'Pick a level from 1 to 5.' : error?.field('energy');
  return (
    <section className="panel" aria-labelledby="log-energy-title">
      <h2 id="log-energy-title">Log energy</h2>
      <form onSubmit={(e) => void submit(e)} noValidate aria-label="Log energy">
        <fieldset
          className="levels"
          aria-describedby={levelError ? 'energy-level-error' : undefined}
        >
          <legend>Energy, 1 (drained) to 5 (full)</legend>
          <div className="level-options">
            {[1, 2, 3, 4, 5].map((n) => (
              <label key={n} className={`level-option ${level === n ? 'selected' : ''}`}>
                <input
                  type="radio"
                  name="energy"
                  value={n}
                  aria-label={`${n} of 5, ${LEVEL_WORDS[n]}`}
                  checked={level === n}
                  onChange={() => setLevel(n)}
                />
                <span className="level-number">{n}</span>
                <span className="level-word">{LEVEL_WORDS[n]}</span>
              </label>
            ))}
          </div>
          {levelError ? (
            <small id="energy-level-error" className="field-error" role="alert">
              {levelError}
            </small>
          ) : null}
        </fieldset>
        <div className="energy-fields">
          <Field
            label="Sleep (hours)"
            name="sleepHours"
            type="number"
            inputMode="decimal"
            step={0.5}
            min={0}
            max={24}
            defaultValue={current?.sleepHours ?? ''}
            error={error?.field('sleepHours')}
          />
          <Field
            label="Day"
            name="day"
            type="date"
            max={today}
            defaultValue={today}
            error={error?.field('day')}
          />
        </div>
        <Field
          label="Note"
          name="note"
          placeholder="e.g. Short night, long walk at lunch"
          defaultValue={current?.note ?? ''}
          error={error?.field('note')}
          autoComplete="off"
        />
        <button className="button primary" type="submit" disabled={busy}>
          {current ? 'Update energy' : 'Log energy'}
        </button>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </section>
  );
}

function EnergyChart({
  entries,
  from,
  to,
}: {
  entries: EnergyEntry[] | null;
  from: string;
  to: string;
}) {
  const days = useMemo(() => daysBetween(from, to), [from, to]);
  const series = useMemo<ChartSeries[]>(() => {
    const byDay = new Map((entries ?? []).map((e) => [e.day, e]));
    return [
      {
        label: 'Energy (1–5)',
        values: days.map((d) => byDay.get(d)?.energy ?? null),
        color: 'var(--accent)',
      },
      {
        label: 'Sleep (hours ÷ 2)',
        values: days.map((d) => {
          const h = byDay.get(d)?.sleepHours;
          return h === null || h === undefined ? null : Math.round((h / 2) * 100) / 100;
        }),
        color: 'var(--focus)',
        dashed: true,
      },
    ];
  }, [entries, days]);
  const inRange = (entries ?? []).filter((e) => e.day >= from && e.day <= to);
  const avg = inRange.length
    ? Math.round((inRange.reduce((s, e) => s + e.energy, 0) / inRange.length) * 10) / 10
    : null;
  const slept = inRange.filter((e) => e.sleepHours !== null);
  const avgSleep = slept.length
    ? Math.round((slept.reduce((s, e) => s + (e.sleepHours ?? 0), 0) / slept.length) * 10) / 10
    : null;
  return (
    <section className="panel" aria-labelledby="energy-chart-title">
      <div className="panel-head">
        <h2 id="energy-chart-title">Last {CHART_DAYS} days</h2>
        {avg !== null ? (
          <span className="muted small" data-testid="energy-average">
            Average energy {avg}
            {avgSleep !== null ? ` · sleep ${avgSleep} h` : ''} · {inRange.length} day
            {inRange.length === 1 ? '' : 's'} logged
          </span>
        ) : null}
      </div>
      {entries === null ? (
        <p className="loading" role="status">
          Loading energy…
        </p>
      ) : inRange.length === 0 ? (
        <div className="empty">
          <p>No energy logged in the last {CHART_DAYS} days.</p>
          <p className="muted">
            Pick a level above once a day (it takes two seconds); the chart and the insights fill in
            as the days add up.
          </p>
        </div>
      ) : (
        <LineChart
          days={days}
          series={series}
          yMin={0}
          yMax={5}
          height={200}
          label={`Energy and sleep over the last ${CHART_DAYS} days: ${inRange.length} days logged, average energy ${avg ?? 'none'} of 5${avgSleep !== null ? `, average sleep ${avgSleep} hours` : ''}.`}
        />
      )}
    </section>
  );
}

function RecentEntries({ entries }: { entries: EnergyEntry[] | null }) {
  if (!entries || entries.length === 0) return null;
  const recent = [...entries].reverse().slice(0, 10);
  return (
    <section className="panel" aria-labelledby="energy-recent-title">
      <h2 id="energy-recent-title">Recent entries</h2>
      <table className="energy-table">
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Energy</th>
            <th scope="col">Sleep</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {recent.map((e) => (
            <tr key={e.day}>
              <td>{shortDay(e.day)}</td>
              <td>
                <span className={`energy-dot level-${e.energy}`} aria-hidden="true" /> {e.energy} of
                5
              </td>
              <td>{e.sleepHours === null ? '—' : `${e.sleepHours} h`}</td>
              <td className="muted">{e.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
