import { useId, useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Dialog } from '../ui/Dialog.js';
import { Field } from '../ui/Field.js';
import { asApiError, generalMessage, WEEKDAYS, type GoalItem, type RoutineItem } from './util.js';

type Kind = 'daily' | 'times' | 'weekdays' | 'rrule';
type TargetKind = 'none' | 'at_least' | 'at_most';

const FIELDS = [
  'name',
  'kind',
  'times',
  'periodDays',
  'weekdays',
  'rrule',
  'value',
  'unit',
  'minimumVersion',
  'goalId',
];

/** Create or edit a routine: its schedule, an optional number to reach, and a minimum version. */
export function RoutineForm({
  open,
  routine,
  goals,
  onClose,
  onSaved,
}: {
  open: boolean;
  routine: RoutineItem | null;
  goals: GoalItem[];
  onClose: () => void;
  onSaved: (routine: { id: string; name: string }, created: boolean) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="routine-form-title" className="dialog">
      <RoutineFormBody
        key={routine?.id ?? 'new'}
        routine={routine}
        goals={goals}
        onClose={onClose}
        onSaved={onSaved}
      />
    </Dialog>
  );
}

function RoutineFormBody({
  routine,
  goals,
  onClose,
  onSaved,
}: {
  routine: RoutineItem | null;
  goals: GoalItem[];
  onClose: () => void;
  onSaved: (routine: { id: string; name: string }, created: boolean) => void;
}) {
  const uid = useId();
  const s = routine?.schedule;
  const [kind, setKind] = useState<Kind>(s?.kind ?? 'daily');
  const [targetKind, setTargetKind] = useState<TargetKind>(routine?.target?.kind ?? 'none');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const text = (k: string): string => String(f.get(k) ?? '').trim();
    const num = (k: string): number => (text(k) === '' ? NaN : Number(text(k)));
    const schedule =
      kind === 'daily'
        ? { kind }
        : kind === 'times'
          ? { kind, times: num('times'), periodDays: num('periodDays') }
          : kind === 'weekdays'
            ? { kind, weekdays: f.getAll('weekdays').map(Number) }
            : { kind, rrule: text('rrule') };
    const target =
      targetKind === 'none' ? null : { kind: targetKind, value: num('value'), unit: text('unit') };
    const body = {
      name: text('name'),
      schedule,
      target,
      minimumVersion: text('minimumVersion'),
      goalId: text('goalId') || null,
    };
    setBusy(true);
    try {
      const saved = routine
        ? await call(api.updateRoutine, { routineId: routine.id, ...body })
        : await call(api.createRoutine, body);
      setError(null);
      onSaved(saved, !routine);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const general = generalMessage(error, FIELDS);
  const weekdaysError = error?.field('weekdays');
  return (
    <form className="routine-form" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="routine-form-title">{routine ? `Edit ${routine.name}` : 'New routine'}</h2>
      <Field
        label="Name"
        name="name"
        defaultValue={routine?.name ?? ''}
        placeholder="Morning pages"
        autoComplete="off"
        autoFocus
        error={error?.field('name')}
      />
      <div className="field">
        <label htmlFor={`${uid}-kind`}>How often</label>
        <select
          id={`${uid}-kind`}
          name="kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as Kind)}
        >
          <option value="daily">Every day</option>
          <option value="times">N times per week or period</option>
          <option value="weekdays">On chosen weekdays</option>
          <option value="rrule">Custom rule (RFC 5545)</option>
        </select>
      </div>
      {kind === 'times' ? (
        <div className="form-row">
          <Field
            label="Times"
            name="times"
            type="number"
            min={1}
            defaultValue={s?.kind === 'times' ? s.times : 3}
            error={error?.field('times')}
          />
          <Field
            label="Per how many days"
            name="periodDays"
            type="number"
            min={1}
            defaultValue={s?.kind === 'times' ? s.periodDays : 7}
            hint="7 for a week"
            error={error?.field('periodDays')}
          />
        </div>
      ) : null}
      {kind === 'weekdays' ? (
        <fieldset
          className="weekday-picker"
          aria-describedby={weekdaysError ? `${uid}-wd-error` : undefined}
        >
          <legend>Weekdays</legend>
          {WEEKDAYS.map((name, i) => (
            <label key={name} className="chip-check">
              <input
                type="checkbox"
                name="weekdays"
                value={i + 1}
                defaultChecked={s?.kind === 'weekdays' ? s.weekdays.includes(i + 1) : i < 5}
              />
              <span>{name.slice(0, 3)}</span>
            </label>
          ))}
          {weekdaysError ? (
            <small id={`${uid}-wd-error`} className="field-error" role="alert">
              {weekdaysError}
            </small>
          ) : null}
        </fieldset>
      ) : null}
      {kind === 'rrule' ? (
        <Field
          label="Recurrence rule"
          name="rrule"
          defaultValue={s?.kind === 'rrule' ? s.rrule : 'FREQ=WEEKLY;BYDAY=MO,WE,FR'}
          hint="RFC 5545, e.g. FREQ=WEEKLY;INTERVAL=2;BYDAY=SA"
          error={error?.field('rrule')}
        />
      ) : null}

      <div className="field">
        <label htmlFor={`${uid}-target`}>Number to reach</label>
        <select
          id={`${uid}-target`}
          value={targetKind}
          onChange={(e) => setTargetKind(e.target.value as TargetKind)}
        >
          <option value="none">None: a yes/no routine</option>
          <option value="at_least">At least (run 5 km)</option>
          <option value="at_most">At most (2 coffees)</option>
        </select>
      </div>
      {targetKind !== 'none' ? (
        <div className="form-row">
          <Field
            label="Target"
            name="value"
            type="number"
            step="any"
            defaultValue={routine?.target?.value ?? ''}
            error={error?.field('value')}
          />
          <Field
            label="Unit"
            name="unit"
            defaultValue={routine?.target?.unit ?? ''}
            placeholder="km, pages, minutes"
            error={error?.field('unit')}
          />
        </div>
      ) : null}
      <Field
        label="Minimum version"
        name="minimumVersion"
        defaultValue={routine?.minimumVersion ?? ''}
        placeholder="Write one sentence"
        hint="The tiny version for low-energy days: it keeps the streak."
        error={error?.field('minimumVersion')}
      />
      {goals.length > 0 ? (
        <div className="field">
          <label htmlFor={`${uid}-goal`}>Goal</label>
          <select id={`${uid}-goal`} name="goalId" defaultValue={routine?.goalId ?? ''}>
            <option value="">No goal</option>
            {goals.map((g) => (
              <option key={g.id} value={g.id}>
                {g.title}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {general ? (
        <p className="form-error" role="alert">
          {general}
        </p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button subtle" onClick={onClose}>
          Cancel
        </button>
        <button type="submit" className="button primary" disabled={busy}>
          {routine ? 'Save changes' : 'Create routine'}
        </button>
      </div>
    </form>
  );
}
