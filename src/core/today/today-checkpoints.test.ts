import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachEngine, type TestCtx } from '#test/db.js';
import { today } from '../context.js';
import { AppError } from '../errors.js';
import { newId } from '../ids.js';
import { routineProgress } from '../insights/routine-progress.js';
import { checkInRoutine, undoCheckIn } from '../routines/check-in-routine.js';
import { createRoutine } from '../routines/create-routine.js';
import { pauseRoutine, resumeRoutine } from '../routines/pause-routine.js';
import { storeScoreCheckpoints } from '../routines/score-checkpoints.js';
import { updateRoutine } from '../routines/update-routine.js';
import { addDays } from '../time/plain-date.js';
import { todayView } from './today-view.js';

type Status = 'done' | 'minimum' | 'skipped' | 'missed';
const schedules = [{ kind: 'daily' as const }, { kind: 'weekdays' as const, weekdays: [1, 3, 5] }, { kind: 'times' as const, times: 3, periodDays: 7 }];
const statusArb = fc.constantFrom<Status>('done', 'done', 'minimum', 'skipped', 'missed');

const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('check' as const), routine: fc.nat(1), back: fc.integer({ min: 0, max: 45 }), status: statusArb, value: fc.integer({ min: 0, max: 6 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('undo' as const), routine: fc.nat(1), back: fc.integer({ min: 0, max: 45 }) }) },
  fc.record({ kind: fc.constant('schedule' as const), schedule: fc.nat(schedules.length - 1) }),
  fc.record({ kind: fc.constant('target' as const), value: fc.integer({ min: 1, max: 5 }), atMost: fc.boolean() }),
  fc.record({ kind: fc.constant('start' as const), back: fc.integer({ min: 0, max: 30 }) }),
  fc.record({ kind: fc.constant('pause' as const), routine: fc.nat(1), back: fc.integer({ min: 0, max: 30 }), length: fc.integer({ min: 1, max: 10 }) }),
  fc.record({ kind: fc.constant('resume' as const), routine: fc.nat(1) }),
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('advance' as const), days: fc.integer({ min: 1, max: 20 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('today' as const) }) },
);
type Op = typeof opArb extends fc.Arbitrary<infer O> ? O : never;

/** The whole history, scored from its first day: what Today must show. */
async function fromScratch(ctx: TestCtx, routineId: string) {
  const routine = await ctx.db.selectFrom('routines').selectAll().where('id', '=', routineId).executeTakeFirstOrThrow();
  const checkIns = await ctx.db.selectFrom('checkIns').select(['day', 'status', 'value']).where('routineId', '=', routineId).execute();
  const pauses = await ctx.db.selectFrom('routinePauses').select(['startDay', 'endDay']).where('routineId', '=', routineId).execute();
  return routineProgress(routine, checkIns.map((c) => ({ ...c, value: c.value === null ? null : Number(c.value) })), pauses, { today: today(ctx) });
}

// Refusals the random sequence runs into (nothing to undo, a pause overlapping another) change nothing.
async function tolerate(action: Promise<unknown>): Promise<void> {
  try {
    await action;
  } catch (error) {
    if (!(error instanceof AppError) || !['not_found', 'conflict', 'validation'].includes(error.code)) throw error;
  }
}

