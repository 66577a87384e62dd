import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { notify } from '../ui/notify.js';
import {
  asApiError,
  DECISIONS,
  generalMessage,
  messageOf,
  pct,
  shortDay,
  signed,
  signedPct,
  type ExperimentDetail as Detail,
  type Stats,
  type Variant,
} from './util.js';
import { TextAreaField } from '../ui/Field.js';

const VERDICT = {
  better: 'Better',
  worse: 'Worse',
  unclear: 'Unclear so far',
} as const;

/** One experiment: its variants and counts, the statistics, and the result with a decision. */
export function ExperimentDetail({
  experimentId,
  onChanged,
  onCelebrate,
}: {
  experimentId: string;
  onChanged: () => void;
  onCelebrate: (text: string) => void;
}) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [stats, setStats] = useState<Stats | null>(null);
  const [error, setError] = useState<string | null>(null);
  const current = useRef<Detail | null>(null);
  current.current = detail;

  const load = useCallback(async (): Promise<void> => {
    try {
      const [d, s] = await Promise.all([
        call(api.showExperiment, { experimentId }),
        call(api.experimentStats, { experimentId }),
      ]);
      setDetail(d);
      setStats(s);
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, [experimentId]);
  useEffect(() => {
    void load();
  }, [load]);

  /** Add counts at once; take them back if the server refuses. */
  const record = async (variant: Variant, trials: number, successes: number): Promise<boolean> => {
    const before = current.current;
    if (!before) return false;
    setDetail({
      ...before,
      variants: before.variants.map((v) => {
        if (v.id !== variant.id) return v;
        const t = v.trials + trials;
        const s = v.successes + successes;
        return { ...v, trials: t, successes: s, rate: t > 0 ? s / t : null };
      }),
    });
    try {
      await call(api.recordVariantCounts, {
        experimentId,
        variant: variant.name,
        trials,
        successes,
      });
      void load();
      onChanged();
      return true;
    } catch (e) {
      setDetail(before);
      throw e;
    }
  };

  if (error && !detail)
    return (
      <div className="error-state" role="alert">
        <p>The experiment could not be loaded: {error}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  if (!detail)
    return (
      <p className="loading" role="status">
        Loading the experiment…
      </p>
    );

  const done = detail.status === 'done';
  return (
    <article
      className="experiment-detail"
      aria-labelledby="experiment-title"
      data-testid="experiment-detail"
    >
      <header>
        <h2 id="experiment-title">{detail.title}</h2>
        <p className="muted small">
          {shortDay(detail.startDay)} – {shortDay(detail.endDay)} ·{' '}
          <span className={`badge status-${detail.status}`}>{detail.status}</span>
          {detail.overdue ? (
            <span className="badge overdue"> overdue: record the result</span>
          ) : null}
          {detail.goal ? ` · Goal: ${detail.goal.title}` : ''}
          {detail.metric ? ` · Metric: ${detail.metric.name}` : ''}
        </p>
      </header>
      <dl className="premise">
        <div>
          <dt>Assumption</dt>
          <dd>{detail.assumption}</dd>
        </div>
        <div>
          <dt>Hypothesis</dt>
          <dd>{detail.hypothesis}</dd>
        </div>
      </dl>

      {detail.variants.length > 0 ? (
        <section aria-labelledby="variants-title">
          <h3 id="variants-title">Variants</h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="variants-title">
            <table className="variants">
              <thead>
                <tr>
                  <th scope="col">Variant</th>
                  <th scope="col">Trials</th>
                  <th scope="col">Successes</th>
                  <th scope="col">Rate</th>
                  {!done ? <th scope="col">Add counts</th> : null}
                </tr>
              </thead>
              <tbody>
                {detail.variants.map((v, i) => (
                  <tr key={v.id}>
                    <th scope="row">
                      {v.name}
                      {i === 0 ? <span className="muted small"> (control)</span> : null}
                      {detail.leader === v.name ? (
                        <span className="badge leader">leading</span>
                      ) : null}
                    </th>
                    <td>{v.trials}</td>
                    <td>{v.successes}</td>
                    <td>{v.rate === null ? '—' : pct(v.rate, 1)}</td>
                    {!done ? (
                      <td>
                        <CountsForm variant={v} onRecord={record} />
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}

      <StatsPanel stats={stats} hasVariants={detail.variants.length > 0} />

      {done ? (
        <section className="result" aria-labelledby="result-title">
          <h3 id="result-title">Result</h3>
          <p>{detail.result}</p>
          {detail.decision ? (
            <p>
              Decision:{' '}
              <strong className={`decision decision-${detail.decision}`}>
                {DECISIONS[detail.decision]}
              </strong>
            </p>
          ) : null}
        </section>
      ) : (
        <Conclude
          experimentId={experimentId}
          onDone={(decision) => {
            onCelebrate(
              decision === 'scale'
                ? 'Result recorded. Time to scale it!'
                : 'Result recorded: every result teaches something.',
            );
            void load();
            onChanged();
          }}
        />
      )}

      {detail.feedback.length > 0 || detail.lessons.length > 0 ? (
        <section aria-labelledby="linked-title">
          <h3 id="linked-title">Linked feedback and lessons</h3>
          <ul className="plain-list">
            {detail.feedback.map((f) => (
              <li key={f.id}>
                <span className="badge">{f.source}</span> {f.content}{' '}
                <span className="muted small">{shortDay(f.day)}</span>
              </li>
            ))}
            {detail.lessons.map((l) => (
              <li key={l.id}>
                <span className="badge">lesson</span> {l.title}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </article>
  );
}

function CountsForm({
  variant,
  onRecord,
}: {
  variant: Variant;
  onRecord: (v: Variant, trials: number, successes: number) => Promise<boolean>;
}) {
  const id = useId();
  const [trials, setTrials] = useState('');
  const [successes, setSuccesses] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const t = trials === '' ? 0 : Number(trials);
    const s = successes === '' ? 0 : Number(successes);
    try {
      await onRecord(variant, t, s);
      setTrials('');
      setSuccesses('');
      setError(null);
    } catch (e) {
      const failure = asApiError(e);
      setError(failure.details[0]?.message ?? failure.message);
    }
  };
  return (
    <form className="counts-form" onSubmit={(e) => void submit(e)} noValidate>
      <label className="visually-hidden" htmlFor={`${id}-t`}>
        Trials to add to {variant.name}
      </label>
      <input
        id={`${id}-t`}
        className="value-input"
        type="number"
        min={0}
        inputMode="numeric"
        placeholder="trials"
        value={trials}
        onChange={(e) => setTrials(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
      />
      <label className="visually-hidden" htmlFor={`${id}-s`}>
        Successes to add to {variant.name}
      </label>
      <input
        id={`${id}-s`}
        className="value-input"
        type="number"
        min={0}
        inputMode="numeric"
        placeholder="successes"
        value={successes}
        onChange={(e) => setSuccesses(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
      />
      <button type="submit" className="button small" aria-label={`Add counts to ${variant.name}`}>
        Add
      </button>
      {error ? (
        <small id={`${id}-err`} className="field-error" role="alert">
          {error}
        </small>
      ) : null}
    </form>
  );
}

/** Where the lift's interval lies against zero: a bar from low to high, the median marked. */
function IntervalBar({ low, mid, high }: { low: number; mid: number; high: number }) {
  const span = Math.max(Math.abs(low), Math.abs(high), 0.01);
  const at = (v: number): string => `${50 + (v / span) * 48}%`;
  return (
    <span className="interval" aria-hidden="true">
      <span className="interval-zero" />
      <span
        className={`interval-range ${low > 0 ? 'pos' : high < 0 ? 'neg' : ''}`}
        style={{ left: at(low), width: `calc(${at(high)} - ${at(low)})` }}
      />
      <span className="interval-mid" style={{ left: at(mid) }} />
    </span>
  );
}

function StatsPanel({ stats, hasVariants }: { stats: Stats | null; hasVariants: boolean }) {
  if (!stats)
    return (
      <p className="loading" role="status">
        Working out the statistics…
      </p>
    );
  const v = stats.variants;
  const m = stats.metric;
  return (
    <section className="stats" aria-labelledby="stats-title" data-testid="experiment-stats">
      <h3 id="stats-title">What the data says</h3>
      {hasVariants && v?.status === 'not_enough_data' ? (
        <p className="callout" data-testid="not-enough-variants">
          {v.message}
        </p>
      ) : null}
      {v?.status === 'ok' ? (
        <ul className="comparisons">
          {v.comparisons.map((c) => (
            <li key={c.variant} className={`comparison verdict-${c.verdict}`}>
              <p className="big-number">
                <strong>{pct(c.probabilityBetter)}</strong> chance that {c.variant} beats{' '}
                {c.control}
              </p>
              {c.lift ? (
                <p>
                  Lift {signedPct(c.lift.median)}{' '}
                  <span className="muted">
                    (95% interval {signedPct(c.lift.low)} to {signedPct(c.lift.high)})
                  </span>
                  <IntervalBar low={c.lift.low} mid={c.lift.median} high={c.lift.high} />
                </p>
              ) : (
                <p className="muted">No lift yet: {c.control} has no success to compare with.</p>
              )}
              <p>
                Verdict: <strong>{VERDICT[c.verdict]}</strong>
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {m?.status === 'not_enough_data' ? (
        <p className="callout" data-testid="not-enough-metric">
          <strong>{m.name}:</strong> {m.message}
        </p>
      ) : null}
      {m?.status === 'ok' ? (
        <div className={`comparison verdict-${m.verdict}`}>
          <p className="big-number">
            <strong>{signed(m.difference, m.unit)}</strong> {m.name} during the experiment
          </p>
          <p>
            Mean {Math.round(m.before.mean * 100) / 100} before ({m.before.count} measurements,{' '}
            {shortDay(m.beforeDays.from)} – {shortDay(m.beforeDays.to)}),{' '}
            {Math.round(m.during.mean * 100) / 100} during ({m.during.count}).{' '}
            <span className="muted">
              95% interval {signed(m.low, m.unit)} to {signed(m.high, m.unit)}.
            </span>
          </p>
          <p>
            Verdict: <strong>{VERDICT[m.verdict]}</strong>
          </p>
        </div>
      ) : null}
      {!v && !m ? (
        <p className="muted">
          This experiment has no variants and no metric, so there is nothing to compute: judge it by
          what you saw, and record the result below.
        </p>
      ) : null}
    </section>
  );
}

function Conclude({
  experimentId,
  onDone,
}: {
  experimentId: string;
  onDone: (decision: keyof typeof DECISIONS) => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const decision = String(f.get('decision') ?? '') as keyof typeof DECISIONS;
    setBusy(true);
    try {
      await call(api.concludeExperiment, {
        experimentId,
        result: String(f.get('result') ?? ''),
        decision,
      });
      setError(null);
      notify('Result recorded.');
      onDone(decision);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const decisionError = error?.field('decision');
  const general = generalMessage(error, ['result', 'decision']);
  return (
    <section className="conclude" aria-labelledby="conclude-title">
      <h3 id="conclude-title">Conclude</h3>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          rows={2}
          label="What did it show?"
          name="result"
          placeholder="Short email: 18% finished onboarding against 11%."
          hint="A failure is a result too: write what you learned."
          error={error?.field('result')}
        />
        <fieldset
          className="decision-picker"
          aria-describedby={decisionError ? 'decision-error' : undefined}
        >
          <legend>Decision</legend>
          {(Object.keys(DECISIONS) as (keyof typeof DECISIONS)[]).map((d) => (
            <label key={d} className="chip-check">
              <input type="radio" name="decision" value={d} />
              <span>{DECISIONS[d]}</span>
            </label>
          ))}
          {decisionError ? (
            <small id="decision-error" className="field-error" role="alert">
              {decisionError}
            </small>
          ) : null}
        </fieldset>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
        <button type="submit" className="button primary" disabled={busy}>
          Record result
        </button>
      </form>
    </section>
  );
}
