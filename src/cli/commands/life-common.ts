import { AppError } from '#core/errors.js';
import type { Colors } from '../io.js';

/** A five-step bar for a 1–5 level, coloured by how good it is. */
export function levelBar(value: number, c: Colors): string {
  const full = Math.max(0, Math.min(5, Math.round(value)));
  const bar = '█'.repeat(full) + c.dim('░'.repeat(5 - full));
  return value >= 4 ? c.green(bar) : value >= 3 ? c.yellow(bar) : c.red(bar);
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** A routine schedule in words, as a playbook describes it. */
export function describeSchedule(
  schedule: { kind: 'daily' } | { kind: 'times'; times: number; periodDays: number } | { kind: 'weekdays'; weekdays: number[] } | { kind: 'rrule'; rrule: string },
): string {
  switch (schedule.kind) {
    case 'daily':
      return 'every day';
    case 'times':
      return schedule.periodDays === 7 ? `${schedule.times}× a week` : `${schedule.times}× every ${schedule.periodDays} days`;
    case 'weekdays':
      if (schedule.weekdays.join(',') === '1,2,3,4,5') return 'Mon–Fri';
      return schedule.weekdays.map((d) => WEEKDAYS[d - 1] ?? String(d)).join(', ');
    case 'rrule':
      return schedule.rrule;
  }
}

/** A number typed as an argument (after an interactive question too), as a usage error when it is not one. */
export function numberArg(name: string, raw: string): number {
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n)) throw new AppError('validation', `${name} must be a number, got "${raw}".`);
  return n;
}
