import { useEffect } from 'react';

/** Whether a key press belongs to a text field (shortcuts then stay out of the way). */
export function isTyping(event: KeyboardEvent): boolean {
  const t = event.target as HTMLElement | null;
  if (!t) return false;
  return (
    t.isContentEditable ||
    t.tagName === 'INPUT' ||
    t.tagName === 'TEXTAREA' ||
    t.tagName === 'SELECT'
  );
}

/** Whether a modal dialog is open: its own keys win. */
export function modalOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** A plain key (no Ctrl, Meta or Alt), outside text fields and dialogs. */
export function plainKey(event: KeyboardEvent): boolean {
  return !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event) && !modalOpen();
}

/** Listen to key presses on the document while the component is mounted. */
export function useKeydown(handler: (event: KeyboardEvent) => void): void {
  useEffect(() => {
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, [handler]);
}

/** Every shortcut, as the `?` overlay lists them. */
export const SHORTCUTS: { keys: string; what: string }[] = [
  { keys: 'Ctrl K / ⌘ K', what: 'Command palette: go anywhere, run an action' },
  { keys: '?', what: 'This list of shortcuts' },
  { keys: 'w', what: 'Log a win' },
  { keys: 'n', what: 'New task' },
  { keys: 'j / k', what: 'Next / previous task or routine' },
  { keys: 'x', what: 'Done: complete the task, check in the routine' },
  { keys: 'm', what: 'Minimum version of the routine' },
  { keys: 's', what: 'Skip the task or routine' },
  { keys: 'c', what: 'Today: carry the task to the next day' },
  { keys: 'u', what: "Undo the routine's check-in" },
  { keys: '[ / . / ]', what: 'Week and Reports: previous week / this week / next week' },
  { keys: 'c', what: 'Goals, Systems, Experiments: create a new one' },
  { keys: 'd', what: 'Goal page: edit the goal' },
  { keys: 'v', what: 'Goal page: record a value of the metric that matters' },
];
