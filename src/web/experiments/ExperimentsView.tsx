import { useCallback, useEffect, useState } from 'react';
import { ApiError, callAll } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { plainKey, useKeydown } from '../app/shortcuts.js';
import { Celebration } from '../ui/Celebration.js';
import { notify } from '../ui/notify.js';
import { ExperimentDetail } from './ExperimentDetail.js';
import { ExperimentForm } from './ExperimentForm.js';
import { FeedbackLog } from './Feedback.js';
import { DECISIONS, messageOf, shortDay, type ExperimentItem, type GoalItem } from './util.js';
import './experiments.css';

const GROUPS = [
  { status: 'running', title: 'Running' },
  { status: 'planned', title: 'Planned' },
  { status: 'done', title: 'Done' },
] as const;

/** Experiments with their statistics and decisions, and the feedback log that steers them. */
export default function ExperimentsView() {
  const [experiments, setExperiments] = useState<ExperimentItem[] | null>(null);
  const [goals, setGoals] = useState<GoalItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [stamp, setStamp] = useState(0);
  const [burst, setBurst] = useState<{ id: number; text: string } | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      setExperiments(await callAll(api.listExperiments, {}));
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void load();
    callAll(api.listGoals, { status: 'all' }).then(setGoals, () => setGoals([]));
  }, [load]);

  useKeydown(
    useCallback(
      (e: KeyboardEvent) => {
        if (plainKey(e) && !e.defaultPrevented && e.key === 'c' && !creating) {
          e.preventDefault();
          setCreating(true);
        }
      },
      [creating],
    ),
  );

  const selected = experiments?.find((x) => x.id === selectedId) ?? experiments?.[0] ?? null;

  return (
    <section className="view experiments" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Experiments</h1>
          <p className="muted">
            Test one assumption at a time, read what the numbers say, then scale, iterate or stop.
          </p>
        </div>
        <div>
          <button
            type="button"
            className="button primary"
            onClick={() => setCreating(true)}
            aria-keyshortcuts="c"
          >
            New experiment <kbd>c</kbd>
          </button>
        </div>
      </header>
      <Celebration burst={burst} />

      {error && !experiments ? (
        <div className="error-state" role="alert">
          <p>Experiments could not be loaded: {error}</p>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : !experiments ? (
        <p className="loading" role="status">
          Loading experiments…
        </p>
      ) : experiments.length === 0 ? (
        <div className="panel empty-panel">
          <h2>No experiment yet</h2>
          <p className="muted">
            Pick an assumption you are unsure of (“people want a shorter onboarding email”), write
            the hypothesis that would test it, and give it a week or two. Add variants to run an A/B
            test, or a metric to compare before and during.
          </p>
          <button type="button" className="button primary" onClick={() => setCreating(true)}>
            Start your first experiment
          </button>
        </div>
      ) : (
        <div className="experiments-layout">
          <nav className="panel experiment-list" aria-label="Experiments">
            {GROUPS.map((g) => {
              const inGroup = experiments.filter((x) => x.status === g.status);
              if (inGroup.length === 0) return null;
              return (
                <div key={g.status}>
                  <h2 className="group-title">
                    {g.title} <span className="muted small">({inGroup.length})</span>
                  </h2>
                  <ul className="plain-list">
                    {inGroup.map((x) => (
                      <li key={x.id}>
                        <button
                          type="button"
                          className={`experiment-pick ${selected?.id === x.id ? 'selected' : ''}`}
                          aria-current={selected?.id === x.id ? 'true' : undefined}
                          onClick={() => setSelectedId(x.id)}
                        >
                          <span className="row-title">{x.title}</span>
                          <span className="muted small">
                            {shortDay(x.startDay)} – {shortDay(x.endDay)}
                            {x.variants.length > 0
                              ? ` · ${x.variants.map((v) => v.name).join(' vs ')}`
                              : ''}
                          </span>
                          {x.overdue ? <span className="badge overdue">Overdue</span> : null}
                          {x.decision ? (
                            <span className={`badge decision-${x.decision}`}>
                              {DECISIONS[x.decision]}
                            </span>
                          ) : null}
                        </button>
                      </li>
                    ))}
                  </ul>
                </div>
              );
            })}
          </nav>
          <div className="panel">
            {selected ? (
              <ExperimentDetail
                key={`${selected.id}:${stamp}`}
                experimentId={selected.id}
                onChanged={() => void load()}
                onCelebrate={(text) => setBurst((b) => ({ id: (b?.id ?? 0) + 1, text }))}
              />
            ) : null}
          </div>
        </div>
      )}

      <FeedbackLog
        goals={goals}
        experiments={experiments ?? []}
        onAdded={() => setStamp((n) => n + 1)}
      />

      <ExperimentForm
        open={creating}
        goals={goals.filter((g) => g.status === 'active')}
        onClose={() => setCreating(false)}
        onCreated={(x) => {
          setCreating(false);
          setSelectedId(x.id);
          notify(`Experiment “${x.title}” is ${x.status}.`);
          void load();
        }}
      />
    </section>
  );
}
