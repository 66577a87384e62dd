import { useState, type FormEvent } from 'react';
import { call, type ApiError } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Dialog } from '../ui/Dialog.js';
import { Field, TextAreaField } from '../ui/Field.js';
import { asApiError, STATUS_TEXT, type Goal, type GoalStatus } from './format.js';

const FIELDS = ['title', 'purpose', 'leveragePoint', 'status', 'targetDate'];

/** Create a goal (no `goal`) or edit one: title, purpose, leverage point, status, target date. */
export function GoalDialog({
  open,
  goal,
  onClose,
  onSaved,
}: {
  open: boolean;
  goal?: Goal;
  onClose: () => void;
  onSaved: (goal: Goal, warning: string | null) => void;
}) {
  return (
    <Dialog open={open} onClose={onClose} labelledBy="goal-form-title" className="dialog">
      <GoalForm goal={goal} onClose={onClose} onSaved={onSaved} />
    </Dialog>
  );
}

function GoalForm({
  goal,
  onClose,
  onSaved,
}: {
  goal?: Goal;
  onClose: () => void;
  onSaved: (goal: Goal, warning: string | null) => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string): string => String(form.get(name) ?? '');
    const fields = {
      title: text('title'),
      purpose: text('purpose'),
      leveragePoint: text('leveragePoint'),
      status: text('status') as GoalStatus,
      targetDate: text('targetDate') || null,
    };
    setBusy(true);
    try {
      const result = goal
        ? await call(api.updateGoal, { goalId: goal.id, ...fields })
        : await call(api.createGoal, fields);
      setError(null);
      onSaved(result.goal, result.warning);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const general =
    error && !error.details.some((d) => FIELDS.includes(d.path)) ? error.message : null;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="goal-form">
      <h2 id="goal-form-title">{goal ? 'Edit the goal' : 'A new goal'}</h2>
      <Field
        label="Goal"
        name="title"
        defaultValue={goal?.title}
        placeholder="e.g. Ten paying customers for the app"
        error={error?.field('title')}
        autoComplete="off"
      />
      <TextAreaField
        label="Why it matters"
        name="purpose"
        defaultValue={goal?.purpose}
        hint="The purpose you come back to on a hard week."
        error={error?.field('purpose')}
      />
      <Field
        label="Leverage point"
        name="leveragePoint"
        defaultValue={goal?.leveragePoint}
        placeholder="e.g. One onboarding step that converts"
        hint="The one thing that, done well, moves everything else."
        error={error?.field('leveragePoint')}
        autoComplete="off"
      />
      <div className="goal-form-row">
        <div className="field">
          <label htmlFor="goal-status">Status</label>
          <select id="goal-status" name="status" defaultValue={goal?.status ?? 'active'}>
            {(Object.keys(STATUS_TEXT) as GoalStatus[]).map((s) => (
              <option key={s} value={s}>
                {STATUS_TEXT[s]}
              </option>
            ))}
          </select>
          {error?.field('status') ? (
            <small className="field-error" role="alert">
              {error.field('status')}
            </small>
          ) : null}
        </div>
        <Field
          label="Target date"
          name="targetDate"
          type="date"
          defaultValue={goal?.targetDate ?? ''}
          hint="Optional"
          error={error?.field('targetDate')}
        />
      </div>
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
          {busy ? 'Saving…' : goal ? 'Save the goal' : 'Create the goal'}
        </button>
      </div>
    </form>
  );
}
