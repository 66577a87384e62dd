import Database from 'better-sqlite3';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { fromDayNumber } from '../../time/plain-date.js';
import { notLoop, type LoopExport, type LoopHabit } from './loop-export.js';

const int = z.coerce.number().int();
const HabitRow = z.object({
  id: int,
  name: z.string().nullable(),
  freq_num: int,
  freq_den: int,
  position: int.nullish(),
  archived: z.number().nullish(),
  type: int.nullish(),
  target_type: int.nullish(),
  target_value: z.number().nullish(),
  unit: z.string().nullish(),
  reminder_hour: int.nullish(),
  reminder_min: int.nullish(),
});
const RepetitionRow = z.object({
  habit: int,
  timestamp: z.number(),
  value: int.nullish(),
  notes: z.string().nullish(),
});

const MS_PER_DAY = 86_400_000;
const pad = (n: number): string => String(n).padStart(2, '0');

function reminderTime(hour: number | null | undefined, minute: number | null | undefined): string | null {
  if (hour == null || minute == null || hour < 0 || hour > 23 || minute < 0 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

function lowerKeys(row: unknown): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k.toLowerCase(), v]));
}

/**
 * Read a Loop full backup (an SQLite file, opened read-only), from the legacy schema 12 through
 * the current one: Habits and Repetitions, with values, types, targets and notes where the
 * schema has them. Repetitions of unknown habits are dropped and one per habit and day is kept,
 * as Loop's own migration 22 does.
 */
export function readDbBackup(file: string, label: string): LoopExport {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw notLoop(label, `it cannot be opened as SQLite (${(error as Error).message})`);
  }
  try {
    const tables = new Map(
      (db.prepare("select name from sqlite_master where type = 'table'").all() as Array<{ name: string }>).map((t) => [t.name.toLowerCase(), t.name]),
    );
    const habitsTable = tables.get('habits');
    const repsTable = tables.get('repetitions');
    if (!habitsTable || !repsTable) throw notLoop(label, 'this SQLite database has no Habits and Repetitions tables');
    const columns = (table: string): Set<string> =>
      new Set((db.prepare(`select name from pragma_table_info(?)`).all(table) as Array<{ name: string }>).map((c) => c.name.toLowerCase()));
    const habitCols = columns(habitsTable);
    const repCols = columns(repsTable);
    for (const [cols, needed, table] of [[habitCols, ['id', 'name', 'freq_num', 'freq_den'], 'Habits'], [repCols, ['habit', 'timestamp'], 'Repetitions']] as const) {
      const missing = needed.filter((c) => !cols.has(c));
      if (missing.length > 0) throw notLoop(label, `its ${table} table lacks the column(s) ${missing.join(', ')}`);
    }
    const version = Number(db.pragma('user_version', { simple: true }));

    const order = habitCols.has('position') ? 'order by position, id' : 'order by id';
    const habitRows = (db.prepare(`select * from "${habitsTable}" ${order}`).all() as unknown[]).map((r, i) => {
      const parsed = HabitRow.safeParse(lowerKeys(r));
      if (!parsed.success) throw notLoop(label, `habit row ${i + 1} is not in Loop's shape (${parsed.error.issues[0]?.path.join('.')})`);
      return parsed.data;
    });
    const repOrder = repCols.has('id') ? 'order by id' : '';
    const reps = db.prepare(`select * from "${repsTable}" where habit is not null and timestamp is not null ${repOrder}`).all() as unknown[];

    const byHabit = new Map<number, Map<string, LoopHabit['entries'][number]>>(habitRows.map((h) => [h.id, new Map()]));
    for (const r of reps) {
      const parsed = RepetitionRow.safeParse(lowerKeys(r));
      const days = parsed.success ? byHabit.get(parsed.data.habit) : undefined;
      if (!parsed.success || !days) continue;
      // Loop stores a day as the UTC midnight that starts it, in milliseconds: dividing decodes that
      // label back into the calendar date it names.
      const date = fromDayNumber(Math.floor(parsed.data.timestamp / MS_PER_DAY));
      if (!days.has(date)) days.set(date, { date, value: parsed.data.value ?? 2, note: parsed.data.notes ?? '' });
    }

    const habits = habitRows.map((h, i): LoopHabit => {
      const numerical = h.type === 1;
      return {
        position: i + 1,
        name: h.name ?? '',
        numerator: h.freq_num,
        denominator: h.freq_den,
        numerical,
        targetType: numerical ? (h.target_type === 1 ? 'at_most' : 'at_least') : null,
        target: numerical ? (h.target_value ?? 0) : null,
        unit: numerical ? (h.unit ?? '') : '',
        archived: Boolean(h.archived),
        reminderTime: reminderTime(h.reminder_hour, h.reminder_min),
        entries: [...byHabit.get(h.id)!.values()],
      };
    });
    return { source: 'db', format: `Loop backup (database schema v${version})`, habits, warnings: [] };
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw notLoop(label, `reading it failed (${(error as Error).message})`);
  } finally {
    db.close();
  }
}
