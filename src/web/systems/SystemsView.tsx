import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, call, callAll } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { plainKey, useKeydown } from '../app/shortcuts.js';
import { Celebration } from '../ui/Celebration.js';
import { notify } from '../ui/notify.js';
import { Checklists } from './Checklists.js';
import { RoutineDetail } from './RoutineDetail.js';
import { RoutineForm } from './RoutineForm.js';
import { Templates } from './Templates.js';
import {
  describeSchedule,
  describeTarget,
  messageOf,
  type GoalItem,
  type RoutineItem,
} from './util.js';
import './systems.css';

function stateText(r: RoutineItem): string {
  if (r.archivedAt) return 'Archived';
  if (r.state === 'active') return 'Active';
  if (r.state === 'paused') return 'Paused';
  return r.state.charAt(0).toUpperCase() + r.state.slice(1);
}

/** Systems: routines (schedules, streaks, strength, heatmaps, pauses), checklists and templates. */
export default function SystemsView() {
  const [routines, setRoutines] = useState<RoutineItem[] | null>(null);
  const [goals, setGoals] = useState<GoalItem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [showArchived, setShowArchived] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [form, setForm] = useState<{ routine: RoutineItem | null } | null>(null);
  const [stamp, setStamp] = useState(0);
  const [burst, setBurst] = useState<{ id: number; text: string } | null>(null);
  const current = useRef<RoutineItem[] | null>(null);
  current.current = routines;

  const load = useCallback(async (): Promise<void> => {
    try {
      const list = await callAll(api.listRoutines, { includeArchived: showArchived });
      setRoutines(list);
      setError(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) return;
      setError(messageOf(e));
    }
  }, [showArchived]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    callAll(api.listGoals, { status: 'active' }).then(setGoals, () => setGoals([]));
  }, []);

  const celebrate = useCallback(
    (text: string) => setBurst((b) => ({ id: (b?.id ?? 0) + 1, text })),
    [],
  );

  const selected =
    routines?.find((r) => r.id === selectedId) ??
    routines?.find((r) => !r.archivedAt) ??
    routines?.[0] ??
    null;

  /** Archive or restore at once; put it back as it was if the server refuses. */
  const setArchived = async (routine: RoutineItem, archive: boolean): Promise<void> => {
    const before = current.current;
    setRoutines(
      (list) =>
        list
          ?.map((r) =>
            r.id === routine.id
              ? {
                  ...r,
                  archivedAt: archive ? new Date().toISOString() : null,
                  state: archive ? 'archived' : 'active',
                }
              : r,
          )
          .filter((r) => showArchived || !r.archivedAt) ?? null,
    );
    try {
      if (archive) await call(api.archiveRoutine, { routineId: routine.id });
      else await call(api.restoreRoutine, { routineId: routine.id });
      notify(
        archive
          ? `“${routine.name}” archived: it is no longer due; its check-ins are kept.`
          : `“${routine.name}” is back.`,
      );
      void load();
    } catch (e) {
      setRoutines(before);
      notify(
        `Could not ${archive ? 'archive' : 'restore'} “${routine.name}”: ${messageOf(e)}`,
        'error',
      );
    }
  };

  useKeydown(
    useCallback(
      (e: KeyboardEvent) => {
        if (plainKey(e) && !e.defaultPrevented && e.key === 'c' && !e.shiftKey && !form) {
          e.preventDefault();
          setForm({ routine: null });
        }
      },
      [form],
    ),
  );

  return (
    <section className="view systems" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Systems</h1>
          <p className="muted">
            Routines that run without willpower, checklists you repeat, and templates that plan
            tasks for you.
          </p>
        </div>
        <div>
          <button
            type="button"
            className="button primary"
            onClick={() => setForm({ routine: null })}
            aria-keyshortcuts="c"
          >
            New routine <kbd>c</kbd>
          </button>
        </div>
      </header>
      <Celebration burst={burst} />

      <section className="panel" aria-labelledby="routines-title">
        <div className="panel-head">
          <h2 id="routines-title">Routines</h2>
          <label className="small toggle">
            <input
              type="checkbox"
              checked={showArchived}
              onChange={(e) => setShowArchived(e.target.checked)}
            />{' '}
            Show archived
          </label>
        </div>
        {error && !routines ? (
          <div className="error-state" role="alert">
            <p>Routines could not be loaded: {error}</p>
            <button type="button" className="button" onClick={() => void load()}>
              Try again
            </button>
          </div>
        ) : !routines ? (
          <p className="loading" role="status">
            Loading routines…
          </p>
        ) : routines.length === 0 ? (
          <div className="empty">
            <p>No routine yet.</p>
            <p className="muted">
              Systems beat motivation. Start with something small you can do every day, such as
              “Write 200 words”, and give it a minimum version for low-energy days.
            </p>
            <button
              type="button"
              className="button primary"
              onClick={() => setForm({ routine: null })}
            >
              Create your first routine
            </button>
          </div>
        ) : (
          <div className="routines-layout">
            <ul className="routine-list" aria-label="Routines">
              {routines.map((r) => (
                <li
                  key={r.id}
                  className={`routine-item ${selected?.id === r.id ? 'selected' : ''} ${r.archivedAt ? 'archived' : ''}`}
                >
                  <button
                    type="button"
                    className="routine-pick"
                    aria-pressed={selected?.id === r.id}
                    onClick={() => setSelectedId(r.id)}
                  >
                    <span className="row-title">{r.name}</span>
                    <span className="muted small">
                      {describeSchedule(r.schedule)}
                      {r.target ? ` · ${describeTarget(r.target)}` : ''}
                    </span>
                  </button>
                  <span
                    className={`badge state-${r.archivedAt ? 'archived' : r.state.split(' ')[0]}`}
                  >
                    {stateText(r)}
                  </span>
                  <span className="routine-actions">
                    <button
                      type="button"
                      className="button small subtle"
                      onClick={() => setForm({ routine: r })}
                      aria-label={`Edit ${r.name}`}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="button small subtle"
                      onClick={() => void setArchived(r, !r.archivedAt)}
                      aria-label={`${r.archivedAt ? 'Restore' : 'Archive'} ${r.name}`}
                    >
                      {r.archivedAt ? 'Restore' : 'Archive'}
                    </button>
                  </span>
                </li>
              ))}
            </ul>
            {selected ? (
              <RoutineDetail
                key={`${selected.id}:${stamp}`}
                routine={selected}
                onChanged={() => void load()}
              />
            ) : null}
          </div>
        )}
      </section>

      <div className="systems-grid">
        <Checklists onCelebrate={celebrate} />
        <Templates goals={goals} />
      </div>

      <RoutineForm
        open={form !== null}
        routine={form?.routine ?? null}
        goals={goals}
        onClose={() => setForm(null)}
        onSaved={(saved, created) => {
          setForm(null);
          setSelectedId(saved.id);
          setStamp((n) => n + 1);
          notify(created ? `Routine “${saved.name}” created.` : `“${saved.name}” saved.`);
          void load();
        }}
      />
    </section>
  );
}
