import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, call, callAll, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';

type Decision = Output<typeof api.listDecisions>;

/** Decision records: how the team decides, so newcomers learn it by reading. */
export function Decisions({ version, canWrite }: { version: number; canWrite: boolean }) {
  const [list, setList] = useState<Decision[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    callAll(api.listDecisions, {}).then(
      (d) => {
        setList(d);
        setLoadError(null);
      },
      (e: unknown) => setLoadError(e instanceof Error ? e.message : String(e)),
    );
  }, [version]);

  const create = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const text = (name: string) => String(data.get(name) ?? '');
    try {
      const made = await call(api.createDecision, { title: text('title'), context: text('context'), decision: text('decision'), reasoning: text('reasoning') });
      setList((l) => [made, ...(l ?? []).filter((d) => d.id !== made.id)]);
      form.reset();
      setError(null);
      setAdding(false);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
    }
  };

  const field = (name: string, label: string, multiline = false) => {
    const message = error?.field(name);
    const id = `decision-${name}`;
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        {multiline ? (
          <textarea id={id} name={name} rows={2} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} />
        ) : (
          <input id={id} name={name} autoComplete="off" aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} />
        )}
        {message ? (
          <p id={`${id}-error`} className="form-error">
            {message}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <section className="panel" aria-labelledby="decisions-title">
      <h2 id="decisions-title">Decision records</h2>
      {canWrite && !adding ? (
        <button type="button" className="button small" onClick={() => setAdding(true)}>
          Record a decision
        </button>
      ) : null}
      {adding ? (
        <form className="decision-form" onSubmit={(e) => void create(e)} noValidate>
          {field('title', 'Title')}
          {field('context', 'Context', true)}
          {field('decision', 'Decision', true)}
          {field('reasoning', 'Reasoning', true)}
          <div className="feed-share-row">
            <button type="submit" className="button primary small">
              Save decision
            </button>
            <button type="button" className="button small" onClick={() => setAdding(false)}>
              Cancel
            </button>
          </div>
          {error && error.details.length === 0 ? (
            <p className="form-error" role="alert">
              {error.message}
            </p>
          ) : null}
        </form>
      ) : null}
      {loadError ? (
        <p className="form-error" role="alert">
          Decision records could not be loaded: {loadError}
        </p>
      ) : null}
      {list?.length === 0 ? <p className="empty muted">No decisions recorded yet. Write down the next one: what you decided, and why.</p> : null}
      {list && list.length > 0 ? (
        <ul className="plain-list decision-list" aria-label="Decision records">
          {list.map((d) => (
            <li key={d.id}>
              <details>
                <summary>
                  <strong>{d.title}</strong>: {d.decision}
                </summary>
                {d.context ? <p>Context: {d.context}</p> : null}
                {d.reasoning ? <p>Why: {d.reasoning}</p> : null}
                <p className="muted small">
                  {d.createdBy.name} · {d.createdAt.slice(0, 10)}
                  {d.goal ? ` · ${d.goal.title}` : ''}
                </p>
              </details>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
