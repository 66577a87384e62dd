import { createRequire } from 'node:module';
import type rruleModule from 'rrule';
import { addDays, parseIsoDate, type IsoDate } from '../time/plain-date.js';

type RRuleClass = (typeof rruleModule)['RRule'];
type Rule = InstanceType<RRuleClass>;

// The rrule package is large and only rule routines need it: load it (synchronously) on first use,
// so showing the day stays fast for everyone else.
let rruleClass: RRuleClass | undefined;
function RRuleLib(): RRuleClass {
  return (rruleClass ??= (createRequire(import.meta.url)('rrule') as typeof rruleModule).RRule);
}

/** Shown in every message about a bad rule, so the fix is one copy away. */
export const RRULE_EXAMPLE = 'FREQ=WEEKLY;BYDAY=MO,WE,FR';

const DAY_CODES = 'MO|TU|WE|TH|FR|SA|SU';
const list = (item: string) => new RegExp(`^${item}(,${item})*$`);
const signed = (max: number) => (v: string) => v.split(',').every((x) => /^[+-]?\d{1,3}$/.test(x) && Math.abs(Number(x)) >= 1 && Math.abs(Number(x)) <= max);

/*
 * rrule is lenient: it accepts "INTERVAL=1.5" or "BYDAY=XX" and then loops forever or crashes while
 * iterating. So every part is checked here against RFC 5545 before the library sees the rule.
 */
const PARTS: Record<string, (value: string) => boolean> = {
  FREQ: (v) => /^(DAILY|WEEKLY|MONTHLY|YEARLY)$/.test(v),
  INTERVAL: (v) => /^\d{1,3}$/.test(v) && Number(v) >= 1,
  COUNT: (v) => /^\d{1,5}$/.test(v) && Number(v) >= 1,
  UNTIL: (v) => /^\d{8}(T\d{6}Z?)?$/.test(v),
  BYDAY: (v) => list(`([+-]?\\d{1,2})?(${DAY_CODES})`).test(v) && v.split(',').every((d) => !/^[+-]?0+[A-Z]/.test(d) && Math.abs(parseInt(d, 10) || 1) <= 53),
  BYMONTHDAY: signed(31),
  BYYEARDAY: signed(366),
  BYWEEKNO: signed(53),
  BYSETPOS: signed(366),
  BYMONTH: (v) => v.split(',').every((x) => /^\d{1,2}$/.test(x) && Number(x) >= 1 && Number(x) <= 12),
  WKST: (v) => new RegExp(`^(${DAY_CODES})$`).test(v),
};

const REFUSED: Record<string, string> = {
  FREQ: 'a routine is due on days, so FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY',
  DTSTART: "the rule starts on the routine's start day; set that instead of DTSTART",
  TZID: 'rules are evaluated on calendar days, so they take no time zone',
  BYHOUR: 'a routine is due on days; set a reminder time instead of BYHOUR',
  BYMINUTE: 'a routine is due on days; set a reminder time instead of BYMINUTE',
  BYSECOND: 'a routine is due on days; set a reminder time instead of BYSECOND',
};

/**
 * Check a recurrence rule and return it in canonical form (upper case, no "RRULE:" prefix).
 * Throws a RangeError whose message says what is wrong with it.
 */
export function normalizeRrule(text: string): string {
  const body = text.trim().replace(/^RRULE:/i, '').replace(/;+$/, '');
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const raw of body.split(';')) {
    const [name = '', value, ...rest] = raw.split('=');
    const key = name.trim().toUpperCase();
    const val = (value ?? '').trim().toUpperCase();
    if (!key || value === undefined || rest.length > 0) throw new RangeError(`"${raw}" is not a NAME=VALUE part`);
    if (seen.has(key)) throw new RangeError(`${key} is given twice`);
    seen.add(key);
    const check = PARTS[key];
    if (!check) throw new RangeError(REFUSED[key] ?? `${key} is not a recurrence rule part`);
    if (!check(val)) throw new RangeError(key === 'FREQ' ? `${REFUSED.FREQ}, not ${val}` : `${key}=${val} is not a valid value`);
    parts.push(`${key}=${val}`);
  }
  if (!seen.has('FREQ')) throw new RangeError('FREQ is missing');
  if (seen.has('COUNT') && seen.has('UNTIL')) throw new RangeError('COUNT and UNTIL cannot both be given');
  const canonical = parts.join(';');
  // The library has the last word on combinations; its own message is passed on as is.
  RRuleLib().parseString(canonical);
  return canonical;
}

