import { useState, type FormEvent } from 'react';
import { call, callAll, type ApiError, type Output } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { CopyBox } from '../ui/CopyBox.js';
import { Field } from '../ui/Field.js';
import { asApiError, generalError, messageOf, shortInstant, useLoad } from '../ui/life-helpers.js';
import { notify } from '../ui/notify.js';

type Session = Output<typeof api.listSessions>;
type Token = Output<typeof api.listApiTokens>;

export function PasswordSection() {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    setBusy(true);
    try {
      const r = await call(api.changePassword, {
        currentPassword: String(form.get('currentPassword') ?? ''),
        newPassword: String(form.get('newPassword') ?? ''),
        endOtherSessions: form.get('endOtherSessions') === 'on',
        revokeApiTokens: form.get('revokeApiTokens') === 'on',
      });
      setError(null);
      formEl.reset();
      const parts = [
        r.sessionsEnded
          ? `${r.sessionsEnded} other session${r.sessionsEnded === 1 ? '' : 's'} ended`
          : '',
        r.tokensRevoked
          ? `${r.tokensRevoked} API token${r.tokensRevoked === 1 ? '' : 's'} revoked`
          : '',
      ].filter(Boolean);
      notify(`Password changed.${parts.length ? ` ${parts.join(', ')}.` : ''}`);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const general = generalError(error, ['currentPassword', 'newPassword']);
  return (
    <section className="panel" id="password" aria-labelledby="password-title">
      <h2 id="password-title">Password</h2>
      <form
        className="settings-form"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label="Change password"
      >
        <Field
          label="Current password"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          error={error?.field('currentPassword')}
        />
        <Field
          label="New password"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          hint="At least 10 characters; a short sentence is easy to remember."
          error={error?.field('newPassword')}
        />
        <label className="choice">
          <input type="checkbox" name="endOtherSessions" defaultChecked /> End my other sessions
        </label>
        <label className="choice">
          <input type="checkbox" name="revokeApiTokens" /> Also revoke my API tokens
        </label>
        <button className="button primary" type="submit" disabled={busy}>
          Change password
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

function device(agent: string): string {
  if (!agent) return 'Unknown device';
  const browser = /Firefox\//.test(agent)
    ? 'Firefox'
    : /Edg\//.test(agent)
      ? 'Edge'
      : /Chrom(e|ium)\//.test(agent)
        ? 'Chrome'
        : /Safari\//.test(agent)
          ? 'Safari'
          : /smallwins|node|curl/i.test(agent)
            ? 'Command line'
            : 'Browser';
  const os = /Android/.test(agent)
    ? 'Android'
    : /iPhone|iPad/.test(agent)
      ? 'iOS'
      : /Mac OS X/.test(agent)
        ? 'macOS'
        : /Windows/.test(agent)
          ? 'Windows'
          : /Linux/.test(agent)
            ? 'Linux'
            : '';
  return os ? `${browser} on ${os}` : browser;
}

export function SessionsSection() {
  const sessions = useLoad(() => callAll(api.listSessions, {}));
  const revoke = async (s: Session): Promise<void> => {
    const before = sessions.data;
    sessions.set((l) => (l ?? []).filter((x) => x.id !== s.id));
    try {
      await call(api.revokeSession, { sessionId: s.id });
      notify(`Signed out ${device(s.userAgent)}.`);
    } catch (e) {
      sessions.set(before);
      notify(`Could not end that session: ${messageOf(e)}`, 'error');
    }
  };
  const list = sessions.data;
  return (
    <section className="panel" id="sessions" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      {sessions.error && !list ? (
        <p className="form-error" role="alert">
          Sessions could not be loaded: {sessions.error}
        </p>
      ) : !list ? (
        <p className="loading" role="status">
          Loading sessions…
        </p>
      ) : (
        <ul className="rows" aria-label="Sessions">
          {list.map((s) => (
            <li
              key={s.id}
              className="row"
              aria-label={`${device(s.userAgent)}${s.current ? ', this session' : ''}`}
            >
              <div className="row-main">
                <span className="row-title">
                  {device(s.userAgent)}
                  {s.current ? <span className="badge current-badge">This session</span> : null}
                </span>
                <span className="row-meta muted">
                  <span>Last active {shortInstant(s.lastSeenAt)}</span>
                  {s.ip ? <span>{s.ip}</span> : null}
                  <span>Signed in {shortInstant(s.createdAt)}</span>
                </span>
              </div>
              {!s.current ? (
                <button
                  type="button"
                  className="button small subtle"
                  onClick={() => void revoke(s)}
                  aria-label={`Sign out ${device(s.userAgent)}, last active ${shortInstant(s.lastSeenAt)}`}
                >
                  Sign out
                </button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TokensSection() {
  const tokens = useLoad(() => callAll(api.listApiTokens, {}));
  const [error, setError] = useState<ApiError | null>(null);
  const [created, setCreated] = useState<{ name: string; token: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const formEl = event.currentTarget;
    const form = new FormData(formEl);
    const days = String(form.get('expiresInDays') ?? '').trim();
    setBusy(true);
    try {
      const r = await call(api.createApiToken, {
        name: String(form.get('name') ?? ''),
        expiresInDays: days === '' ? undefined : Number(days),
      });
      setError(null);
      formEl.reset();
      setCreated({ name: r.record.name, token: r.token });
      tokens.set((l) => [r.record, ...(l ?? [])]);
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (t: Token): Promise<void> => {
    const before = tokens.data;
    tokens.set((l) => (l ?? []).filter((x) => x.id !== t.id));
    try {
      await call(api.revokeApiToken, { tokenId: t.id });
      notify(`Token “${t.name}” revoked; scripts using it stop at once.`);
    } catch (e) {
      tokens.set(before);
      notify(`Could not revoke “${t.name}”: ${messageOf(e)}`, 'error');
    }
  };
  const general = generalError(error, ['name', 'expiresInDays']);
  const list = tokens.data;
  return (
    <section className="panel" id="tokens" aria-labelledby="tokens-title">
      <h2 id="tokens-title">API tokens</h2>
      <p className="muted small">
        For scripts and the <code>smallwins</code> command against this server: send it as{' '}
        <code>Authorization: Bearer …</code>. A token acts as you, in every workspace you are in.
      </p>
      <form
        className="settings-form two"
        onSubmit={(e) => void submit(e)}
        noValidate
        aria-label="Create an API token"
      >
        <Field
          label="Token name"
          name="name"
          placeholder="e.g. Laptop CLI"
          autoComplete="off"
          error={error?.field('name')}
        />
        <Field
          label="Expires after (days)"
          name="expiresInDays"
          type="number"
          inputMode="numeric"
          min={1}
          max={3650}
          hint="Empty: never"
          error={error?.field('expiresInDays')}
        />
        <button className="button" type="submit" disabled={busy}>
          Create token
        </button>
        {general ? (
          <p className="form-error" role="alert">
            {general}
          </p>
        ) : null}
      </form>
      {created ? (
        <div className="callout created-secret" data-testid="new-token">
          <p>
            <strong>Copy “{created.name}” now:</strong> it is shown only this once.
          </p>
          <CopyBox label="New API token" value={created.token} />
          <button type="button" className="link-button small" onClick={() => setCreated(null)}>
            Done, hide it
          </button>
        </div>
      ) : null}
      {tokens.error && !list ? (
        <p className="form-error" role="alert">
          Tokens could not be loaded: {tokens.error}
        </p>
      ) : !list ? (
        <p className="loading" role="status">
          Loading tokens…
        </p>
      ) : list.length === 0 ? (
        <p className="empty muted">
          No API token. Create one when a script needs to talk to Small Wins.
        </p>
      ) : (
        <ul className="rows" aria-label="API tokens">
          {list.map((t) => (
            <li key={t.id} className="row" aria-label={`Token ${t.name}`}>
              <div className="row-main">
                <span className="row-title">{t.name}</span>
                <span className="row-meta muted">
                  <code>{t.prefix}…</code>
                  <span>Created {shortInstant(t.createdAt)}</span>
                  <span>
                    {t.lastUsedAt ? `Last used ${shortInstant(t.lastUsedAt)}` : 'Never used'}
                  </span>
                  <span>{t.expiresAt ? `Expires ${shortInstant(t.expiresAt)}` : 'No expiry'}</span>
                </span>
              </div>
              <button
                type="button"
                className="button small subtle danger"
                onClick={() => void revoke(t)}
                aria-label={`Revoke token ${t.name}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
