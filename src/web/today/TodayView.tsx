import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../api/client.js';
import { api } from '../api/endpoints.js';
import { listenForActions } from '../app/actions.js';
import { plainKey, useKeydown } from '../app/shortcuts.js';
import { Celebration } from '../ui/Celebration.js';
import { dismiss, notify } from '../ui/notify.js';
import { Momentum } from './Momentum.js';
import { PulseCard } from './PulseCard.js';
import { RoutineSection, type CheckInStatus, type RoutineActions } from './RoutineSection.js';
import { Energy, FocusWindows, Wins } from './SideSections.js';
import { TaskSection, type TaskActions } from './TaskSection.js';
import { formatDay, messageOf, useToday, type TodayRoutine, type TodayTask } from './use-today.js';

const CHEERS = [
  'Done. One more small win.',
  'Nice work!',
  'That counts.',
  'Momentum builds.',
  'Another step forward.',
];

/** Today: the day's tasks and routines, focus windows, wins and energy, all one key away. */
export default function TodayView() {
  const { today, week, momentum, error, reload, optimistic } = useToday();
  const [burst, setBurst] = useState<{ id: number; text: string } | null>(null);
  const [winOpen, setWinOpen] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);
  const root = useRef<HTMLElement>(null);

  const celebrate = useCallback((text?: string) => {
    setBurst((b) => ({
      id: (b?.id ?? 0) + 1,
      text: text ?? CHEERS[Math.floor(Math.random() * CHEERS.length)]!,
    }));
  }, []);

  const taskActions: TaskActions = {
    complete: (task) => {
      celebrate();
      void optimistic(
        (t) => ({
          ...t,
          tasks: t.tasks.map((x) => (x.id === task.id ? { ...x, status: 'done' } : x)),
        }),
        () => call(api.completeTask, { taskId: task.id }),
        `Could not complete “${task.title}”`,
      );
    },
    skip: (task) =>
      void optimistic(
        (t) => ({
          ...t,
          tasks: t.tasks.map((x) => (x.id === task.id ? { ...x, status: 'skipped' } : x)),
        }),
        () => call(api.skipTask, { taskId: task.id }),
        `Could not skip “${task.title}”`,
      ),
    carry: (task) =>
      void optimistic(
        (t) => ({
          ...t,
          tasks: t.tasks.map((x) => (x.id === task.id ? { ...x, status: 'carried' } : x)),
        }),
        () => call(api.carryOverTask, { taskId: task.id }),
        `Could not move “${task.title}”`,
      ).then((ok) => ok && notify(`“${task.title}” moved to tomorrow.`)),
    carryAll: () =>
      void call(api.carryOverUnfinished, {})
        .then((r) => notify(`${r.carried} task${r.carried === 1 ? '' : 's'} brought to today.`))
        .catch((e: unknown) => notify(`Could not bring tasks over: ${messageOf(e)}`, 'error'))
        .then(reload),
    added: () => void reload(),
  };

  const routineActions: RoutineActions = {
    checkIn: (routine, status, value) => {
      // A counted routine is done by its number: ask for it rather than invent one.
      if (status === 'done' && routine.target && value === undefined) {
        root.current
          ?.querySelector<HTMLInputElement>(`[data-id="${routine.id}"] .value-input`)
          ?.focus();
        notify(
          `How many ${routine.target.unit || 'units'} for “${routine.name}”? Type it, then press Enter.`,
        );
        return;
      }
      if (status === 'minimum' && !routine.minimumVersion) {
        notify(`“${routine.name}” has no minimum version yet: check it in as done or skipped.`);
        return;
      }
      dismiss();
      if (status !== 'skipped')
        celebrate(status === 'minimum' ? 'The minimum counts. Streak kept.' : undefined);
      const now = new Date().toISOString();
      const checkIn = {
        id: 'pending',
        routineId: routine.id,
        day: today?.day ?? '',
        status,
        value: value ?? null,
        note: '',
        createdAt: now,
        updatedAt: now,
      };
      void optimistic(
        (t) => ({
          ...t,
          routines: t.routines.map((r) => (r.id === routine.id ? { ...r, checkIn } : r)),
        }),
        () =>
          call(
            api.checkInRoutine,
            value === undefined
              ? { routineId: routine.id, status }
              : { routineId: routine.id, value },
          ),
        `Could not check in “${routine.name}”`,
      );
    },
    undo: (routine) =>
      void optimistic(
        (t) => ({
          ...t,
          routines: t.routines.map((r) => (r.id === routine.id ? { ...r, checkIn: null } : r)),
        }),
        () =>
          call(api.undoCheckIn, {
            routineId: routine.id,
            day: routine.checkIn?.day ?? today?.day ?? '',
          }),
        `Could not undo the check-in of “${routine.name}”`,
      ),
  };

  const logWin = async (title: string): Promise<string | null> => {
    try {
      await call(api.logWin, { title });
      celebrate('Win logged. Well done!');
      setWinOpen(false);
      await reload();
      return null;
    } catch (e) {
      return messageOf(e);
    }
  };

  const logEnergy = (energy: number): void =>
    void optimistic(
      (t) => ({ ...t, energy: { energy, sleepHours: t.energy?.sleepHours ?? null } }),
      () => call(api.logEnergy, { energy }),
      'Could not log your energy',
    );

  useEffect(
    () =>
      listenForActions((action) => {
        if (action === 'log-win') setWinOpen(true);
        else titleRef.current?.focus();
      }),
    [],
  );

  // j/k move between tasks and routines; x, m, s, c, u act on the one in focus.
  const onKey = (e: KeyboardEvent): void => {
    if (!plainKey(e) || !today || !root.current) return;
    const rows = [...root.current.querySelectorAll<HTMLElement>('[data-row]')];
    const currentRow =
      (document.activeElement as HTMLElement | null)?.closest<HTMLElement>('[data-row]') ?? null;
    const at = currentRow ? rows.indexOf(currentRow) : -1;
    if (e.key === 'j' || e.key === 'k') {
      const next = rows[e.key === 'j' ? Math.min(at + 1, rows.length - 1) : Math.max(at - 1, 0)];
      next?.focus();
      e.preventDefault();
      return;
    }
    if (!currentRow) return;
    const id = currentRow.dataset.id;
    const task =
      currentRow.dataset.row === 'task' ? today.tasks.find((t) => t.id === id) : undefined;
    const routine =
      currentRow.dataset.row === 'routine' ? today.routines.find((r) => r.id === id) : undefined;
    if (task) onTaskKey(e, task);
    if (routine) onRoutineKey(e, routine);
  };
  const onTaskKey = (e: KeyboardEvent, task: TodayTask): void => {
    if (task.status !== 'planned') return;
    const act = { x: taskActions.complete, s: taskActions.skip, c: taskActions.carry }[e.key];
    if (!act) return;
    e.preventDefault();
    act(task);
  };
  const onRoutineKey = (e: KeyboardEvent, routine: TodayRoutine): void => {
    const status = ({ x: 'done', m: 'minimum', s: 'skipped' } as const)[
      e.key as 'x' | 'm' | 's'
    ] as CheckInStatus | undefined;
    if (status && !routine.checkIn) {
      e.preventDefault();
      routineActions.checkIn(routine, status);
    } else if (e.key === 'u' && routine.checkIn) {
      e.preventDefault();
      routineActions.undo(routine);
    }
  };
  useKeydown(onKey);

  if (error && !today) {
    return (
      <div className="error-state" role="alert">
        <h1>Today could not be loaded</h1>
        <p>{error}</p>
        <button type="button" className="button" onClick={() => void reload()}>
          Try again
        </button>
      </div>
    );
  }
  if (!today)
    return (
      <p className="loading" role="status">
        Loading today…
      </p>
    );
  const t = today.totals;
  return (
    <section className="view today" ref={root} aria-labelledby="view-title">
      <header className="view-head">
        <div>
          <h1 id="view-title">Today</h1>
          <p className="muted">{formatDay(today.day)}</p>
          <p className="summary" data-testid="today-summary">
            {t.tasksDone} of {t.tasksDone + t.tasksOpen} tasks done · {t.routinesChecked} of{' '}
            {t.routinesDue} routines · {today.wins.length} win{today.wins.length === 1 ? '' : 's'}
          </p>
        </div>
        <Momentum momentum={momentum} />
      </header>
      {today.goals.length > 0 ? (
        <p className="goals-line">
          Working towards:{' '}
          {today.goals.map((g, i) => (
            <span key={g.id}>
              {i > 0 ? ' · ' : ''}
              <strong>{g.title}</strong>
              {g.primaryMetric ? <span className="muted"> ({g.primaryMetric.name})</span> : null}
            </span>
          ))}
        </p>
      ) : null}
      <Celebration burst={burst} />
      <div className="today-grid">
        <div className="today-main">
          <TaskSection today={today} week={week} actions={taskActions} titleRef={titleRef} />
          <RoutineSection routines={today.routines} actions={routineActions} />
        </div>
        <div className="today-side">
          <PulseCard />
          <Wins
            today={today}
            open={winOpen}
            onOpen={() => setWinOpen(true)}
            onClose={() => setWinOpen(false)}
            onLog={logWin}
          />
          <FocusWindows today={today} onAdded={() => void reload()} />
          <Energy today={today} onLog={logEnergy} />
        </div>
      </div>
    </section>
  );
}
