import type { Output } from '../api/client.js';
import type { api } from '../api/endpoints.js';
import { plural, shortDay } from './journal-util.js';

export type Summary = Output<typeof api.reviewSummary>;

function pct(done: number, planned: number): number {
  return planned > 0 ? Math.round((done / planned) * 100) : 0;
}

function signed(n: number, digits = 1): string {
  const v = Number(n.toFixed(digits));
  return `${v > 0 ? '+' : ''}${v}`;
}

function Meter({ value, label }: { value: number; label: string }) {
  return (
    <div
      className="meter"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={value}
      aria-label={label}
    >
      <span style={{ width: `${value}%` }} />
    </div>
  );
}

function Titles({ titles, label }: { titles: string[]; label: string }) {
  if (titles.length === 0) return null;
  const shown = titles.slice(0, 5);
  return (
    <ul className="plain-list summary-titles" aria-label={label}>
      {shown.map((t, i) => (
        <li key={`${i}-${t}`}>{t}</li>
      ))}
      {titles.length > shown.length ? (
        <li className="muted">and {titles.length - shown.length} more</li>
      ) : null}
    </ul>
  );
}

/** The facts a review opens with: done vs planned, wins, misses, metrics, energy, momentum, patterns. */
export function ReviewSummary({ summary: s }: { summary: Summary }) {
  const tasksPct = pct(s.tasks.done, s.tasks.planned);
  const misses = s.tasks.skipped + s.tasks.carried + s.checkIns.missed + s.checkIns.skipped;
  const patternDays = s.patterns.byWeekday.filter((d) => d.missedCheckIns + d.skippedTasks > 0);
  return (
    <div className="summary-grid" data-testid="review-summary">
      <section className="stat" aria-labelledby="sum-done">
        <h3 id="sum-done">Done vs planned</h3>
        <p className="stat-big">
          {s.tasks.done} of {s.tasks.planned} tasks
        </p>
        <Meter value={tasksPct} label={`Tasks done: ${tasksPct}%`} />
        <p className="muted small">
          {s.microGoals.done} of {s.microGoals.planned} micro-goals done · {s.tasks.minutesDone}{' '}
          minutes of focused work
        </p>
      </section>
      <section className="stat" aria-labelledby="sum-wins">
        <h3 id="sum-wins">Wins</h3>
        <p className="stat-big">{plural(s.wins.count, 'win')}</p>
        {s.wins.count === 0 ? (
          <p className="muted small">None logged: small ones count too.</p>
        ) : (
          <Titles titles={s.wins.titles} label="Wins of the period" />
        )}
      </section>
      <section className="stat" aria-labelledby="sum-misses">
        <h3 id="sum-misses">Misses</h3>
        <p className="stat-big">{misses === 0 ? 'None' : plural(misses, 'miss', 'misses')}</p>
        <p className="muted small">
          {s.tasks.skipped} skipped, {s.tasks.carried} carried and {s.tasks.open} open tasks ·{' '}
          {s.checkIns.missed} missed and {s.checkIns.skipped} skipped check-ins
        </p>
        {s.checkIns.mostMissed.length > 0 ? (
          <p className="small">
            Most missed: {s.checkIns.mostMissed.map((r) => `${r.name} (${r.misses})`).join(', ')}
          </p>
        ) : null}
      </section>
      <section className="stat" aria-labelledby="sum-routines">
        <h3 id="sum-routines">Routines</h3>
        <p className="stat-big">{plural(s.checkIns.done + s.checkIns.minimum, 'check-in')}</p>
        <p className="muted small">
          {s.checkIns.done} done in full, {s.checkIns.minimum} at the minimum version
        </p>
      </section>
      <section className="stat stat-wide" aria-labelledby="sum-metrics">
        <h3 id="sum-metrics">Metric movement</h3>
        {s.metrics.length === 0 ? (
          <p className="muted small">No goal with a metric yet.</p>
        ) : (
          <ul className="plain-list metric-moves">
            {s.metrics.map((m) => (
              <li key={m.metricId}>
                <strong>{m.metric}</strong> <span className="muted">({m.goal})</span>:{' '}
                {m.first && m.last && m.change !== null ? (
                  <>
                    {m.first.value} → {m.last.value} {m.unit}{' '}
                    <span className={m.improved ? 'up' : m.improved === false ? 'down' : ''}>
                      {signed(m.change, 2)}{' '}
                      {m.improved ? '(better)' : m.improved === false ? '(worse)' : ''}
                    </span>
                  </>
                ) : m.last ? (
                  <>
                    {m.last.value} {m.unit} on {shortDay(m.last.day)}
                  </>
                ) : (
                  <span className="muted">no measurement this period</span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="stat" aria-labelledby="sum-energy">
        <h3 id="sum-energy">Energy</h3>
        {s.energy.days === 0 ? (
          <p className="muted small">No energy logged: rate it on Today, it takes a second.</p>
        ) : (
          <>
            <p className="stat-big">
              {s.energy.averageEnergy !== null ? `${s.energy.averageEnergy.toFixed(1)} / 5` : '–'}
            </p>
            <p className="muted small">
              over {plural(s.energy.days, 'day')}
              {s.energy.averageSleepHours !== null
                ? ` · ${s.energy.averageSleepHours.toFixed(1)} h sleep on average`
                : ''}
            </p>
          </>
        )}
      </section>
      <section className="stat" aria-labelledby="sum-momentum">
        <h3 id="sum-momentum">Momentum</h3>
        {s.momentum ? (
          <>
            <p className="stat-big">{Math.round(s.momentum.average * 100)}%</p>
            <p className="muted small">
              {signed(s.momentum.change * 100, 0)} points against the period before
            </p>
          </>
        ) : (
          <p className="muted small">Not measured for this review.</p>
        )}
      </section>
      <section className="stat stat-wide" aria-labelledby="sum-patterns">
        <h3 id="sum-patterns">Patterns</h3>
        {s.patterns.hardestWeekday ? (
          <p>
            <strong>{s.patterns.hardestWeekday.name}</strong> was the hardest day (
            {plural(s.patterns.hardestWeekday.misses, 'miss', 'misses')}).
          </p>
        ) : (
          <p className="muted small">No day stood out: misses were rare or spread evenly.</p>
        )}
        {patternDays.length > 0 ? (
          <p className="muted small">
            {patternDays
              .map(
                (d) =>
                  `${d.name}: ${d.missedCheckIns} missed check-ins, ${d.skippedTasks} skipped tasks`,
              )
              .join(' · ')}
          </p>
        ) : null}
        {s.pulses.length > 0 ? (
          <p className="small">
            Pulses: {s.pulses.map((p) => `${p.question} ${p.average.toFixed(1)}/5`).join(' · ')}
          </p>
        ) : null}
        {s.lessons.count > 0 ? (
          <p className="small">
            Lessons logged: {s.lessons.titles.slice(0, 3).join(' · ')}
            {s.lessons.count > 3 ? ` and ${s.lessons.count - 3} more` : ''}
          </p>
        ) : null}
      </section>
    </div>
  );
}
