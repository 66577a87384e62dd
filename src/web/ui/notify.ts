import { useSyncExternalStore } from 'react';

/* One polite status line for the whole app: errors after a rollback, confirmations. */

export interface Notice {
  id: number;
  text: string;
  kind: 'info' | 'error';
}

let notice: Notice | null = null;
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();

export function notify(text: string, kind: Notice['kind'] = 'info'): void {
  notice = { id: nextId++, text, kind };
  listeners.forEach((l) => l());
  clearTimeout(timer);
  timer = setTimeout(() => dismiss(), kind === 'error' ? 10_000 : 4_000);
}

export function dismiss(): void {
  notice = null;
  listeners.forEach((l) => l());
}

export function useNotice(): Notice | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => notice,
  );
}