describeEachEngine('today with score checkpoints', (s) => {
  it('shows exactly the whole history\'s score and streak through random check-ins, undos, edits and pauses', async () => {
    let compared = 0;
    let fromCheckpoint = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(statusArb, { minLength: 300, maxLength: 300 }), fc.array(opArb, { minLength: 10, maxLength: 30 }), async (past, ops) => {
        const ctx = await s.newCtx({ now: '2026-06-01T10:00:00Z' });
        const start = addDays(today(ctx), -past.length);
        const run = await createRoutine(ctx, { name: 'Run', minimumVersion: 'Walk', startDay: start });
        const read = await createRoutine(ctx, { name: 'Read', minimumVersion: 'A page', startDay: start, target: { kind: 'at_least', value: 3, unit: 'pages' } });
        const ids = [run.id, read.id];
        // Years of history written straight to the table, before any Today has run.
        const now = ctx.clock.now().toISOString();
        const rows = past.flatMap((status, k) =>
          ids.map((routineId, i) => ({ id: newId(), workspaceId: ctx.actor.workspaceId, routineId, day: addDays(start, k), status, value: i === 1 ? (k % 7) : null, note: '', createdAt: now, updatedAt: now })),
        );
        for (let i = 0; i < rows.length; i += 200) await ctx.db.insertInto('checkIns').values(rows.slice(i, i + 200)).execute();

        const compare = async () => {
          const stored = await ctx.db.selectFrom('routineScoreCheckpoints').select(['routineId', 'day']).where('day', 'is not', null).execute();
          const shown = (await todayView(ctx)).routines;
          for (const id of ids) {
            const routine = shown.find((r) => r.id === id);
            if (!routine) continue;
            const full = await fromScratch(ctx, id);
            expect(routine.score, routine.name).toBe(full.score);
            expect(routine.currentStreak, routine.name).toBe(full.currentStreak);
            compared++;
            if (stored.some((c) => c.routineId === id && c.day! < today(ctx))) fromCheckpoint++;
          }
        };
        await compare();
        for (const op of ops as Op[]) {
          const day = (back: number) => addDays(today(ctx), -back);
          if (op.kind === 'check') {
            const numeric = op.routine === 1 && op.status === 'done';
            await tolerate(checkInRoutine(ctx, { routineId: ids[op.routine]!, day: day(op.back), status: op.status, value: numeric ? op.value : undefined }));
          } else if (op.kind === 'undo') await tolerate(undoCheckIn(ctx, { routineId: ids[op.routine]!, day: day(op.back) }));
          else if (op.kind === 'schedule') await tolerate(updateRoutine(ctx, { routineId: run.id, schedule: schedules[op.schedule]! }));
          else if (op.kind === 'target') await tolerate(updateRoutine(ctx, { routineId: read.id, target: { kind: op.atMost ? 'at_most' : 'at_least', value: op.value, unit: 'pages' } }));
          else if (op.kind === 'start') await tolerate(updateRoutine(ctx, { routineId: run.id, startDay: addDays(start, -op.back) }));
          else if (op.kind === 'pause') await tolerate(pauseRoutine(ctx, { routineId: ids[op.routine]!, from: day(op.back), to: day(op.back - op.length) }));
          else if (op.kind === 'resume') await tolerate(resumeRoutine(ctx, { routineId: ids[op.routine]! }));
          else if (op.kind === 'advance') ctx.clock.advance(op.days * 86_400_000);
          else await compare();
        }
        await compare();
      }),
      { seed: 20261202, numRuns: 12 },
    );
    // Both paths ran: Today continuing from a stored checkpoint, and Today reading a history whole.
    expect(fromCheckpoint).toBeGreaterThan(20);
    expect(compared - fromCheckpoint).toBeGreaterThan(10);
  }, 120_000);

  it('keeps a checkpoint a week back for every routine, due today or not, and leaves it for a look at an earlier day', async () => {
    // Tuesday 17 November 2026: the Monday/Wednesday/Friday routine is not due.
    const ctx = await s.newCtx({ now: '2026-11-17T10:00:00Z' });
    const gym = await createRoutine(ctx, { name: 'Gym', schedule: { kind: 'weekdays', weekdays: [1, 3, 5] }, startDay: '2026-01-05' });
    for (const back of [1, 6, 8, 13]) await checkInRoutine(ctx, { routineId: gym.id, day: addDays('2026-11-17', -back) });
    const checkpoint = () => ctx.db.selectFrom('routineScoreCheckpoints').select(['day', 'streak']).where('routineId', '=', gym.id).executeTakeFirstOrThrow();
    expect((await todayView(ctx)).routines).toEqual([]);
    // Through Tuesday the 10th: Monday the 9th done, Friday the 6th missed.
    expect(await checkpoint()).toEqual({ day: '2026-11-10', streak: 1 });
    await todayView(ctx, { day: '2026-10-01' });
    expect((await checkpoint()).day).toBe('2026-11-10');
  });

  it('drops a checkpoint computed from a read that a check-in has since overtaken', async () => {
    const ctx = await s.newCtx({ now: '2026-11-18T10:00:00Z' });
    const run = await createRoutine(ctx, { name: 'Run', startDay: '2026-09-01' });
    for (let back = 1; back <= 40; back++) await checkInRoutine(ctx, { routineId: run.id, day: addDays('2026-11-18', -back) });
    await todayView(ctx);
    const row = () => ctx.db.selectFrom('routineScoreCheckpoints').select(['token', 'day', 'score']).where('routineId', '=', run.id).executeTakeFirstOrThrow();
    const read = await row();
    expect(read.day).toBe('2026-11-11');
    // A Today that read before this back-dated undo tries to store what it computed: refused.
    await undoCheckIn(ctx, { routineId: run.id, day: '2026-11-01' });
    expect(await row()).toMatchObject({ day: null, score: null });
    const stale = { day: '2026-11-11', score: read.score!, streak: 40 };
    await storeScoreCheckpoints(ctx, [{ routineId: run.id, token: read.token, checkpoint: stale }]);
    await storeScoreCheckpoints(ctx, [{ routineId: run.id, token: null, checkpoint: stale }]);
    expect(await row()).toMatchObject({ day: null, score: null });
    // A check-in after the checkpoint's day keeps it (the next Today stores a new one first).
    await todayView(ctx);
    await checkInRoutine(ctx, { routineId: run.id, day: '2026-11-15', status: 'missed' });
    expect((await row()).day).toBe('2026-11-11');
    const full = await fromScratch(ctx, run.id);
    expect((await todayView(ctx)).routines[0]).toMatchObject({ score: full.score, currentStreak: 2 });
  });
});
