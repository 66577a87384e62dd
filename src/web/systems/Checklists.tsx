import { useCallback, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiError, call, callAll } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { notify } from '../ui/notify.js';
import {
  asApiError,
  generalMessage,
  messageOf,
  plural,
  type ChecklistItem,
  type RunDetail,
} from './util.js';

/** Checklists run again and again: start a run, tick its items, complete it. */
export function Checklists({ onCelebrate }: { onCelebrate: (text: string) => void }) {
  const [lists, setLists] = useState<ChecklistItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [run, setRun] = useState<RunDetail | null>(null);

  const load = useCallback(async (): Promise<void> => {
    try {
      setLists(await callAll(api.listChecklists, {}));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const openRun = async (runId: string): Promise<void> => {
    try {
      setRun(await call(api.showChecklistRun, { runId }));
    } catch (e) {
      notify(`Could not open the run: ${messageOf(e)}`, 'error');
    }
  };

  const start = async (list: ChecklistItem, label: string): Promise<void> => {
    try {
      const started = await call(api.startChecklistRun, { checklistId: list.id, label });
      setRun(started);
      void load();
    } catch (e) {
      notify(`Could not start “${list.name}”: ${messageOf(e)}`, 'error');
    }
  };

  return (
    <section className="panel" aria-labelledby="checklists-title">
      <div className="panel-head">
        <h2 id="checklists-title">Checklists</h2>
        {lists ? <span className="muted small">{plural(lists.length, 'checklist')}</span> : null}
      </div>
      {error && !lists ? (
        <div className="error-state" role="alert">
          <p>Checklists could not be loaded: {error}</p>
          <button type="button" className="button" onClick={() => void load()}>
            Try again
          </button>
        </div>
      ) : !lists ? (
        <p className="loading" role="status">
          Loading checklists…
        </p>
      ) : lists.length === 0 ? (
        <div className="empty">
          <p>No checklist yet.</p>
          <p className="muted">
            Anything you do more than twice (a launch, a weekly send-out, an onboarding call)
            deserves one: create it below, then run it each time.
          </p>
        </div>
      ) : (
        <ul className="cards" aria-label="Checklists">
          {lists.map((l) => (
            <ChecklistCard
              key={l.id}
              list={l}
              onStart={(label) => void start(l, label)}
              onOpen={(id) => void openRun(id)}
            />
          ))}
        </ul>
      )}
      {run ? (
        <RunPanel
          run={run}
          onChange={setRun}
          onClose={() => setRun(null)}
          onCompleted={(r) => {
            onCelebrate(`“${r.checklist.name}” run complete.`);
            setRun(null);
            void load();
          }}
        />
      ) : null}
      <NewChecklist onCreated={() => void load()} />
    </section>
  );
}

function ChecklistCard({
  list,
  onStart,
  onOpen,
}: {
  list: ChecklistItem;
  onStart: (label: string) => void;
  onOpen: (runId: string) => void;
}) {
  const id = useId();
  const [label, setLabel] = useState('');
  return (
    <li className="card item-card" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`} className="card-title">
        {list.name}
      </h3>
      {list.description ? <p className="muted small">{list.description}</p> : null}
      <p className="small">
        {plural(list.items.length, 'item')} · run {list.runs} time{list.runs === 1 ? '' : 's'}
      </p>
      {list.openRuns.length > 0 ? (
        <ul className="plain-list small" aria-label={`Open runs of ${list.name}`}>
          {list.openRuns.map((r) => (
            <li key={r.id}>
              <button type="button" className="link-button" onClick={() => onOpen(r.id)}>
                Continue {r.label ? `“${r.label}”` : `the run started ${r.startedAt.slice(0, 10)}`}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form
        className="start-run"
        onSubmit={(e) => {
          e.preventDefault();
          onStart(label);
          setLabel('');
        }}
      >
        <label className="visually-hidden" htmlFor={`${id}-label`}>
          Label for the new run of {list.name}
        </label>
        <input
          id={`${id}-label`}
          className="value-input"
          placeholder="Label (optional)"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
        />
        <button type="submit" className="button small" aria-label={`Start a run of ${list.name}`}>
          Start a run
        </button>
      </form>
    </li>
  );
}

function RunPanel({
  run,
  onChange,
  onClose,
  onCompleted,
}: {
  run: RunDetail;
  onChange: (r: RunDetail) => void;
  onClose: () => void;
  onCompleted: (r: RunDetail) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [unticked, setUnticked] = useState<string | null>(null);
  const current = useRef(run);
  current.current = run;
  useEffect(() => heading.current?.focus(), [run.run.id]);

  const tick = async (itemId: string): Promise<void> => {
    const before = current.current;
    // Optimistic: the tick shows at once, and is taken back if the server refuses it.
    onChange({
      ...before,
      checked: before.checked + 1,
      items: before.items.map((i) =>
        i.id === itemId ? { ...i, checkedAt: new Date().toISOString() } : i,
      ),
    });
    try {
      onChange(await call(api.checkChecklistItem, { runId: before.run.id, itemId }));
    } catch (e) {
      onChange(before);
      notify(`Could not tick the item: ${messageOf(e)}`, 'error');
    }
  };

  const complete = async (force: boolean): Promise<void> => {
    try {
      const done = await call(api.completeChecklistRun, { runId: run.run.id, force });
      setUnticked(null);
      onCompleted(done);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) setUnticked(e.message);
      else notify(`Could not complete the run: ${messageOf(e)}`, 'error');
    }
  };

  const title = `${run.checklist.name}${run.run.label ? `: ${run.run.label}` : ''}`;
  return (
    <section className="run-panel" aria-labelledby="run-title" data-testid="checklist-run">
      <div className="panel-head">
        <h3 id="run-title" ref={heading} tabIndex={-1}>
          Run of {title}
        </h3>
        <span className="muted small" aria-live="polite">
          {run.checked} of {run.total} ticked
        </span>
      </div>
      <div
        className="meter wide"
        role="progressbar"
        aria-label={`Progress of ${title}`}
        aria-valuemin={0}
        aria-valuemax={run.total}
        aria-valuenow={run.checked}
      >
        <span style={{ width: `${(run.checked / Math.max(run.total, 1)) * 100}%` }} />
      </div>
      <ul className="run-items">
        {run.items.map((item) => (
          <li key={item.id}>
            <label className={item.checkedAt ? 'ticked' : ''}>
              <input
                type="checkbox"
                checked={item.checkedAt !== null}
                disabled={item.checkedAt !== null}
                onChange={() => void tick(item.id)}
              />
              <span>
                {item.position}. {item.text}
              </span>
            </label>
          </li>
        ))}
      </ul>
      {unticked ? (
        <div className="callout" role="alert">
          <p>{unticked}</p>
          <button type="button" className="button small" onClick={() => void complete(true)}>
            Complete anyway
          </button>
        </div>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose}>
          Close
        </button>
        <button type="button" className="button primary" onClick={() => void complete(false)}>
          Complete run
        </button>
      </div>
    </section>
  );
}

function NewChecklist({ onCreated }: { onCreated: () => void }) {
  const id = useId();
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const f = new FormData(formEl);
    const items = String(f.get('items') ?? '')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      const created = await call(api.createChecklist, {
        name: String(f.get('name') ?? ''),
        description: String(f.get('description') ?? ''),
        items,
      });
      setError(null);
      formEl.reset();
      notify(`Checklist “${created.name}” created with ${plural(created.items.length, 'item')}.`);
      onCreated();
    } catch (e) {
      setError(asApiError(e));
    }
  };
  const itemsError = error?.field('items');
  const general = generalMessage(error, ['name', 'description', 'items']);
  return (
    <details className="create">
      <summary>New checklist</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Field
          label="Checklist name"
          name="name"
          placeholder="Launch"
          error={error?.field('name')}
        />
        <Field label="Description" name="description" error={error?.field('description')} />
        <div className="field">
          <label htmlFor={`${id}-items`}>Items, one per line</label>
          <textarea
            id={`${id}-items`}
            name="items"
            rows={4}
            aria-invalid={itemsError ? true : undefined}
            aria-describedby={itemsError ? `${id}-items-error` : undefined}
            placeholder={'Write the announcement\nSend it to the list\nPost in the community'}
          />
          {itemsError ? (
            <small id={`${id}-items-error`} className="field-error" role="alert">
              {itemsError}
            </small>
          ) : null}
        </div>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
        <button type="submit" className="button">
          Create checklist
        </button>
      </form>
    </details>
  );
}
