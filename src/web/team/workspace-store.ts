import { useSyncExternalStore } from 'react';
import { setWorkspace } from '../api/client.js';

/*
 * The workspace the app is working in. The shell starts in the personal one (`session.workspaceId`);
 * switching here points every later call of the client at another, and views read again when
 * opened. The choice is also kept in localStorage under STORAGE_KEY for the shell to reuse.
 */

export const STORAGE_KEY = 'smallwins-workspace';

let current: string | null = null;
const listeners = new Set<() => void>();

/**
 * A link may name the workspace to open (`/today?workspace=<id>`, as a pulse prompt email does): it
 * becomes the saved choice, which the shell opens when the person is a member (else their personal
 * workspace), and the parameter leaves the address bar. Runs once, before the shell starts.
 */
function adoptWorkspaceFromLink(): void {
  try {
    const url = new URL(location.href);
    const id = url.searchParams.get('workspace');
    if (id === null) return;
    if (/^[0-9a-z]{1,64}$/.test(id)) localStorage.setItem(STORAGE_KEY, id);
    url.searchParams.delete('workspace');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
  } catch {
    /* no window or storage: the shell starts in the personal workspace */
  }
}
adoptWorkspaceFromLink();

export function switchWorkspace(id: string): void {
  current = id;
  setWorkspace(id);
  try {
    localStorage.setItem(STORAGE_KEY, id);
  } catch {
    /* storage may be off: the switch still holds for this page */
  }
  listeners.forEach((l) => l());
}

/** The current workspace id: the one switched to, else the session's. */
export function useCurrentWorkspace(sessionWorkspaceId: string): string {
  const id = useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
  return id ?? sessionWorkspaceId;
}
