import { useEffect, useState } from 'react';
import { callAll, call, type Output, ApiError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { navigate } from '../app/router.js';
import { useSession } from '../app/session.js';

type Playbook = Output<typeof api.listPlaybooks>;

const count = (n: number, one: string): string => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "the checklist “Welcome a new volunteer” and the template “Neighbour meetup”", or null. */
function systemsText(p: Playbook): string | null {
  const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');
  const parts = [
    p.body.checklists.length > 0
      ? `the ${p.body.checklists.length === 1 ? 'checklist' : 'checklists'} ${quoted(p.body.checklists.map((c) => c.name))}`
      : null,
    p.body.templates.length > 0
      ? `the ${p.body.templates.length === 1 ? 'template' : 'templates'} ${quoted(p.body.templates.map((t) => t.name))}`
      : null,
  ].filter((x): x is string => x !== null);
  return parts.length > 0 ? parts.join(' and ') : null;
}

/** After sign-up: start from a playbook (a goal, its metric, micro-goals, routines, checklists and templates) or blank. */
export default function Onboarding() {
  const { me } = useSession();
  const [playbooks, setPlaybooks] = useState<Playbook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [applying, setApplying] = useState<string | null>(null);

  useEffect(() => {
    callAll(api.listPlaybooks, {})
      .then(setPlaybooks)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);

  const apply = async (key: string): Promise<void> => {
    setApplying(key);
    setError(null);
    try {
      await call(api.applyPlaybook, { key });
      navigate('/today');
    } catch (e) {
      setError(e instanceof ApiError ? e.message : String(e));
      setApplying(null);
    }
  };

  return (
    <main className="onboarding" id="main">
      <p className="brand">Small Wins</p>
      <h1>Welcome, {me.user.name}. Where do you want to start?</h1>
      <p className="lead">
        A playbook sets up a goal with the one metric that matters, this week&apos;s micro-goals and
        a couple of routines; some also bring a checklist or a template your team repeats. You can
        change all of it later.
      </p>
      {error ? (
        <p className="form-error" role="alert">
          {error}
        </p>
      ) : null}
      {playbooks === null && !error ? (
        <p className="loading" role="status">
          Loading playbooks…
        </p>
      ) : null}
      <ul className="playbooks">
        {playbooks?.map((p) => {
          const systems = systemsText(p);
          return (
            <li key={p.key} className="card playbook">
              <h2>{p.name}</h2>
              {p.builtIn ? null : <p className="muted small">Saved in this workspace</p>}
              <p>{p.description}</p>
              <p className="muted small">
                Metric: {p.body.primaryMetric.name} · {count(p.body.routines.length, 'routine')} ·{' '}
                {count(p.body.microGoals.length, 'micro-goal')} this week
              </p>
              {systems ? <p className="small">Brings {systems}.</p> : null}
              <button
                type="button"
                className="button primary"
                disabled={applying !== null}
                onClick={() => void apply(p.key)}
              >
                {applying === p.key ? 'Setting up…' : 'Start with this'}
                <span className="visually-hidden"> for {p.name}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p>
        <button type="button" className="button" onClick={() => navigate('/today')}>
          Start blank
        </button>{' '}
        <span className="muted">and plan your first task on Today.</span>
      </p>
    </main>
  );
}
