import { useState, type FormEvent } from 'react';
import { call, type ApiError } from '../api/client.js';
import { Field } from '../ui/Field.js';
import { asApiError, generalError, useLoad } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';
import { moreApi } from './more-api.js';

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FIELDS = [
  'address',
  'report',
  'reviewReminders',
  'routineReminders',
  'pulsePrompts',
  'reportWeekday',
  'reportTime',
];

export function EmailSection() {
  const prefs = useLoad(() => call(moreApi.getEmailPreferences, {}));
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const p = prefs.data;
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const address = String(form.get('address') ?? '').trim();
    setBusy(true);
    try {
      const next = await call(moreApi.updateEmailPreferences, {
        address: address === '' ? null : address,
        report: form.get('report') === 'on',
        reviewReminders: form.get('reviewReminders') === 'on',
        routineReminders: form.get('routineReminders') === 'on',
        pulsePrompts: form.get('pulsePrompts') === 'on',
        reportWeekday: Number(form.get('reportWeekday')),
        reportTime: String(form.get('reportTime') ?? ''),
      });
      setError(null);
      prefs.set(next);
      notify('Email preferences saved.');
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const general = generalError(error, FIELDS);
  return (
    <section className="panel" id="email" aria-labelledby="email-title">
      <h2 id="email-title">Email</h2>
      {prefs.error && !p ? (
        <p className="form-error" role="alert">
          Email preferences could not be loaded: {prefs.error}
        </p>
      ) : !p ? (
        <p className="loading" role="status">
          Loading email preferences…
        </p>
      ) : (
        <>
          {!p.delivery.enabled ? (
            <p className="callout">
              This server sends no email
              {p.delivery.reason ? `: ${p.delivery.reason.replace(/\.+$/, '')}` : ''}. Your choices
              are kept for when it does.
            </p>
          ) : (
            <p className="muted small">
              Emails go to <strong>{p.sendsTo ?? 'nobody (no address)'}</strong>. Times are in{' '}
              {p.timeZone}.
            </p>
          )}
          <form
            className="settings-form"
            onSubmit={(e) => void submit(e)}
            noValidate
            aria-label="Email preferences"
          >
            <fieldset className="choice-group">
              <legend>Send me</legend>
              <label className="choice">
                <input type="checkbox" name="report" defaultChecked={p.report} /> The weekly
                progress report
              </label>
              <label className="choice">
                <input type="checkbox" name="reviewReminders" defaultChecked={p.reviewReminders} />{' '}
                Reminders of the weekly and monthly review
              </label>
              <label className="choice">
                <input
                  type="checkbox"
                  name="routineReminders"
                  defaultChecked={p.routineReminders}
                />{' '}
                Routine reminders at their reminder time
              </label>
              <label className="choice">
                <input type="checkbox" name="pulsePrompts" defaultChecked={p.pulsePrompts} /> Pulse
                prompts when a round of a workspace’s pulse schedule opens
              </label>
            </fieldset>
            <div className="settings-form two inner">
              <div className="field">
                <label htmlFor="report-weekday">Report day</label>
                <select id="report-weekday" name="reportWeekday" defaultValue={p.reportWeekday}>
                  {WEEKDAYS.map((d, i) => (
                    <option key={d} value={i + 1}>
                      {d}
                    </option>
                  ))}
                </select>
                {error?.field('reportWeekday') ? (
                  <small className="field-error" role="alert">
                    {error.field('reportWeekday')}
                  </small>
                ) : null}
              </div>
              <Field
                label="Report time"
                name="reportTime"
                type="time"
                defaultValue={p.reportTime}
                error={error?.field('reportTime')}
              />
            </div>
            <Field
              label="Send to another address (optional)"
              name="address"
              type="email"
              defaultValue={p.address ?? ''}
              autoComplete="email"
              hint="Empty: your account address"
              error={error?.field('address')}
            />
            <button className="button" type="submit" disabled={busy}>
              Save email preferences
            </button>
            {general ? (
              <p className="form-error" role="alert">
                {general}
              </p>
            ) : null}
          </form>
        </>
      )}
    </section>
  );
}
