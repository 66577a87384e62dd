import type { Output } from '../api/client.js';
import type { api } from '../api/endpoints.js';

export type Report = Output<typeof api.weeklyReport>['report'];

const ROAD: Record<Report['metrics'][number]['road']['status'], string> = {
  reached: 'Target reached',
  ahead: 'Ahead of the line',
  on_track: 'On track',
  behind: 'Behind the line',
  no_target: 'No target set',
  no_data: 'No data yet',
};
const MG_STATUS = { planned: 'Open', done: 'Done', dropped: 'Dropped' } as const;
const PULSE_NAMES = {
  morale: 'Morale',
  delight: 'Customer delight',
  clarity: 'Clarity of vision',
  custom: '',
} as const;

function pulseName(p: Report['pulses'][number]): string {
  return p.kind === 'custom' ? p.question : PULSE_NAMES[p.kind];
}

function kudosCount(n: number): string {
  return `${n} kudos`;
}

/** Kudos given in the week: the total, the wins that got the most, and who gave them, by name. */
function KudosSection({ kudos }: { kudos: NonNullable<Report['kudos']> }) {
  return (
    <section aria-labelledby="rep-kudos" data-testid="report-kudos">
      <h3 id="rep-kudos">Kudos</h3>
      {kudos.total === 0 ? (
        <p className="muted">No kudos given this week.</p>
      ) : (
        <>
          <p>
            <strong>{kudosCount(kudos.total)}</strong> given this week{' '}
            <span className="muted small">
              by {kudos.givers.length} {kudos.givers.length === 1 ? 'person' : 'people'}
            </span>
          </p>
          <div className="report-two">
            <div>
              <h4 id="rep-kudos-wins">Most kudos</h4>
              <ol className="plain-list report-wins" aria-labelledby="rep-kudos-wins">
                {kudos.topWins.map((w, i) => (
                  <li key={`${i}-${w.title}`}>
                    <span aria-hidden="true">★ </span>
                    {w.title}{' '}
                    <span className="muted small">
                      {kudosCount(w.count)} · by {w.by} · {day(w.day)}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
            <div>
              <h4 id="rep-kudos-givers">Who appreciated others</h4>
              <ul className="plain-list" aria-labelledby="rep-kudos-givers">
                {kudos.givers.map((g, i) => (
                  <li key={`${i}-${g.name}`}>
                    {g.name} <span className="muted small">gave {kudosCount(g.count)}</span>
                  </li>
                ))}
              </ul>
            </div>
          </div>
        </>
      )}
    </section>
  );
}

export function weekLabel(week: string): string {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  return m ? `Week ${Number(m[2])}, ${m[1]}` : week;
}

function day(d: string): string {
  const [y, m, dd] = d.split('-').map(Number) as [number, number, number];
  return new Intl.DateTimeFormat(undefined, {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(y, m - 1, dd)));
}

function num(n: number | null, unit = ''): string {
  if (n === null) return '–';
  const v = Number(n.toFixed(2));
  return unit ? `${v} ${unit}` : String(v);
}

function signed(n: number): string {
  const v = Number(n.toFixed(2));
  return `${v > 0 ? '+' : ''}${v}`;
}

/** The weekly report as a page: results, goals, wins, kudos (team), lessons, metrics, pulses and next week. */
export function ReportPage({ report: r }: { report: Report }) {
  const res = r.results;
  const checkIns = res.routines.done + res.routines.minimum;
  return (
    <article className="report panel" aria-labelledby="report-title" data-testid="report">
      <header className="report-head">
        <h2 id="report-title">
          {r.subject}: {weekLabel(r.week)}
        </h2>
        <p className="muted">
          {day(r.from)} – {day(r.to)} · {r.scope === 'team' ? 'the whole team' : 'personal report'}
        </p>
      </header>
      {r.plan || r.result ? (
        <div className="report-texts">
          {r.plan ? (
            <p>
              <strong>Plan:</strong> {r.plan}
            </p>
          ) : null}
          {r.result ? (
            <p>
              <strong>Result:</strong> {r.result}
            </p>
          ) : null}
        </div>
      ) : null}

      <section aria-labelledby="rep-results">
        <h3 id="rep-results">Results</h3>
        <dl className="report-stats">
          <div>
            <dt>Micro-goals</dt>
            <dd>
              {res.microGoals.done} of {res.microGoals.planned} done
            </dd>
          </div>
          <div>
            <dt>Tasks</dt>
            <dd>
              {res.tasks.done} of {res.tasks.planned} done
            </dd>
          </div>
          <div>
            <dt>Focused minutes</dt>
            <dd>{res.tasks.minutesDone}</dd>
          </div>
          <div>
            <dt>Routine check-ins</dt>
            <dd>
              {checkIns} ({res.routines.missed} missed)
            </dd>
          </div>
          <div>
            <dt>Momentum</dt>
            <dd>
              {Math.round(res.momentum.average * 100)}%{' '}
              <span className="muted small">({signed(res.momentum.change * 100)} pts)</span>
            </dd>
          </div>
        </dl>
        {res.routines.mostMissed.length > 0 || r.hardestWeekday ? (
          <p className="small muted">
            {res.routines.mostMissed.length > 0
              ? `Most missed: ${res.routines.mostMissed.map((m) => `${m.name} (${m.misses})`).join(', ')}. `
              : ''}
            {r.hardestWeekday
              ? `Hardest day: ${r.hardestWeekday.name} (${r.hardestWeekday.misses} misses).`
              : ''}
          </p>
        ) : null}
      </section>

      <section aria-labelledby="rep-goals">
        <h3 id="rep-goals">Goals</h3>
        {r.goals.length === 0 ? (
          <p className="muted">No goal had micro-goals this week.</p>
        ) : (
          r.goals.map((g) => (
            <div key={g.title} className="report-goal">
              <p className="report-goal-title">
                <strong>{g.title}</strong>{' '}
                {g.status !== 'active' ? <span className="badge">{g.status}</span> : null}
              </p>
              {g.microGoals.length > 0 ? (
                <ul className="report-mgs">
                  {g.microGoals.map((m) => (
                    <li key={m.title} className={`mg-${m.status}`}>
                      <span className="mg-mark" aria-hidden="true">
                        {m.status === 'done' ? '✓' : m.status === 'dropped' ? '✗' : '○'}
                      </span>{' '}
                      {m.title}{' '}
                      <span className="muted small">
                        {MG_STATUS[m.status]} · {m.tasks.done}/{m.tasks.total} tasks
                      </span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="muted small">No micro-goal this week.</p>
              )}
            </div>
          ))
        )}
      </section>

      <div className="report-two">
        <section aria-labelledby="rep-wins">
          <h3 id="rep-wins">Wins</h3>
          {r.wins.length === 0 ? (
            <p className="muted">
              {r.scope === 'team' ? 'No shared wins this week.' : 'No wins logged this week.'}
            </p>
          ) : (
            <ul className="plain-list report-wins">
              {r.wins.map((w, i) => (
                <li key={`${i}-${w.title}`}>
                  <span aria-hidden="true">★ </span>
                  {w.title}{' '}
                  <span className="muted small">
                    {day(w.day)}
                    {w.by ? ` · ${w.by}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section aria-labelledby="rep-lessons">
          <h3 id="rep-lessons">Lessons</h3>
          {r.lessons.length === 0 ? (
            <p className="muted">No lessons logged this week.</p>
          ) : (
            <ul className="report-lessons">
              {r.lessons.map((l, i) => (
                <li key={`${i}-${l}`}>{l}</li>
              ))}
            </ul>
          )}
        </section>
      </div>

      {r.kudos ? <KudosSection kudos={r.kudos} /> : null}

      <section aria-labelledby="rep-metrics">
        <h3 id="rep-metrics">Metrics</h3>
        {r.metrics.length === 0 ? (
          <p className="muted">No goal has a primary metric yet.</p>
        ) : (
          <div className="table-wrap">
            <table className="report-table">
              <thead>
                <tr>
                  <th scope="col">Metric</th>
                  <th scope="col">This week</th>
                  <th scope="col">Target</th>
                  <th scope="col">Road</th>
                </tr>
              </thead>
              <tbody>
                {r.metrics.map((m) => (
                  <tr key={`${m.goal}-${m.metric}`}>
                    <th scope="row">
                      {m.metric} <span className="muted small">({m.goal})</span>
                    </th>
                    <td>
                      {m.measurements === 0 ? (
                        <span className="muted">not measured</span>
                      ) : (
                        <>
                          {num(m.last, m.unit)}
                          {m.change !== null && m.measurements > 1 ? (
                            <span
                              className={m.improved ? 'up' : m.improved === false ? 'down' : ''}
                            >
                              {' '}
                              ({signed(m.change)})
                            </span>
                          ) : null}
                        </>
                      )}
                    </td>
                    <td>
                      {num(m.road.target, m.unit)}
                      {m.road.targetDate ? (
                        <span className="muted small"> by {day(m.road.targetDate)}</span>
                      ) : null}
                    </td>
                    <td>
                      <span className={`road road-${m.road.status}`}>{ROAD[m.road.status]}</span>
                      {m.road.forecastDay ? (
                        <span className="muted small"> · forecast {day(m.road.forecastDay)}</span>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      {r.pulses.length > 0 ? (
        <section aria-labelledby="rep-pulses">
          <h3 id="rep-pulses">Pulses</h3>
          {r.pulses.some((p) => p.anonymous) ? (
            <p className="muted small">
              Team averages, anonymous: a week fewer than 3 people answered is withheld.
            </p>
          ) : null}
          <ul className="plain-list">
            {r.pulses.map((p) => (
              <li key={`${p.kind}-${p.question}`}>
                <strong>{pulseName(p)}</strong>{' '}
                <span className="muted small">
                  {p.weeks
                    .map(
                      (w) =>
                        `${weekLabel(w.week).replace(/, \d{4}$/, '')}: ${
                          w.withheld ? 'withheld' : w.average === null ? '–' : w.average.toFixed(1)
                        }`,
                    )
                    .join(' · ')}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="rep-next">
        <h3 id="rep-next">Next week ({weekLabel(r.nextWeek.week)})</h3>
        {r.nextWeek.plan ? <p>{r.nextWeek.plan}</p> : null}
        {r.nextWeek.goals.length === 0 && !r.nextWeek.plan ? (
          <p className="muted">Nothing planned yet for next week.</p>
        ) : (
          <ul>
            {r.nextWeek.goals.map((g) => (
              <li key={g.title}>
                <strong>{g.title}</strong>
                {g.microGoals.length > 0 ? `: ${g.microGoals.join(' · ')}` : ''}
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">
          {r.nextWeek.tasks.count} tasks planned ({r.nextWeek.tasks.minutes} minutes)
        </p>
      </section>
    </article>
  );
}
