import { ApiError, type Output } from '../api/client.js';
import type { api } from '../api/endpoints.js';
import { longDay } from '../ui/iso-week.js';

export type GoalItem = Output<typeof api.listGoals>;
export type Goal = Output<typeof api.showGoal>['goal'];
export type GoalDetail = Output<typeof api.showGoal>;
export type Metric = GoalDetail['metrics'][number];
export type Measurement = Output<typeof api.listMeasurements>;
export type Road = Output<typeof api.goalRoad>;
export type GoalStatus = Goal['status'];

export const STATUS_TEXT: Record<GoalStatus, string> = {
  active: 'Active',
  paused: 'Paused',
  done: 'Done',
  dropped: 'Dropped',
};

export const ROAD_TEXT: Record<Road['status'], string> = {
  reached: 'Target reached',
  ahead: 'Ahead of the road',
  on_track: 'On track',
  behind: 'Behind the road',
  no_target: 'No target yet',
  no_data: 'No measurement yet',
};

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unknown', messageOf(error));
}

const numberFormat = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 });

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "12 customers", "4.5 %", "3" */
export function withUnit(value: number, unit: string): string {
  if (!unit) return formatNumber(value);
  return unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${unit}`;
}

/** Where the goal stands on its road and where the trend leads, in a sentence each. */
export function forecastText(road: Road): string {
  const f = road.forecast;
  const unit = road.metric.unit;
  switch (f.status) {
    case 'not_enough_data': {
      const more = f.needed - f.days;
      return `Record ${more} more measurement${more === 1 ? '' : 's'} on different days to get a forecast.`;
    }
    case 'no_target':
      return 'Give the metric a target to get a forecast.';
    case 'reached':
      return 'The target is reached. Time for the next one?';
    case 'stalled':
      return `The recent trend (${withUnit(f.perWeek, unit)} a week) does not reach the target: time to change the approach.`;
    case 'forecast': {
      const range =
        f.latest === null
          ? `from ${longDay(f.earliest)}, maybe much later`
          : f.earliest === f.latest
            ? ''
            : `likely between ${longDay(f.earliest)} and ${longDay(f.latest)}`;
      const timing =
        f.onTime === null ? '' : f.onTime ? ' That is on time.' : ' That is after the target date.';
      return `At ${withUnit(f.perWeek, unit)} a week, it reaches ${withUnit(road.metric.target ?? 0, unit)} around ${longDay(f.day)}${range ? ` (${range})` : ''}.${timing}`;
    }
  }
}

/** The road in words: where the latest value stands against the line from baseline to target. */
export function roadText(road: Road): string {
  const m = road.metric;
  if (!road.latest) return 'No measurement yet: record the first value below.';
  const latest = `Latest ${withUnit(road.latest.value, m.unit)} on ${longDay(road.latest.day)}`;
  if (road.expected === null || road.gap === null || road.status === 'reached') return `${latest}.`;
  const gap = Math.abs(road.gap);
  const where =
    road.status === 'ahead'
      ? `${withUnit(gap, m.unit)} ahead of the road`
      : road.status === 'behind'
        ? `${withUnit(gap, m.unit)} behind the road`
        : 'on the road';
  return `${latest}: ${where} (expected ${withUnit(road.expected, m.unit)} by then).`;
}
