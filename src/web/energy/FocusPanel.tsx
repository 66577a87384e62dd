import { useState, type FormEvent } from 'react';
import { call, callAll, type ApiError, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import {
  addDays,
  asApiError,
  generalError,
  messageOf,
  shortDay,
  useLoad,
} from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';

type FocusWindow = Output<typeof api.listFocusWindows>;

/** Focus windows from today on: plan one, see them by day, delete one (taken back if refused). */
export function FocusPanel({ today, writable }: { today: string; writable: boolean }) {
  const windows = useLoad(() =>
    callAll(api.listFocusWindows, { from: today, to: addDays(today, 27) }),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    setBusy(true);
    try {
      const added = await call(api.addFocusWindow, {
        day: String(form.get('day') ?? '') || today,
        start: String(form.get('start') ?? ''),
        minutes: Number(form.get('minutes')),
        label: String(form.get('label') ?? ''),
      });
      setError(null);
      formEl.reset();
      windows.set((l) =>
        [...(l ?? []), added].sort((a, b) =>
          `${a.day}${a.start}`.localeCompare(`${b.day}${b.start}`),
        ),
      );
      notify(`Focus window planned: ${shortDay(added.day)} ${added.start}–${added.end}.`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async (w: FocusWindow): Promise<void> => {
    const before = windows.data;
    windows.set((l) => (l ?? []).filter((x) => x.id !== w.id));
    try {
      await call(api.deleteFocusWindow, { focusWindowId: w.id });
      notify(`Focus window on ${shortDay(w.day)} at ${w.start} deleted.`);
    } catch (e) {
      windows.set(before);
      notify(`Could not delete the focus window: ${messageOf(e)}`, 'error');
    }
  };

  const list = windows.data;
  const byDay = new Map<string, FocusWindow[]>();
  for (const w of list ?? []) byDay.set(w.day, [...(byDay.get(w.day) ?? []), w]);
  const general = generalError(error, ['day', 'start', 'minutes', 'label']);
  return (
    <section className="panel" aria-labelledby="focus-title">
      <div className="panel-head">
        <h2 id="focus-title">Focus windows</h2>
        {list && list.length > 0 ? (
          <span className="muted small">
            {list.reduce((s, w) => s + w.minutes, 0)} min planned over the next 4 weeks
          </span>
        ) : null}
      </div>
      {windows.error && !list ? (
        <p className="form-error" role="alert">
          Focus windows could not be loaded: {windows.error}
        </p>
      ) : !list ? (
        <p className="loading" role="status">
          Loading focus windows…
        </p>
      ) : list.length === 0 ? (
        <div className="empty">
          <p>No focus window planned.</p>
          <p className="muted">
            {writable
              ? 'Block 60–120 minutes of deep work on the days ahead, ideally when your energy is highest.'
              : 'None planned in this workspace yet.'}
          </p>
        </div>
      ) : (
        <div className="focus-days">
          {[...byDay].map(([day, ws]) => (
            <div key={day}>
              <h3 className="focus-day">
                {day === today ? `Today, ${shortDay(day)}` : shortDay(day)}
              </h3>
              <ul className="rows" aria-label={`Focus windows on ${shortDay(day)}`}>
                {ws.map((w) => (
                  <li key={w.id} className="row">
                    <div className="row-main">
                      <span className="row-title">
                        {w.start}–{w.end} {w.label || 'Focus'}
                      </span>
                      <span className="row-meta muted">{w.minutes} min</span>
                    </div>
                    {writable ? (
                      <button
                        type="button"
                        className="button small subtle"
                        onClick={() => void remove(w)}
                        aria-label={`Delete focus window ${shortDay(w.day)} ${w.start}–${w.end}`}
                      >
                        Delete
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      )}
      {writable ? (
        <form
          className="focus-form"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label="Plan a focus window"
        >
          <h3>Plan a focus window</h3>
          <Field
            label="Day"
            name="day"
            type="date"
            min={today}
            defaultValue={today}
            error={error?.field('day')}
          />
          <Field
            label="Start"
            name="start"
            type="time"
            defaultValue="09:00"
            error={error?.field('start')}
          />
          <Field
            label="Minutes"
            name="minutes"
            type="number"
            inputMode="numeric"
            defaultValue={90}
            step={15}
            hint="15–240"
            error={error?.field('minutes')}
          />
          <Field
            label="Label"
            name="label"
            placeholder="Deep work"
            autoComplete="off"
            error={error?.field('label')}
          />
          <button className="button" type="submit" disabled={busy}>
            Plan
          </button>
          {general ? (
            <p className="form-error" role="alert">
              {general}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
