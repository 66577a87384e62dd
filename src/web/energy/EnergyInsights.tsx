import { useEffect, useRef } from 'react';
import { call, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useLoad } from '../ui/life-helpers.js';

type Finding = Output<typeof api.energyInsights>['findings'][number];

const TITLE: Record<Finding['factor'], [string, string]> = {
  sleep: ['Sleep → tasks the same day', 'Sleep → tasks the next day'],
  energy: ['Energy → tasks the same day', 'Energy → tasks the next day'],
};

const fmt = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);
const signed = (n: number): string => (n > 0 ? `+${fmt(n)}` : fmt(n));

/** How sleep and energy relate to tasks finished: plain sentences, effect size, days and interval. */
export function EnergyInsights({ version }: { version: number }) {
  const insights = useLoad(() => call(api.energyInsights, { days: 90 }));
  const seen = useRef(version);
  useEffect(() => {
    if (seen.current === version) return;
    seen.current = version;
    void insights.reload();
  }, [version, insights]);
  const data = insights.data;
  const said = data?.findings.filter((f) => f.verdict !== 'not_enough_data') ?? [];
  return (
    <section className="panel" aria-labelledby="energy-insights-title">
      <div className="panel-head">
        <h2 id="energy-insights-title">Energy and output</h2>
        {data ? (
          <span className="muted small">
            Last 90 days · {data.loggedDays} day{data.loggedDays === 1 ? '' : 's'} logged
          </span>
        ) : null}
      </div>
      {insights.error && !data ? (
        <p className="form-error" role="alert">
          The insights could not be loaded: {insights.error}{' '}
          <button type="button" className="link-button" onClick={() => void insights.reload()}>
            Try again
          </button>
        </p>
      ) : !data ? (
        <p className="loading" role="status">
          Reading your days…
        </p>
      ) : said.length === 0 ? (
        <div className="empty" data-testid="insights-thin">
          <p>
            <strong>Not enough data yet.</strong>
          </p>
          <p className="muted">
            Insights need at least 14 finished days with both an energy entry and tasks, and 5 days
            on each side of a comparison (for example 5 nights of 7+ hours and 5 shorter ones). Keep
            logging: {data.loggedDays} day{data.loggedDays === 1 ? '' : 's'} with energy so far.
          </p>
        </div>
      ) : (
        <ul className="findings" aria-label="Findings">
          {data.findings.map((f) => (
            <FindingItem key={`${f.factor}-${f.lag}`} f={f} />
          ))}
        </ul>
      )}
      <p className="muted small">
        These are associations, not causes: four comparisons are tested at once, so one may look
        clear by chance now and then. Intervals are 95%.
      </p>
    </section>
  );
}

function FindingItem({ f }: { f: Finding }) {
  return (
    <li className={`finding verdict-${f.verdict}`}>
      <h3>{TITLE[f.factor][f.lag]}</h3>
      {f.sentence ? (
        <p>{f.sentence}</p>
      ) : (
        <p className="muted">Not enough data yet ({f.days} days paired).</p>
      )}
      {f.difference !== null && f.lowerBound !== null && f.upperBound !== null ? (
        <dl className="finding-stats">
          <div>
            <dt>Effect</dt>
            <dd>{signed(f.difference)} tasks/day</dd>
          </div>
          <div>
            <dt>95% interval</dt>
            <dd>
              {signed(f.lowerBound)} to {signed(f.upperBound)}
            </dd>
          </div>
          <div>
            <dt>Days</dt>
            <dd>
              {f.days} ({f.high.days} high, {f.low.days} low)
            </dd>
          </div>
        </dl>
      ) : null}
    </li>
  );
}
