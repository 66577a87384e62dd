import { addDays, daysBetween, type IsoDate } from '../time/plain-date.js';
import { fitLine, tQuantile } from './stats.js';

/** A value on a day. */
export interface Point {
  day: IsoDate;
  value: number;
}

export interface RoadMetric {
  direction: 'up' | 'down';
  baseline: number | null;
  target: number | null;
  /** The metric's own target date, else the goal's. */
  targetDate: IsoDate | null;
  /** The local day the metric was created. */
  createdDay: IsoDate;
}

/** How the latest value compares with the road on its day. */
export type RoadStatus = 'reached' | 'ahead' | 'on_track' | 'behind' | 'no_target' | 'no_data';

export type Forecast =
  | { status: 'not_enough_data'; days: number; needed: number }
  | { status: 'no_target' }
  | { status: 'reached' }
  /** The recent trend is flat, points away from the target, or needs more than 10 years. */
  | { status: 'stalled'; days: number; perWeek: number }
  | {
      status: 'forecast';
      /** The day the fitted line reaches the target. */
      day: IsoDate;
      /** The 95% range of that day from the slope's uncertainty; `latest` is null when the slope could be 0. */
      earliest: IsoDate;
      latest: IsoDate | null;
      /** Change per week of the fitted line, with its 95% interval. */
      perWeek: number;
      perWeekLow: number;
      perWeekHigh: number;
      days: number;
      /** Whether the forecast day is on or before the target date (null without a target date). */
      onTime: boolean | null;
    };

export interface MetricRoad {
  /** Where the road starts: the baseline on the metric's first day, or the first measurement. */
  start: Point | null;
  /** The target on the target date. */
  end: Point | null;
  latest: Point | null;
  /** The road's value on the latest measurement's day. */
  expected: number | null;
  /** latest − expected, signed so that a positive gap is ahead whatever the direction. */
  gap: number | null;
  status: RoadStatus;
  forecast: Forecast;
}

/** Measurements (the latest per day) used for the forecast, and the fewest it needs. */
export const FORECAST_DAYS = 10;
export const MIN_FORECAST_DAYS = 3;
/** Within 5% of the road's whole distance of the line counts as on track. */
export const ON_TRACK_TOLERANCE = 0.05;
const HORIZON_DAYS = 3650;

const reaches = (direction: 'up' | 'down', value: number, target: number): boolean => (direction === 'up' ? value >= target : value <= target);

/** The last value of each day, in day order (a later measurement of a day corrects an earlier one). */
export function latestPerDay(measurements: readonly Point[]): Point[] {
  const byDay = new Map<IsoDate, number>();
  for (const m of measurements) byDay.set(m.day, m.value);
  return [...byDay].map(([day, value]) => ({ day, value })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** The straight road's value on `day`: from start to end, then flat at the target. */
export function roadValue(start: Point, end: Point, day: IsoDate): number {
  const length = daysBetween(start.day, end.day);
  if (length <= 0) return end.value;
  const fraction = Math.min(1, Math.max(0, daysBetween(start.day, day) / length));
  return start.value + (end.value - start.value) * fraction;
}

/**
 * The primary metric's road (the straight line from its start to the target by the target date),
 * where the latest measurement stands against it, and a forecast of the day the target is reached.
 * `measurements` are in day order, a day's later ones after its earlier ones.
 */
export function metricRoad(metric: RoadMetric, measurements: readonly Point[], today: IsoDate): MetricRoad {
  const days = latestPerDay(measurements);
  const first = days[0];
  const latest = days[days.length - 1] ?? null;
  let start: Point | null = first ?? null;
  if (metric.baseline !== null) {
    start = { day: first && first.day < metric.createdDay ? first.day : metric.createdDay, value: metric.baseline };
  }
  const end = metric.target !== null && metric.targetDate !== null ? { day: metric.targetDate, value: metric.target } : null;
  const road = { start, end, latest, expected: null, gap: null };
  const forecast = forecastTarget(metric, days, today);
  if (!latest) return { ...road, status: 'no_data', forecast };
  if (metric.target !== null && reaches(metric.direction, latest.value, metric.target)) {
    const expected = start && end ? roadValue(start, end, latest.day) : null;
    return { ...road, expected, gap: expected === null ? null : signedGap(metric, latest.value, expected), status: 'reached', forecast };
  }
  if (!start || !end) return { ...road, status: 'no_target', forecast };
  const expected = roadValue(start, end, latest.day);
  const gap = signedGap(metric, latest.value, expected);
  const tolerance = ON_TRACK_TOLERANCE * Math.abs(end.value - start.value);
  const status: RoadStatus = gap > tolerance ? 'ahead' : gap < -tolerance ? 'behind' : 'on_track';
  return { ...road, expected, gap, status, forecast };
}

const signedGap = (metric: RoadMetric, value: number, expected: number): number => (metric.direction === 'up' ? value - expected : expected - value);

/**
 * Least squares through the last 10 days' values (value against day): the day the fitted line
 * meets the target, and a 95% range from the slope's confidence interval (t with n − 2 degrees of
 * freedom), both pivoting on the points' centre, which the fitted line always passes through.
 */
export function forecastTarget(metric: RoadMetric, days: readonly Point[], today: IsoDate): Forecast {
  if (metric.target === null) return { status: 'no_target' };
  const target = metric.target;
  const latest = days[days.length - 1];
  if (latest && reaches(metric.direction, latest.value, target)) return { status: 'reached' };
  const recent = days.slice(-FORECAST_DAYS);
  if (recent.length < MIN_FORECAST_DAYS) return { status: 'not_enough_data', days: recent.length, needed: MIN_FORECAST_DAYS };
  const origin = recent[0]!.day;
  const fit = fitLine(recent.map((p) => ({ x: daysBetween(origin, p.day), y: p.value })));
  if (!fit) return { status: 'not_enough_data', days: recent.length, needed: MIN_FORECAST_DAYS };
  const half = tQuantile(0.975, fit.n - 2) * fit.slopeError;
  const perWeek = fit.slope * 7;
  const towards = Math.sign(target - latest!.value);
  const stalled = { status: 'stalled' as const, days: fit.n, perWeek };
  if (Math.sign(fit.slope) !== towards) return stalled;
  const todayX = daysBetween(origin, today);
  // Where the line with slope `b` through the centre meets the target, never before today.
  const dayFor = (b: number): IsoDate | null => {
    const x = Math.max(todayX, Math.ceil(fit.meanX + (target - fit.meanY) / b));
    return x - todayX > HORIZON_DAYS ? null : addDays(origin, x);
  };
  const day = dayFor(fit.slope);
  if (!day) return stalled;
  const steep = fit.slope + towards * half;
  const shallow = fit.slope - towards * half;
  return {
    status: 'forecast',
    day,
    earliest: dayFor(steep) ?? day,
    latest: Math.sign(shallow) === towards ? dayFor(shallow) : null,
    perWeek,
    perWeekLow: (fit.slope - half) * 7,
    perWeekHigh: (fit.slope + half) * 7,
    days: fit.n,
    onTime: metric.targetDate === null ? null : day <= metric.targetDate,
  };
}
