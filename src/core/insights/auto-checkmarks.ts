import { addDays, daysBetween, daysInMonth, parseIsoDate, type IsoDate } from '../time/plain-date.js';
import { EntryValue, type Frequency, type HabitRules, type LoopEntry } from './loop-entry.js';

const { UNKNOWN, YES_AUTO, YES_MANUAL, SKIP } = EntryValue;

/**
 * A window of days a non-daily habit counts as done for: it opens on the oldest of `numerator`
 * manual checks (`begin`), `center` is the newest of them, and it lasts `denominator` days.
 */
export interface Interval {
  begin: IsoDate;
  center: IsoDate;
  end: IsoDate;
}

const newestFirst = (a: LoopEntry, b: LoopEntry): number => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);

/** One entry per date (the last one given wins, as when entries replace each other), newest first. */
export function latestPerDate(entries: readonly LoopEntry[]): LoopEntry[] {
  const byDate = new Map<IsoDate, LoopEntry>();
  for (const e of entries) byDate.set(e.date, e);
  return [...byDate.values()].sort(newestFirst);
}

// "Once a month" is written 1/30 or 1/31; its window is a calendar month long, and a check on a
// month's last day looks ahead to the next month's length.
function windowLength(freq: Frequency, begin: IsoDate): number {
  if (freq.denominator !== 30 && freq.denominator !== 31) return freq.denominator;
  const { year, month, day } = parseIsoDate(begin);
  const length = daysInMonth(year, month);
  if (day !== length) return length;
  return month === 12 ? daysInMonth(year + 1, 1) : daysInMonth(year, month + 1);
}

/**
 * The windows opened by every run of `numerator` consecutive manual checks that fit in
 * `denominator` days. `entries` may be in any order; intervals come back newest first.
 */
export function buildIntervals(freq: Frequency, entries: readonly LoopEntry[]): Interval[] {
  const checks = latestPerDate(entries).filter((e) => e.value === YES_MANUAL);
  const intervals: Interval[] = [];
  for (let i = freq.numerator - 1; i < checks.length; i++) {
    const begin = checks[i]!.date;
    const center = checks[i - freq.numerator + 1]!.date;
    const size = windowLength(freq, begin);
    if (daysBetween(begin, center) < size) intervals.push({ begin, center, end: addDays(begin, size - 1) });
  }
  return intervals;
}

/**
 * Slide each older window back into the past (never past its own center) so that it touches the
 * newer one: gaps between windows disappear and streaks come out as long as the checks allow.
 * Takes and returns intervals newest first.
 */
export function snapIntervalsTogether(intervals: readonly Interval[]): Interval[] {
  const out = intervals.map((i) => ({ ...i }));
  for (let i = 1; i < out.length; i++) {
    const current = out[i]!;
    const newer = out[i - 1]!;
    const overlap = daysBetween(newer.begin, current.end);
    if (overlap < 0) continue;
    const shift = Math.min(daysBetween(current.center, current.end), overlap + 1);
    out[i] = { begin: addDays(current.begin, -shift), center: current.center, end: addDays(current.end, -shift) };
  }
  return out;
}

/**
 * Every day from the oldest to the newest of the entries and windows, newest first: days inside a
 * window are YES_AUTO unless the person entered YES_MANUAL or SKIP there; days outside keep what
 * was entered, or UNKNOWN. Notes always stay with their day.
 */
export function buildEntriesFromIntervals(original: readonly LoopEntry[], intervals: readonly Interval[]): LoopEntry[] {
  const entries = latestPerDate(original);
  if (entries.length === 0) return [];
  let from = entries[entries.length - 1]!.date;
  let to = entries[0]!.date;
  for (const i of intervals) {
    if (i.begin < from) from = i.begin;
    if (i.end > to) to = i.end;
  }
  const size = daysBetween(from, to) + 1;
  const values = new Array<number>(size).fill(UNKNOWN);
  const notes = new Array<string>(size).fill('');
  for (const i of intervals) {
    for (let k = daysBetween(from, i.begin); k <= daysBetween(from, i.end); k++) values[k] = YES_AUTO;
  }
  for (const e of entries) {
    const k = daysBetween(from, e.date);
    const inWindow = values[k] !== UNKNOWN;
    values[k] = !inWindow || e.value === SKIP || e.value === YES_MANUAL ? e.value : YES_AUTO;
    notes[k] = e.note ?? '';
  }
  const out: LoopEntry[] = [];
  for (let k = size - 1; k >= 0; k--) {
    const note = notes[k]!;
    out.push(note ? { date: addDays(from, k), value: values[k]!, note } : { date: addDays(from, k), value: values[k]! });
  }
  return out;
}

/**
 * The entries Loop shows and scores: for yes/no habits the original ones plus YES_AUTO days from
 * the frequency; for numerical habits the original ones as they are. Only known days (or days with
 * a note) are returned, newest first.
 */
export function computeEntries(rules: HabitRules, original: readonly LoopEntry[]): LoopEntry[] {
  if (rules.numerical) return latestPerDate(original);
  const intervals = snapIntervalsTogether(buildIntervals(rules.frequency, original));
  return buildEntriesFromIntervals(original, intervals).filter((e) => e.value !== UNKNOWN || Boolean(e.note));
}
