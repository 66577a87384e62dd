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
