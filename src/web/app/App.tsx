import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, call, setUnauthorizedHandler, setWorkspace } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { STORAGE_KEY } from '../team/workspace-store.js';
import { Layout } from './Layout.js';
import { viewAt } from './views.js';
import { navigate, usePath } from './router.js';
import { SessionContext, type Me, type Session } from './session.js';

const AuthPage = lazy(() => import('../auth/AuthPage.js'));
const Onboarding = lazy(() => import('../onboarding/Onboarding.js'));

type State =
  | { kind: 'loading' }
  | { kind: 'signed-out' }
  | { kind: 'failed'; message: string }
  | { kind: 'signed-in'; me: Me };

const PUBLIC_PATHS = new Set(['/login', '/signup']);

export function App() {
  const path = usePath();
  const [state, setState] = useState<State>({ kind: 'loading' });

  /** Who is signed in; `then` is where to go once known (in the same render, so no redirect races it). */
  const load = useCallback(async (then?: string): Promise<void> => {
    try {
      // The view's code loads while the API answers, so it renders as soon as both are there.
      const [me] = await Promise.all([call(api.me, {}), viewAt(location.pathname)?.component?.preload().catch(() => undefined)]);
      setWorkspace(startWorkspace(me)?.id);
      if (then) navigate(then, { replace: true });
      setState({ kind: 'signed-in', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ kind: 'signed-out' });
      else
        setState({
          kind: 'failed',
          message: error instanceof Error ? error.message : String(error),
        });
    }
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setState({ kind: 'signed-out' }));
    void load();
  }, [load]);

  // Signed out: every page but login and sign-up goes to login, remembering where it was headed.
  useEffect(() => {
    if (state.kind === 'signed-out' && !PUBLIC_PATHS.has(path)) {
      // The query string travels too: an invitation link (/team?join=…) must survive signing in.
      const target = path + location.search;
      const next = path === '/' ? '' : `?next=${encodeURIComponent(target)}`;
      navigate(`/login${next}`, { replace: true });
    }
    if (state.kind === 'signed-in' && (PUBLIC_PATHS.has(path) || path === '/'))
      navigate('/today', { replace: true });
  }, [state.kind, path]);

  const session = useMemo<Session | null>(() => {
    if (state.kind !== 'signed-in') return null;
    const workspaceId = startWorkspace(state.me)?.id ?? '';
    return {
      me: state.me,
      workspaceId,
      async signOut() {
        await call(api.logout, {}).catch(() => undefined);
        setWorkspace(undefined);
        setState({ kind: 'signed-out' });
        navigate('/login');
      },
    };
  }, [state]);

  if (state.kind === 'loading')
    return (
      <p className="loading page-center" role="status">
        Loading Small Wins…
      </p>
    );
  if (state.kind === 'failed') {
    return (
      <div className="page-center error-state" role="alert">
        <h1>Small Wins could not start</h1>
        <p>{state.message}</p>
        <button type="button" className="button" onClick={() => void load()}>
          Try again
        </button>
      </div>
    );
  }
  const fallback = (
    <p className="loading page-center" role="status">
      Loading…
    </p>
  );
  if (state.kind === 'signed-out') {
    return (
      <Suspense fallback={fallback}>
        <AuthPage
          mode={path === '/signup' ? 'signup' : 'login'}
          onSignedIn={(isNew) => void load(isNew ? '/welcome' : nextPath())}
        />
      </Suspense>
    );
  }
  return (
    <SessionContext.Provider value={session}>
      {path === '/welcome' ? (
        <Suspense fallback={fallback}>
          <Onboarding />
        </Suspense>
      ) : (
        <Layout />
      )}
    </SessionContext.Provider>
  );
}

/** The workspace to open: the one chosen last on this device while still a member, else the personal one. */
function startWorkspace(me: Me): Me['workspaces'][number] | undefined {
  let saved: string | null = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // storage may be off: start in the personal workspace
  }
  return me.workspaces.find((w) => w.id === saved) ?? me.workspaces.find((w) => w.kind === 'personal') ?? me.workspaces[0];
}

function nextPath(): string {
  const next = new URLSearchParams(location.search).get('next');
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/today';
}
