import { useState, type FormEvent } from 'react';
import type { ApiError } from '../api/client.js';
import { Field } from '../ui/Field.js';
import { sinceText } from './ContactList.js';
import type { Contact, Status } from './types.js';

/** This week's conversations against the target, and the nudge: who has waited longest. */
export function WeeklyStatus({
  status,
  error,
  admin,
  writable,
  onSetTarget,
  onTalk,
}: {
  status: Status | null;
  error: string | null;
  admin: boolean;
  writable: boolean;
  onSetTarget: (target: number) => Promise<ApiError | null>;
  onTalk: (c: Contact) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [targetError, setTargetError] = useState<string | undefined>();
  if (error && !status)
    return (
      <section className="panel" aria-labelledby="week-status-title">
        <h2 id="week-status-title">This week</h2>
        <p className="form-error" role="alert">
          The weekly status could not be loaded: {error}
        </p>
      </section>
    );
  if (!status)
    return (
      <section className="panel" aria-labelledby="week-status-title">
        <h2 id="week-status-title">This week</h2>
        <p className="loading" role="status">
          Loading…
        </p>
      </section>
    );
  const pct =
    status.target > 0 ? Math.min(100, Math.round((status.count / status.target) * 100)) : 100;
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const value = Number(new FormData(event.currentTarget).get('target'));
    const failure = await onSetTarget(value);
    setTargetError(failure ? (failure.field('conversationTarget') ?? failure.message) : undefined);
    if (!failure) setEditing(false);
  };
  return (
    <>
      <section className="panel" aria-labelledby="week-status-title">
        <div className="panel-head">
          <h2 id="week-status-title">This week</h2>
          <span className="muted small">{status.week}</span>
        </div>
        <p className="week-count" data-testid="conversation-status">
          <strong>
            {status.count} of {status.target}
          </strong>{' '}
          meaningful conversation{status.target === 1 ? '' : 's'}{' '}
          {status.met ? (
            <span className="badge met">Target met</span>
          ) : (
            <span className="badge">{status.target - status.count} to go</span>
          )}
        </p>
        <div
          className="progress"
          role="progressbar"
          aria-label="Conversations this week"
          aria-valuemin={0}
          aria-valuemax={status.target}
          aria-valuenow={Math.min(status.count, status.target)}
        >
          <span style={{ width: `${pct}%` }} />
        </div>
        {admin ? (
          editing ? (
            <form className="target-form" onSubmit={(e) => void submit(e)} noValidate>
              <Field
                label="Weekly target"
                name="target"
                type="number"
                inputMode="numeric"
                min={0}
                max={50}
                defaultValue={status.target}
                autoFocus
                error={targetError}
                hint="0–50 conversations a week"
              />
              <button className="button small primary" type="submit">
                Save
              </button>
              <button
                className="button small subtle"
                type="button"
                onClick={() => {
                  setEditing(false);
                  setTargetError(undefined);
                }}
              >
                Cancel
              </button>
            </form>
          ) : (
            <button type="button" className="link-button small" onClick={() => setEditing(true)}>
              Change the weekly target
            </button>
          )
        ) : null}
      </section>
      <section className="panel" aria-labelledby="overdue-title">
        <h2 id="overdue-title">Reach out</h2>
        {status.contacts === 0 ? (
          <p className="muted">Add a contact to see who is waiting to hear from you.</p>
        ) : status.overdue.length === 0 ? (
          <p className="muted">Everyone has heard from you in the last 30 days. Nice.</p>
        ) : (
          <>
            <p className="muted small">Not spoken to for 30 days or more, longest waiting first.</p>
            <ul className="rows" aria-label="Overdue contacts">
              {status.overdue.map((c) => (
                <li key={c.id} className="row">
                  <div className="row-main">
                    <span className="row-title">{c.name}</span>
                    <span className="row-meta overdue-text">{sinceText(c)}</span>
                  </div>
                  {writable ? (
                    <button
                      type="button"
                      className="button small"
                      onClick={() => onTalk(c)}
                      aria-label={`Talked to ${c.name}`}
                    >
                      Talked
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </>
  );
}
