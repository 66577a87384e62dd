import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { useLoad } from '../ui/life-helpers.js';
import { DataSection } from './DataSection.js';
import { EmailSection } from './EmailSection.js';
import { AppearanceSection, ProfileSection, WorkspaceSection } from './ProfileSection.js';
import { PasswordSection, SessionsSection, TokensSection } from './SecuritySection.js';
import './settings.css';

const SECTIONS = [
  ['profile', 'Profile'],
  ['appearance', 'Appearance'],
  ['workspace', 'Workspace'],
  ['password', 'Password'],
  ['sessions', 'Sessions'],
  ['tokens', 'API tokens'],
  ['email', 'Email'],
  ['data', 'Your data'],
] as const;

/** Settings: profile, time zone and day start, theme, password, sessions, tokens, email, data. */
export default function SettingsView() {
  const settings = useLoad(() => call(api.getSettings, {}));
  const s = settings.data;
  return (
    <section className="view settings-view" aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Settings</h1>
          <p className="muted">Your account, this device, and the data of this workspace.</p>
        </div>
      </header>
      <nav className="settings-toc" aria-label="Settings sections">
        <ul>
          {SECTIONS.map(([id, title]) => (
            <li key={id}>
              <a href={`#${id}`}>{title}</a>
            </li>
          ))}
        </ul>
      </nav>
      {settings.error && !s ? (
        <div className="error-state" role="alert">
          <p>Your settings could not be loaded: {settings.error}</p>
          <button type="button" className="button" onClick={() => void settings.reload()}>
            Try again
          </button>
        </div>
      ) : !s ? (
        <p className="loading" role="status">
          Loading settings…
        </p>
      ) : (
        <div className="settings-sections">
          <ProfileSection settings={s} onSaved={(next) => settings.set(next)} />
          <AppearanceSection />
          <WorkspaceSection settings={s} onSaved={(next) => settings.set(next)} />
          <PasswordSection />
          <SessionsSection />
          <TokensSection />
          <EmailSection />
          <DataSection settings={s} />
        </div>
      )}
    </section>
  );
}
