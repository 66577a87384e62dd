import { addDays, type IsoDate } from '../time/plain-date.js';
import { mean, welchDifference } from './stats.js';

export interface EnergyDay {
  day: IsoDate;
  /** 1–5. */
  energy: number;
  /** Hours slept the night before `day`. */
  sleepHours: number | null;
}

/** What was done on a day that had tasks planned (carried ones included). */
export interface OutputDay {
  day: IsoDate;
  tasksDone: number;
}

export type Factor = 'sleep' | 'energy';

/** One relation: a factor on a day against the tasks done that day (lag 0) or the next (lag 1). */
export interface EnergyFinding {
  factor: Factor;
  lag: 0 | 1;
  /** Days with both the factor and an output. */
  days: number;
  high: { days: number; mean: number | null };
  low: { days: number; mean: number | null };
  /** mean(high) − mean(low) in tasks, with its 95% Welch interval; null when there is too little data. */
  difference: number | null;
  lowerBound: number | null;
  upperBound: number | null;
  verdict: 'effect' | 'no_clear_effect' | 'not_enough_data';
  /** A plain sentence; null when the data are too thin to say anything. */
  sentence: string | null;
}

/** Thresholds below which nothing is claimed: 14 paired days overall, 5 on each side. */
export const MIN_PAIRED_DAYS = 14;
export const MIN_GROUP_DAYS = 5;
/** A night of this many hours or more is a long one. */
export const LONG_SLEEP_HOURS = 7;
/** An energy of this level or more is a high one. */
export const HIGH_ENERGY = 4;

const LABEL: Record<Factor, { high: [string, string]; low: string; thing: string }> = {
  sleep: { high: ['On days after 7+ hours of sleep', 'On the second day after 7+ hours of sleep'], low: 'shorter nights', thing: 'sleep' },
  energy: { high: ['On days your energy is 4 or 5', 'The day after your energy is 4 or 5'], low: 'lower-energy days', thing: 'energy' },
};

const round1 = (n: number): string => (Math.round(n * 10) / 10).toFixed(1);

function sentenceFor(f: Omit<EnergyFinding, 'sentence'>): string | null {
  if (f.verdict === 'not_enough_data' || f.difference === null || f.upperBound === null) return null;
  const label = LABEL[f.factor];
  if (f.verdict === 'no_clear_effect') return `No clear link yet between ${label.thing} and tasks done${f.lag === 1 ? ' the next day' : ''} (${f.days} days).`;
  const half = (f.upperBound - f.lowerBound!) / 2;
  const amount = Math.abs(f.difference);
  const word = f.difference > 0 ? 'more' : 'fewer';
  return `${label.high[f.lag]} you finish ${round1(amount)} ${word} ${amount === 1 ? 'task' : 'tasks'} than after ${label.low} (±${round1(half)}, ${f.days} days).`;
}

/**
 * How sleep and energy relate to tasks done, on the same day and the next: the difference of
 * mean tasks done between long-sleep (7+ h) or high-energy (4–5) days and the others, with a 95%
 * Welch interval. Only finished days count (`today` is left out) and only days that had tasks.
 * Nothing is claimed below 14 paired days or 5 days in a group; an interval that contains 0 is
 * "no clear effect". Four relations are tested at once, so one of them may pass by chance now and
 * then: the sentences say "you finish", not "because".
 */
export function energyOutput(entries: readonly EnergyDay[], output: readonly OutputDay[], today: IsoDate): EnergyFinding[] {
  const done = new Map(output.filter((o) => o.day < today).map((o) => [o.day, o.tasksDone]));
  const findings: EnergyFinding[] = [];
  for (const factor of ['sleep', 'energy'] as const) {
    for (const lag of [0, 1] as const) {
      const high: number[] = [];
      const low: number[] = [];
      for (const e of entries) {
        const tasks = done.get(lag === 0 ? e.day : addDays(e.day, 1));
        if (tasks === undefined) continue;
        if (factor === 'sleep') {
          if (e.sleepHours === null) continue;
          (e.sleepHours >= LONG_SLEEP_HOURS ? high : low).push(tasks);
        } else {
          (e.energy >= HIGH_ENERGY ? high : low).push(tasks);
        }
      }
      findings.push(finding(factor, lag, high, low));
    }
  }
  return findings;
}

function finding(factor: Factor, lag: 0 | 1, high: number[], low: number[]): EnergyFinding {
  const days = high.length + low.length;
  const enough = days >= MIN_PAIRED_DAYS && high.length >= MIN_GROUP_DAYS && low.length >= MIN_GROUP_DAYS;
  const diff = enough ? welchDifference(low, high) : null;
  const base = {
    factor,
    lag,
    days,
    high: { days: high.length, mean: high.length > 0 ? mean(high) : null },
    low: { days: low.length, mean: low.length > 0 ? mean(low) : null },
    difference: diff?.difference ?? null,
    lowerBound: diff?.low ?? null,
    upperBound: diff?.high ?? null,
    verdict: !diff ? ('not_enough_data' as const) : diff.low > 0 || diff.high < 0 ? ('effect' as const) : ('no_clear_effect' as const),
  };
  return { ...base, sentence: sentenceFor(base) };
}
