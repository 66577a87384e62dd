import { useMemo } from 'react';
import { LineChart, type ChartSeries } from '../ui/LineChart.js';
import { addWeeks, longDay, weekStart } from '../ui/iso-week.js';
import { withUnit, type GoalDetail, type Measurement, type Road } from './format.js';

/** The last value of each day, in day order (a later measurement of a day corrects an earlier one). */
export function latestPerDay(measurements: Measurement[]): Array<{ day: string; value: number }> {
  const byDay = new Map<string, number>();
  for (const m of measurements) byDay.set(m.day, m.value);
  return [...byDay]
    .map(([day, value]) => ({ day, value }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Values placed on a shared list of days, null where a series has none. */
function place(
  days: string[],
  points: Array<{ day: string; value: number }>,
): Array<number | null> {
  const at = new Map(points.map((p) => [p.day, p.value]));
  return days.map((d) => at.get(d) ?? null);
}

/**
 * The primary metric: its measurements, the road from baseline to target (flat at the target
 * after the target date), and the forecast from the latest value to the day the trend reaches it.
 */
export function RoadChart({ road, measurements }: { road: Road; measurements: Measurement[] }) {
  const { days, series, label } = useMemo(() => {
    const actual = latestPerDay(measurements);
    const roadPoints = road.start && road.end ? [road.start, road.end] : [];
    const f = road.forecast;
    const forecast =
      f.status === 'forecast' && road.latest && road.metric.target !== null
        ? [road.latest, { day: f.day, value: road.metric.target }]
        : [];
    const all = new Set<string>([
      ...actual.map((p) => p.day),
      ...roadPoints.map((p) => p.day),
      ...forecast.map((p) => p.day),
    ]);
    const sorted = [...all].sort();
    const last = sorted[sorted.length - 1];
    // After the target date the road stays at the target.
    if (road.end && last && last > road.end.day)
      roadPoints.push({ day: last, value: road.end.value });
    const unit = road.metric.unit;
    const list: ChartSeries[] = [
      {
        label: road.metric.name,
        values: place(sorted, actual),
        color: 'var(--accent)',
        pointsOnly: actual.length < 2,
      },
    ];
    if (roadPoints.length > 0)
      list.push({
        label: 'Road to target',
        values: place(sorted, roadPoints),
        color: 'var(--muted)',
        dashed: true,
      });
    if (forecast.length > 0)
      list.push({
        label: 'Forecast',
        values: place(sorted, forecast),
        color: 'var(--gold)',
        dashed: true,
      });
    const words = [
      `${road.metric.name}: ${actual.length} measurement${actual.length === 1 ? '' : 's'}`,
      road.latest
        ? `latest ${withUnit(road.latest.value, unit)} on ${longDay(road.latest.day)}`
        : null,
      road.start && road.end
        ? `road from ${withUnit(road.start.value, unit)} on ${longDay(road.start.day)} to ${withUnit(road.end.value, unit)} on ${longDay(road.end.day)}`
        : null,
      f.status === 'forecast' ? `forecast to reach the target around ${longDay(f.day)}` : null,
    ];
    return { days: sorted, series: list, label: words.filter(Boolean).join('; ') };
  }, [road, measurements]);
  if (days.length === 0) return null;
  return <LineChart days={days} series={series} label={label} height={260} />;
}

/** A small chart of one metric's values. */
export function MetricSparkChart({
  name,
  unit,
  measurements,
}: {
  name: string;
  unit: string;
  measurements: Measurement[];
}) {
  const { days, series, label } = useMemo(() => {
    const points = latestPerDay(measurements);
    const last = points[points.length - 1];
    return {
      days: points.map((p) => p.day),
      series: [
        {
          label: name,
          values: points.map((p) => p.value),
          color: 'var(--accent)',
          pointsOnly: points.length < 2,
        },
      ] satisfies ChartSeries[],
      label: `${name}: ${points.length} measurements${last ? `, latest ${withUnit(last.value, unit)} on ${longDay(last.day)}` : ''}`,
    };
  }, [name, unit, measurements]);
  if (days.length === 0) return null;
  return <LineChart days={days} series={series} label={label} height={140} />;
}

/** Weeks from the first micro-goal to the later of this week and the last one planned. */
export function burnUp(microGoals: GoalDetail['microGoals'], thisWeek: string) {
  if (microGoals.length === 0) return null;
  const weeksOf = microGoals.map((m) => m.week).sort();
  const first = weeksOf[0]!;
  const last = weeksOf[weeksOf.length - 1]! > thisWeek ? weeksOf[weeksOf.length - 1]! : thisWeek;
  const weeks: string[] = [];
  for (let w = first; w <= last && weeks.length < 104; w = addWeeks(w, 1)) weeks.push(w);
  const planned = weeks.map(
    (w) => microGoals.filter((m) => m.week <= w && m.status !== 'dropped').length,
  );
  const done = weeks.map(
    (w) => microGoals.filter((m) => m.week <= w && m.status === 'done').length,
  );
  return { weeks, planned, done };
}

/** Micro-goals planned against done, added up week after week. */
export function BurnUpChart({
  microGoals,
  thisWeek,
}: {
  microGoals: GoalDetail['microGoals'];
  thisWeek: string;
}) {
  const chart = useMemo(() => {
    const b = burnUp(microGoals, thisWeek);
    // One week is not a trend: the week's list below says it all.
    if (!b || b.weeks.length < 2) return null;
    const n = b.weeks.length;
    return {
      days: b.weeks.map(weekStart),
      series: [
        { label: 'Planned', values: b.planned, color: 'var(--muted)', dashed: true },
        { label: 'Done', values: b.done, color: 'var(--accent)' },
      ] satisfies ChartSeries[],
      label: `Micro-goal burn-up over ${n} week${n === 1 ? '' : 's'}: ${b.done[n - 1]} of ${b.planned[n - 1]} micro-goals done`,
    };
  }, [microGoals, thisWeek]);
  if (!chart) return null;
  return (
    <LineChart days={chart.days} series={chart.series} label={chart.label} height={180} yMin={0} />
  );
}
