import { useState, type FormEvent } from 'react';
import { call, type ApiError, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { asApiError, generalError, shortDay, useLoad } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import type { Workspace } from './roles.js';

type Schedule = Output<typeof api.getPulseSchedule>;
type Kind = Schedule['kinds'][number];

const KINDS: Array<{ kind: Kind; label: string }> = [
  { kind: 'morale', label: 'Morale' },
  { kind: 'delight', label: 'Customer delight' },
  { kind: 'clarity', label: 'Clarity of vision' },
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CADENCES = [
  { weeks: 1, label: 'Every week' },
  { weeks: 2, label: 'Every other week' },
  { weeks: 4, label: 'Every four weeks' },
];
const MAX_CUSTOM = 5;
const FIELDS = [
  'enabled',
  'kinds',
  'customQuestions',
  'weekday',
  'time',
  'everyWeeks',
  'startWeek',
];

const cadenceText = (weeks: number): string =>
  CADENCES.find((c) => c.weeks === weeks)?.label ?? `Every ${weeks} weeks`;

function Summary({ schedule }: { schedule: Schedule }) {
  const asks = [
    ...schedule.kinds.map((k) => KINDS.find((x) => x.kind === k)?.label ?? k),
    ...schedule.customQuestions.map((q) => `“${q}”`),
  ];
  return (
    <dl className="pulse-summary">
      <dt>When</dt>
      <dd>
        {cadenceText(schedule.everyWeeks)} on {WEEKDAYS[schedule.weekday - 1]} at {schedule.time},
        in each member’s own time zone{schedule.enabled ? '' : ' (paused)'}
      </dd>
      <dt>Asks</dt>
      <dd>{asks.join(' · ')}</dd>
      {schedule.currentRound ? (
        <>
          <dt>This round</dt>
          <dd>
            {shortDay(schedule.currentRound.dueOn)} to {shortDay(schedule.currentRound.lastDay)}
          </dd>
        </>
      ) : null}
      {schedule.nextRound ? (
        <>
          <dt>Next round</dt>
          <dd>
            {shortDay(schedule.nextRound.dueOn)} at {schedule.time}
          </dd>
        </>
      ) : null}
    </dl>
  );
}

/**
 * The workspace's pulse schedule: owners and admins change it here, everyone else reads it. Answers
 * are never shown: only the trend of averages, under Goals.
 */
export function PulseSchedulePanel({ workspace }: { workspace: Workspace }) {
  const schedule = useLoad(() => call(api.getPulseSchedule, {}));
  const s = schedule.data;
  return (
    <section className="panel" aria-labelledby="pulse-schedule-title">
      <h2 id="pulse-schedule-title">Pulse schedule</h2>
      {schedule.error && !s ? (
        <p className="form-error" role="alert">
          The pulse schedule could not be loaded: {schedule.error}
        </p>
      ) : !s ? (
        <p className="loading" role="status">
          Loading the pulse schedule…
        </p>
      ) : s.canEdit ? (
        <ScheduleForm
          key={s.updatedAt ?? 'new'}
          schedule={s}
          team={workspace.kind === 'team'}
          onSaved={(next) => schedule.set(next)}
        />
      ) : s.configured ? (
        <>
          <Summary schedule={s} />
          <p className="muted small">
            Only owners and admins change the schedule. Your answers stay yours: the team sees
            weekly averages of 3 or more people.
          </p>
        </>
      ) : (
        <p className="empty muted">
          “{workspace.name}” asks no pulses on a schedule yet. An owner or admin can set one here.
        </p>
      )}
    </section>
  );
}

function ScheduleForm({
  schedule,
  team,
  onSaved,
}: {
  schedule: Schedule;
  team: boolean;
  onSaved: (next: Schedule) => void;
}) {
  const [custom, setCustom] = useState<string[]>(schedule.customQuestions);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const next = await call(api.setPulseSchedule, {
        enabled: form.get('enabled') === 'on',
        kinds: KINDS.filter((k) => form.get(`kind-${k.kind}`) === 'on').map((k) => k.kind),
        customQuestions: custom.map((q) => q.trim()).filter((q) => q !== ''),
        weekday: Number(form.get('weekday')),
        time: String(form.get('time') ?? ''),
        everyWeeks: Number(form.get('everyWeeks')),
      });
      setError(null);
      onSaved(next);
      notify(next.enabled ? 'Pulse schedule saved.' : 'Pulse schedule saved, and paused.');
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const general = generalError(error, FIELDS);
  const customError = (i: number): string | undefined =>
    error?.details.find((d) => d.path === `customQuestions.${i}`)?.message;
  return (
    <>
      {schedule.configured ? (
        <Summary schedule={schedule} />
      ) : (
        <p className="muted small">
          {team
            ? 'Ask the team a few 1–5 questions on a regular day. Each member gets them on Today, and by email at the chosen time in their own time zone.'
            : 'Ask yourself a few 1–5 questions on a regular day, on Today and by email.'}
        </p>
      )}
      <form
        className="pulse-schedule-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label="Pulse schedule"
      >
        <label className="choice">
          <input
            type="checkbox"
            name="enabled"
            defaultChecked={schedule.enabled || !schedule.configured}
          />{' '}
          Ask on this schedule
        </label>
        <fieldset
          className="choice-group"
          aria-describedby={error?.field('kinds') ? 'pulse-kinds-error' : undefined}
        >
          <legend>Questions</legend>
          {KINDS.map((k) => (
            <label key={k.kind} className="choice">
              <input
                type="checkbox"
                name={`kind-${k.kind}`}
                defaultChecked={schedule.kinds.includes(k.kind)}
              />{' '}
              {k.label}
            </label>
          ))}
          {error?.field('kinds') ? (
            <small id="pulse-kinds-error" className="field-error" role="alert">
              {error.field('kinds')}
            </small>
          ) : null}
        </fieldset>
        <fieldset className="choice-group">
          <legend>Your own questions (up to {MAX_CUSTOM})</legend>
          {custom.map((q, i) => (
            <div key={i} className="custom-question">
              <Field
                label={`Question ${i + 1}`}
                value={q}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  setCustom((list) => list.map((x, j) => (j === i ? value : x)));
                }}
                placeholder="Do we know who our customer is?"
                maxLength={200}
                error={customError(i)}
              />
              <button
                type="button"
                className="button small subtle"
                onClick={() => setCustom((list) => list.filter((_, j) => j !== i))}
                aria-label={`Remove question ${i + 1}`}
              >
                Remove
              </button>
            </div>
          ))}
          {custom.length < MAX_CUSTOM ? (
            <button
              type="button"
              className="button small"
              onClick={() => setCustom((list) => [...list, ''])}
            >
              Add a question
            </button>
          ) : null}
          {error?.field('customQuestions') && !custom.some((_, i) => customError(i)) ? (
            <small className="field-error" role="alert">
              {error.field('customQuestions')}
            </small>
          ) : null}
        </fieldset>
        <div className="pulse-when">
          <div className="field">
            <label htmlFor="pulse-weekday">Day</label>
            <select id="pulse-weekday" name="weekday" defaultValue={schedule.weekday}>
              {WEEKDAYS.map((d, i) => (
                <option key={d} value={i + 1}>
                  {d}
                </option>
              ))}
            </select>
          </div>
          <Field
            label="Time"
            name="time"
            type="time"
            defaultValue={schedule.time}
            error={error?.field('time')}
          />
          <div className="field">
            <label htmlFor="pulse-every">How often</label>
            <select id="pulse-every" name="everyWeeks" defaultValue={schedule.everyWeeks}>
              {CADENCES.map((c) => (
                <option key={c.weeks} value={c.weeks}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        <p className="muted small">
          A round opens on that day at that time in each member’s own time zone, and stays open
          until the next one.{' '}
          {team ? 'Answers are anonymous: the team sees averages of 3 or more people.' : ''}
        </p>
        <button className="button primary" type="submit" disabled={busy}>
          Save pulse schedule
        </button>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </>
  );
}
