import { Suspense, useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import { currentTheme, toggleTheme } from '../ui/theme.js';
import { NoticeBar } from '../ui/NoticeBar.js';
import { Placeholder } from '../views/Placeholder.js';
import { requestAction } from './actions.js';
import { CommandPalette, type Command } from './CommandPalette.js';
import { Link } from './Link.js';
import { navigate, usePath } from './router.js';
import { useCurrentWorkspace } from '../team/workspace-store.js';
import { useSession } from './session.js';
import { plainKey, useKeydown } from './shortcuts.js';
import { ShortcutsHelp } from './ShortcutsHelp.js';
import { viewAt, views } from './views.js';
import { ViewBoundary } from './ViewBoundary.js';

/** The signed-in frame: header, navigation, the current view, the palette and the shortcut list. */
export function Layout() {
  const session = useSession();
  const path = usePath();
  const view = viewAt(path) ?? views[0]!;
  const [palette, setPalette] = useState(false);
  const [help, setHelp] = useState(false);
  const [menu, setMenu] = useState(false);
  const [theme, setTheme] = useState(currentTheme);
  const pendingG = useRef<number>(0);

  const commands = useMemo<Command[]>(
    () => [
      { id: 'log-win', label: 'Log a win', hint: 'w', run: () => requestAction('log-win') },
      { id: 'add-task', label: 'Add a task', hint: 'n', run: () => requestAction('add-task') },
      ...views.map((v) => ({
        id: `go-${v.id}`,
        label: `Go to ${v.title}`,
        hint: `g ${v.key}`,
        run: () => navigate(v.path),
      })),
      { id: 'theme', label: 'Switch light / dark theme', run: () => setTheme(toggleTheme()) },
      { id: 'help', label: 'Show keyboard shortcuts', hint: '?', run: () => setHelp(true) },
      { id: 'logout', label: 'Log out', run: () => void session.signOut() },
    ],
    [session],
  );

  const onKey = useCallback((e: KeyboardEvent) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      setPalette((p) => !p);
      return;
    }
    if (!plainKey(e)) return;
    if (Date.now() - pendingG.current < 1500) {
      pendingG.current = 0;
      const target = views.find((v) => v.key === e.key);
      if (target) {
        e.preventDefault();
        navigate(target.path);
      }
      return;
    }
    if (e.key === 'g') pendingG.current = Date.now();
    else if (e.key === '?') setHelp(true);
    else if (e.key === 'w' || e.key === 'n') {
      e.preventDefault();
      requestAction(e.key === 'w' ? 'log-win' : 'add-task');
    } else return;
    e.preventDefault();
  }, []);
  useKeydown(onKey);

  // Keyed by workspace: switching workspaces remounts the view, so it reads the new one's data.
  const workspaceId = useCurrentWorkspace(session.workspaceId);
  const workspace = session.me.workspaces.find((w) => w.id === workspaceId);
  const content: ReactNode = view.component ? <view.component key={workspaceId} /> : <Placeholder view={view} />;
  return (
    <div className={`shell ${menu ? 'menu-open' : ''}`}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <button
          type="button"
          className="icon-button menu-button"
          aria-expanded={menu}
          aria-controls="nav"
          onClick={() => setMenu((m) => !m)}
        >
          Menu
        </button>
        <Link href="/today" className="brand">
          Small Wins
        </Link>
        <div className="topbar-actions">
          <button
            type="button"
            className="icon-button"
            onClick={() => setPalette(true)}
            aria-keyshortcuts="Control+K"
            title="Command palette (Ctrl K)"
          >
            <span aria-hidden="true">⌘K</span>
            <span className="visually-hidden">Command palette</span>
          </button>
          <button
            type="button"
            className="icon-button help-button"
            onClick={() => setHelp(true)}
            aria-keyshortcuts="?"
            title="Keyboard shortcuts (?)"
          >
            <span aria-hidden="true">?</span>
            <span className="visually-hidden">Keyboard shortcuts</span>
          </button>
          <button
            type="button"
            className="icon-button"
            onClick={() => setTheme(toggleTheme())}
            aria-label={`Switch to ${theme === 'dark' ? 'light' : 'dark'} theme`}
          >
            <span aria-hidden="true">{theme === 'dark' ? '☀' : '☾'}</span>
          </button>
          <span className="who" title={session.me.user.email ?? ''}>
            {session.me.user.name}
            {workspace?.kind === 'team' ? <span className="who-workspace"> · {workspace.name}</span> : null}
          </span>
          <button type="button" className="button subtle" onClick={() => void session.signOut()}>
            Log out
          </button>
        </div>
      </header>
      <nav id="nav" className="nav" aria-label="Main">
        <ul>
          {views.map((v) => (
            <li key={v.id}>
              <Link
                href={v.path}
                aria-current={v === view ? 'page' : undefined}
                onClick={() => setMenu(false)}
              >
                {v.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="main" tabIndex={-1}>
        <ViewBoundary key={view.id}>
          <Suspense
            fallback={
              <p className="loading" role="status">
                Loading {view.title}…
              </p>
            }
          >
            {content}
          </Suspense>
        </ViewBoundary>
      </main>
      <NoticeBar />
      <CommandPalette open={palette} onClose={() => setPalette(false)} commands={commands} />
      <ShortcutsHelp open={help} onClose={() => setHelp(false)} />
    </div>
  );
}
