import { useMemo, useState, type FormEvent } from 'react';
import { call, type ApiError, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Field } from '../ui/Field.js';
import { asApiError, generalError, isAdmin } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';

export type Settings = Output<typeof api.getSettings>;

function timeZones(): string[] {
  try {
    const zones = Intl.supportedValuesOf('timeZone');
    return zones.includes('UTC') ? zones : ['UTC', ...zones];
  } catch {
    return ['UTC'];
  }
}

const hourText = (h: number): string => `${String(h).padStart(2, '0')}:00`;

export function ProfileSection({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (s: Settings) => void;
}) {
  const zones = useMemo(timeZones, []);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    try {
      const next = await call(api.updateMySettings, {
        name: String(form.get('name') ?? ''),
        timeZone: String(form.get('timeZone') ?? ''),
        dayStartHour: Number(form.get('dayStartHour')),
      });
      setError(null);
      onSaved(next);
      notify('Profile saved.');
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const general = generalError(error, ['name', 'timeZone', 'dayStartHour']);
  const u = settings.user;
  return (
    <section className="panel" id="profile" aria-labelledby="profile-title">
      <h2 id="profile-title">Profile</h2>
      <form
        className="settings-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label="Profile"
      >
        <Field
          label="Name"
          name="name"
          defaultValue={u.name}
          autoComplete="name"
          error={error?.field('name')}
        />
        {u.email ? (
          <p className="muted small">
            Signed in as <strong>{u.email}</strong>
          </p>
        ) : null}
        <Field
          label="Time zone"
          name="timeZone"
          list="time-zones"
          defaultValue={u.timeZone}
          autoComplete="off"
          spellCheck={false}
          hint="Type to search, e.g. Paris or New_York. Your days are cut in this zone."
          error={error?.field('timeZone')}
        />
        <datalist id="time-zones">
          {zones.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <div className="field">
          <label htmlFor="day-start">Day starts at</label>
          <select
            id="day-start"
            name="dayStartHour"
            defaultValue={u.dayStartHour}
            aria-describedby="day-start-hint"
          >
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>
                {hourText(h)}
              </option>
            ))}
          </select>
          <small id="day-start-hint" className="hint">
            A night owl? With 04:00, what you do at 1 am still counts for the day before.
          </small>
          {error?.field('dayStartHour') ? (
            <small className="field-error" role="alert">
              {error.field('dayStartHour')}
            </small>
          ) : null}
        </div>
        <button className="button primary" type="submit" disabled={busy}>
          Save profile
        </button>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
    </section>
  );
}

type ThemeChoice = 'system' | 'light' | 'dark';
const THEME_KEY = 'smallwins-theme';

function savedTheme(): ThemeChoice {
  const saved = localStorage.getItem(THEME_KEY);
  return saved === 'light' || saved === 'dark' ? saved : 'system';
}

/** The same saved choice as the header's toggle (ui/theme.ts), with "as the system" added. */
export function AppearanceSection() {
  const [theme, setTheme] = useState<ThemeChoice>(savedTheme);
  const choose = (next: ThemeChoice): void => {
    setTheme(next);
    if (next === 'system') {
      localStorage.removeItem(THEME_KEY);
      delete document.documentElement.dataset.theme;
    } else {
      localStorage.setItem(THEME_KEY, next);
      document.documentElement.dataset.theme = next;
    }
  };
  return (
    <section className="panel" id="appearance" aria-labelledby="appearance-title">
      <h2 id="appearance-title">Appearance</h2>
      <fieldset className="choice-group">
        <legend>Theme on this device</legend>
        {(
          [
            ['system', 'As the system'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ] as const
        ).map(([value, text]) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="theme"
              value={value}
              checked={theme === value}
              onChange={() => choose(value)}
            />
            {text}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

export function WorkspaceSection({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (s: Settings) => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const admin = isAdmin(settings.role);
  const w = settings.workspace;
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    try {
      const next = await call(api.updateWorkspaceSettings, {
        focusLimit: Number(form.get('focusLimit')),
        conversationTarget: Number(form.get('conversationTarget')),
      });
      setError(null);
      onSaved(next);
      notify('Workspace settings saved.');
    } catch (e) {
      setError(asApiError(e));
    }
  };
  const general = generalError(error, ['focusLimit', 'conversationTarget']);
  return (
    <section className="panel" id="workspace" aria-labelledby="workspace-title">
      <h2 id="workspace-title">Workspace: {w.name}</h2>
      {admin ? (
        <form
          className="settings-form two"
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-label="Workspace settings"
        >
          <Field
            label="Focus limit (active goals)"
            name="focusLimit"
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            defaultValue={w.focusLimit}
            hint="1–10; a warning shows past it"
            error={error?.field('focusLimit')}
          />
          <Field
            label="Conversations a week"
            name="conversationTarget"
            type="number"
            inputMode="numeric"
            min={0}
            max={50}
            defaultValue={w.conversationTarget}
            hint="0–50"
            error={error?.field('conversationTarget')}
          />
          <button className="button" type="submit">
            Save workspace settings
          </button>
          {general ? (
            <p className="form-error" role="alert">
              {general}
            </p>
          ) : null}
        </form>
      ) : (
        <p className="muted">
          Focus limit {w.focusLimit} active goals · {w.conversationTarget} conversation
          {w.conversationTarget === 1 ? '' : 's'} a week. Only admins change these.
        </p>
      )}
    </section>
  );
}