/** A calendar date as a "floating" UTC instant: the rule's arithmetic never meets a time zone. */
export function floating(day: IsoDate): Date {
  const { year, month, day: d } = parseIsoDate(day);
  return new Date(Date.UTC(year, month - 1, d));
}

const dayOf = (instant: Date): IsoDate => instant.toISOString().slice(0, 10);

const cache = new Map<string, Rule>();

function ruleFor(text: string, startDay: IsoDate, open = false): Rule {
  const key = `${text}|${startDay}|${open}`;
  let rule = cache.get(key);
  if (!rule) {
    const RRule = RRuleLib();
    const options = RRule.parseString(normalizeRrule(text));
    rule = new RRule({ ...options, dtstart: floating(startDay), ...(open ? { count: null, until: null } : {}) });
    if (cache.size > 500) cache.clear();
    cache.set(key, rule);
  }
  return rule;
}

/** Whether the rule, started on `startDay`, has an occurrence on `day`. */
export function rruleOccursOn(text: string, startDay: IsoDate, day: IsoDate): boolean {
  if (day < startDay) return false;
  const next = ruleFor(text, startDay).after(floating(day), true);
  return next !== null && dayOf(next) === day;
}

/** Every day from `from` to `to` (both included) on which the rule occurs. */
export function rruleDaysBetween(text: string, startDay: IsoDate, from: IsoDate, to: IsoDate): IsoDate[] {
  const rule = ruleFor(text, startDay);
  const days = rule.between(floating(from), floating(addDays(to, 1)), true).map(dayOf);
  return [...new Set(days)].filter((d) => d >= from && d <= to && d >= startDay);
}

/** Loop Habit Tracker's month is 30 days and its year 365. */
const FREQ_DAYS: Record<string, number> = { DAILY: 1, WEEKLY: 7, MONTHLY: 30, YEARLY: 365 };

/**
 * The rule's natural period in days: DAILY rules that pick weekdays, and WEEKLY ones, repeat
 * weekly; MONTHLY every 30 days; YEARLY every 365 — each times INTERVAL.
 */
export function rrulePeriodDays(text: string): number {
  const canonical = normalizeRrule(text);
  const get = (name: string) => new RegExp(`(?:^|;)${name}=([^;]+)`).exec(canonical)?.[1];
  const freq = get('FREQ') ?? 'DAILY';
  const interval = Number(get('INTERVAL') ?? '1');
  const unit = freq === 'DAILY' && get('BYDAY') ? 7 : (FREQ_DAYS[freq] ?? 1);
  return unit * interval;
}

/**
 * Average number of occurrences per natural period, measured over at least four years (or four
 * periods) from the start, ignoring COUNT and UNTIL: the long-run rate, as a habit tracker needs.
 */
export function rruleOccurrencesPerPeriod(text: string, startDay: IsoDate): { occurrences: number; periodDays: number } {
  const periodDays = rrulePeriodDays(text);
  const windowDays = Math.max(1461, 4 * periodDays);
  const rule = ruleFor(text, startDay, true);
  const end = floating(addDays(startDay, windowDays));
  const count = rule.between(floating(startDay), end, true).filter((d) => d < end).length;
  return { occurrences: (count * periodDays) / windowDays, periodDays };
}

/** The first day on or after `startDay` the rule occurs, or null when it never does in four years. */
export function rruleFirstDay(text: string, startDay: IsoDate): IsoDate | null {
  const first = ruleFor(text, startDay).after(floating(startDay), true);
  return first && first < floating(addDays(startDay, 1461)) ? dayOf(first) : null;
}
