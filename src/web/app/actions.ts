import { navigate } from './router.js';

/* App-wide actions (the palette, `w`, `n`) that a view carries out: Today logs wins and adds tasks. */

export type AppAction = 'log-win' | 'add-task';
type Handler = (action: AppAction) => void;

const handlers = new Set<Handler>();
let pending: AppAction | null = null;

/** Run an action on Today, opening Today first when another view is showing. */
export function requestAction(action: AppAction): void {
  if (handlers.size > 0 && location.pathname === '/today') {
    handlers.forEach((h) => h(action));
    return;
  }
  pending = action;
  navigate('/today');
}

/** Register the view that carries out actions; it receives one requested before it loaded. */
export function listenForActions(handler: Handler): () => void {
  handlers.add(handler);
  if (pending) {
    const action = pending;
    pending = null;
    queueMicrotask(() => handler(action));
  }
  return () => handlers.delete(handler);
}
