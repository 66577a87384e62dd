import { useState } from 'react';
import { Link } from '../app/Link.js';
import type { TodayRoutine } from './use-today.js';

export type CheckInStatus = 'done' | 'minimum' | 'skipped';

export interface RoutineActions {
  checkIn(routine: TodayRoutine, status: CheckInStatus, value?: number): void;
  undo(routine: TodayRoutine): void;
}

function numberOf(text: string): number | undefined {
  const n = Number(text);
  return text.trim() === '' || !Number.isFinite(n) ? undefined : n;
}

const STATUS_TEXT = {
  done: 'Done',
  minimum: 'Minimum',
  skipped: 'Skipped',
  missed: 'Missed',
} as const;

export function RoutineSection({
  routines,
  actions,
}: {
  routines: TodayRoutine[];
  actions: RoutineActions;
}) {
  return (
    <section className="panel" aria-labelledby="routines-title">
      <div className="panel-head">
        <h2 id="routines-title">Routines due</h2>
        <span className="muted small">
          {routines.filter((r) => r.checkIn).length} of {routines.length} checked in
        </span>
      </div>
      {routines.length === 0 ? (
        <div className="empty">
          <p>No routine is due today.</p>
          <p className="muted">
            Systems beat motivation: add a small daily routine in{' '}
            <Link href="/systems">Systems</Link>, or start from a playbook with the{' '}
            <code>smallwins playbook</code> command.
          </p>
        </div>
      ) : (
        <ul className="rows" aria-label="Routines due today">
          {routines.map((r) => (
            <RoutineRow key={r.id} routine={r} actions={actions} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RoutineRow({ routine, actions }: { routine: TodayRoutine; actions: RoutineActions }) {
  const [value, setValue] = useState('');
  const status = routine.checkIn?.status;
  const scorePct = Math.round(routine.score * 100);
  return (
    <li
      className={`row routine ${status ? `status-${status}` : ''}`}
      data-row="routine"
      data-id={routine.id}
      tabIndex={-1}
      aria-label={`${routine.name}, ${status ? STATUS_TEXT[status] : 'not checked in'}, streak ${routine.currentStreak}`}
    >
      <button
        type="button"
        className="check"
        aria-pressed={status === 'done' || status === 'minimum'}
        onClick={() =>
          status ? actions.undo(routine) : actions.checkIn(routine, 'done', numberOf(value))
        }
        aria-label={status ? `Undo check-in: ${routine.name}` : `Check in: ${routine.name}`}
      >
        <span aria-hidden="true">
          {status === 'done' ? '✓' : status === 'minimum' ? '½' : status === 'skipped' ? '–' : ''}
        </span>
      </button>
      <div className="row-main">
        <span className="row-title">{routine.name}</span>
        <span className="row-meta">
          <span className="muted">{routine.scheduleText}</span>
          <span className="streak" title="Current streak">
            Streak {routine.currentStreak}
          </span>
          <span className="score" title="Strength score">
            <span className="meter" aria-hidden="true">
              <span style={{ width: `${scorePct}%` }} />
            </span>
            Strength {scorePct}%
          </span>
          {status ? <span className="badge">{STATUS_TEXT[status]}</span> : null}
        </span>
        {routine.minimumVersion ? (
          <span className="muted small">Minimum: {routine.minimumVersion}</span>
        ) : null}
      </div>
      {!status ? (
        <div className="row-actions">
          {routine.target ? (
            <input
              className="value-input"
              type="number"
              inputMode="decimal"
              aria-label={`${routine.name}: ${routine.target.unit || 'value'}`}
              placeholder={routine.target.unit || 'value'}
              value={value}
              onChange={(e) => setValue(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && numberOf(value) !== undefined)
                  actions.checkIn(routine, 'done', numberOf(value));
              }}
            />
          ) : null}
          {routine.minimumVersion ? (
            <button
              type="button"
              className="button small subtle"
              onClick={() => actions.checkIn(routine, 'minimum')}
              aria-label={`Minimum: ${routine.name}`}
            >
              Minimum
            </button>
          ) : null}
          <button
            type="button"
            className="button small subtle"
            onClick={() => actions.checkIn(routine, 'skipped')}
            aria-label={`Skip: ${routine.name}`}
          >
            Skip
          </button>
        </div>
      ) : null}
    </li>
  );
}
