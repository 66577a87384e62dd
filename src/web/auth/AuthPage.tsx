import { useState, type FormEvent } from 'react';
import { ApiError, call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { Link } from '../app/Link.js';
import { Field } from '../ui/Field.js';

/** Sign-up and login: one form, field messages straight from the API's validation details. */
export default function AuthPage({
  mode,
  onSignedIn,
}: {
  mode: 'login' | 'signup';
  onSignedIn: (isNew: boolean) => void;
}) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const signup = mode === 'signup';

  const submit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    setBusy(true);
    setError(null);
    try {
      if (signup) {
        const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
        await call(api.signUp, { email, password, name: String(form.get('name') ?? ''), timeZone });
      } else {
        await call(api.login, { email, password });
      }
      onSignedIn(signup);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', String(e)));
      setBusy(false);
    }
  };

  const fieldError = (name: string): string | undefined => error?.field(name);
  const general =
    error && !error.details.some((d) => ['email', 'password', 'name'].includes(d.path))
      ? error.message
      : null;
  const title = signup ? 'Create your account' : 'Log in';
  return (
    <main className="auth" id="main">
      <div className="auth-card">
        <p className="brand">Small Wins</p>
        <h1>{title}</h1>
        <p className="muted">
          {signup
            ? 'One goal, one metric, small steps every day.'
            : 'Welcome back. Today is waiting.'}
        </p>
        <form
          onSubmit={(e) => void submit(e)}
          noValidate
          aria-describedby={general ? 'auth-error' : undefined}
        >
          {signup ? (
            <Field
              label="Your name"
              name="name"
              autoComplete="name"
              required
              error={fieldError('name')}
            />
          ) : null}
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            required
            error={fieldError('email')}
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete={signup ? 'new-password' : 'current-password'}
            required
            hint={signup ? 'At least 10 characters: a short sentence works well.' : undefined}
            error={fieldError('password')}
          />
          {general ? (
            <p id="auth-error" className="form-error" role="alert">
              {general}
            </p>
          ) : null}
          <button className="button primary" type="submit" disabled={busy}>
            {busy ? 'Please wait…' : signup ? 'Create account' : 'Log in'}
          </button>
        </form>
        <p className="auth-switch">
          {signup ? (
            <>
              Already have an account? <Link href="/login">Log in</Link>
            </>
          ) : (
            <>
              New here? <Link href="/signup">Create an account</Link>
            </>
          )}
        </p>
      </div>
    </main>
  );
}
