import type { ScheduleInput } from '#contracts/systems.js';
import { AppError } from '#core/errors.js';

/** Parse failures of option values are usage errors: exit 2 with the fix in the message. */
const usage = (path: string, message: string) => new AppError('validation', message, [{ path, message }]);

export interface ScheduleOptions {
  daily?: boolean;
  times?: number;
  per?: string;
  weekdays?: string;
  rrule?: string;
}

const DAY_NAMES = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** "mon,wed,fri", "Monday Friday" or "1,3,5" → ISO weekdays; "weekdays" and "weekend" are understood too. */
export function parseWeekdays(value: string): number[] {
  const words = value.toLowerCase().split(/[\s,]+/).filter(Boolean);
  const out: number[] = [];
  for (const w of words) {
    if (w === 'weekdays') out.push(1, 2, 3, 4, 5);
    else if (w === 'weekend' || w === 'weekends') out.push(6, 7);
    else if (/^[1-7]$/.test(w)) out.push(Number(w));
    else {
      // Any unambiguous start of a name: "mo", "tues", "thu", "sa".
      const matches = DAY_NAMES.flatMap((d, i) => (w.length >= 2 && d.startsWith(w) ? [i + 1] : []));
      if (matches.length !== 1) throw usage('weekdays', `"${w}" is not a weekday. Use mon,tue,wed,thu,fri,sat,sun (or 1–7, Monday = 1), e.g. --weekdays mon,wed,fri`);
      out.push(...matches);
    }
  }
  if (out.length === 0) throw usage('weekdays', 'Name at least one weekday, e.g. --weekdays mon,wed,fri');
  return out;
}

/** "week" → 7, "month" → 30 (Loop Habit Tracker's month), "14" or "14 days" → 14. */
export function parsePer(value: string): number {
  const v = value.trim().toLowerCase();
  if (v === 'week' || v === 'w') return 7;
  if (v === 'month' || v === 'm') return 30;
  if (v === 'day' || v === 'd') return 1;
  const m = /^(\d+)\s*(d|days?)?$/.exec(v);
  if (!m) throw usage('per', `--per must be week, month or a number of days, not "${value}". E.g. --times 3 --per week`);
  return Number(m[1]);
}

/** The schedule chosen by the flags, or undefined when none is given. Two at once is refused. */
export function scheduleFrom(opts: ScheduleOptions): ScheduleInput | undefined {
  const chosen = [opts.daily && '--daily', opts.times !== undefined && '--times', opts.weekdays !== undefined && '--weekdays', opts.rrule !== undefined && '--rrule'].filter(Boolean);
  if (chosen.length > 1) throw usage('schedule', `Choose one schedule, not ${chosen.join(' and ')}: --daily, --times N --per week, --weekdays mon,wed,fri or --rrule "FREQ=…".`);
  if (opts.per !== undefined && opts.times === undefined) throw usage('per', '--per goes with --times, e.g. --times 3 --per week');
  if (opts.daily) return { kind: 'daily' };
  if (opts.times !== undefined) return { kind: 'times', times: opts.times, periodDays: opts.per === undefined ? 7 : parsePer(opts.per) };
  if (opts.weekdays !== undefined) return { kind: 'weekdays', weekdays: parseWeekdays(opts.weekdays) };
  if (opts.rrule !== undefined) return { kind: 'rrule', rrule: opts.rrule };
  return undefined;
}

export interface TargetOptions {
  atLeast?: number;
  atMost?: number;
  unit?: string;
}

/** The target chosen by --at-least / --at-most (with --unit), or undefined when none is given. */
export function targetFrom(opts: TargetOptions): { kind: 'at_least' | 'at_most'; value: number; unit: string } | undefined {
  if (opts.atLeast !== undefined && opts.atMost !== undefined) throw usage('target', 'Choose --at-least or --at-most, not both.');
  if (opts.atLeast !== undefined) return { kind: 'at_least', value: opts.atLeast, unit: opts.unit ?? '' };
  if (opts.atMost !== undefined) return { kind: 'at_most', value: opts.atMost, unit: opts.unit ?? '' };
  return undefined;
}

export function describeTarget(r: { target: { kind: 'at_least' | 'at_most'; value: number; unit: string } | null }): string {
  if (!r.target) return 'yes/no';
  return `${r.target.kind === 'at_least' ? '≥' : '≤'} ${r.target.value}${r.target.unit ? ` ${r.target.unit}` : ''}`;
}
