import type { Win } from '#core/wins/win-queries.js';
import type { EnergyInsights } from '#core/insights/energy-insights.js';
import type { ExperimentStats } from '#core/insights/experiment-insights.js';
import type { Momentum } from '#core/insights/momentum-insights.js';
import type { GoalRoad } from '#core/insights/road-insights.js';
import type { Colors } from '../io.js';
import { shareBar, table } from '../format.js';

/** "🎉 Win: …" lines for the milestone wins an action earned. */
export function milestoneLines(wins: readonly Win[] | undefined, c: Colors): string {
  return (wins ?? []).map((w) => `\n🎉 ${c.yellow('Milestone win:')} ${w.title}`).join('');
}

const SPARKS = '▁▂▃▄▅▆▇█';
const pct = (n: number): string => `${Math.round(n * 100)}%`;
const signed = (n: number, digits = 1): string => `${n >= 0 ? '+' : '−'}${Math.abs(n).toFixed(digits)}`;
const num = (n: number): string => String(Math.round(n * 100) / 100);

export function renderMomentum(m: Momentum, c: Colors): string {
  if (m.series.every((d) => d.count === 0) && m.value === 0) {
    return `No tasks or routines in the last ${m.series.length} days yet, so no momentum to show.\n  Start small: smallwins task add "<15–60 minutes of work>" --minutes 30`;
  }
  const arrow = m.trend.direction === 'up' ? c.green('↑') : m.trend.direction === 'down' ? c.yellow('↓') : c.dim('→');
  const lines = [
    `${c.bold('Momentum')} ${c.bold(pct(m.value))}  ${arrow} ${signed(m.trend.change * 100, 0)} points over 7 days`,
    `${c.dim(`Last ${m.series.length} days`)}  ${m.series.map((d) => SPARKS[Math.min(7, Math.floor(d.value * 8))]).join('')}`,
    '',
  ];
  const recent = m.series.slice(-7).reverse();
  lines.push(table([
    ['DAY', 'DONE', 'MOMENTUM', ''],
    ...recent.map((d) => [d.day, d.count === 0 ? c.dim('rest') : `${num(d.points)}/${d.count}`, pct(d.value).padStart(4), c.green(shareBar(d.value))]),
  ], c));
  lines.push(c.dim('Done counts 1, a routine\'s minimum ½; a day with nothing planned or due leaves momentum unchanged.'));
  return lines.join('\n');
}

const ROAD_STATUS: Record<GoalRoad['status'], string> = {
  reached: 'target reached', ahead: 'ahead of the road', on_track: 'on track', behind: 'behind the road', no_target: '', no_data: '',
};

/** The primary metric's road and forecast, as lines indented under a heading. */
export function renderRoad(r: GoalRoad, c: Colors, goalRef: string): string[] {
  const unit = r.metric.unit ? ` ${r.metric.unit}` : '';
  const lines: string[] = [];
  if (r.start && r.end) lines.push(`  Road      ${num(r.start.value)} on ${r.start.day} → ${num(r.end.value)}${unit} by ${r.end.day}`);
  if (r.status === 'no_data') {
    lines.push(c.dim(`  No measurement yet: smallwins measure "${r.metric.name}" <value>`));
  } else if (r.status === 'no_target') {
    lines.push(`  Latest    ${num(r.latest!.value)}${unit} on ${r.latest!.day}`);
    lines.push(c.dim(`  No road without a target and a target date: smallwins metric add … --target <n> --by YYYY-MM-DD, or smallwins goal update ${goalRef} --by YYYY-MM-DD`));
  } else {
    const colour = r.status === 'behind' ? c.yellow : c.green;
    const gap = r.gap !== null && r.expected !== null && r.status !== 'reached' ? c.dim(` (road: ${num(r.expected)}, ${signed(r.gap)})`) : '';
    lines.push(`  Latest    ${num(r.latest!.value)}${unit} on ${r.latest!.day}: ${colour(`${r.status === 'reached' ? '✓ ' : ''}${ROAD_STATUS[r.status]}`)}${gap}`);
  }
  const f = r.forecast;
  if (f.status === 'forecast') {
    const range = f.latest ? `likely ${f.earliest} to ${f.latest}` : `from ${f.earliest}, or later if progress stalls`;
    const when = f.onTime === null ? '' : f.onTime ? c.green(', in time') : c.yellow(`, after the target date`);
    lines.push(`  Forecast  ${num(r.metric.target!)}${unit} around ${c.bold(f.day)} (${range})${when}`);
    lines.push(c.dim(`            ${signed(f.perWeek, 2)}${unit} a week (95%: ${signed(f.perWeekLow, 2)} to ${signed(f.perWeekHigh, 2)}), from the last ${f.days} measured days`));
  } else if (f.status === 'stalled') {
    lines.push(`  Forecast  ${c.yellow('not heading for the target')} at the recent pace (${signed(f.perWeek, 2)}${unit} a week)`);
  } else if (f.status === 'not_enough_data') {
    lines.push(c.dim(`  Forecast  not enough data yet: ${f.days} of ${f.needed} measured days`));
  }
  return lines;
}

export function renderEnergyInsights(r: EnergyInsights, days: number, c: Colors): string {
  const said = r.findings.filter((f) => f.sentence !== null);
  const lines = [`${c.bold('Energy and output')} ${c.dim(`(last ${days} days, ${r.loggedDays} logged)`)}`];
  if (said.length === 0) {
    lines.push(
      'Not enough data yet to say anything: it takes 14 finished days with an energy entry and tasks, at least 5 on each side of a comparison.',
      c.dim('  Log each day: smallwins energy 4 --sleep 7.5'),
    );
    return lines.join('\n');
  }
  for (const f of said) lines.push(`  ${f.verdict === 'effect' ? c.green('●') : c.dim('○')} ${f.sentence}`);
  const quiet = r.findings.length - said.length;
  if (quiet > 0) lines.push(c.dim(`  ${quiet} other comparison${quiet === 1 ? '' : 's'} without enough days yet (--json shows them).`));
  lines.push(c.dim('  ± is the 95% interval. These are links in your own data, not proof of cause.'));
  return lines.join('\n');
}

const VERDICT = { better: 'better', worse: 'worse', unclear: 'no clear winner yet' } as const;

/** The statistics block of an experiment; empty when it has neither variants nor a metric. */
export function renderExperimentStats(s: ExperimentStats, c: Colors): string[] {
  const lines: string[] = [];
  if (s.variants?.status === 'not_enough_data') lines.push(c.dim(`  ${s.variants.message}`));
  if (s.variants?.status === 'ok') {
    for (const v of s.variants.comparisons) {
      const colour = v.verdict === 'better' ? c.green : v.verdict === 'worse' ? c.yellow : c.dim;
      const lift = v.lift ? ` · lift ${signed(v.lift.median * 100, 0)}% (95%: ${signed(v.lift.low * 100, 0)}% to ${signed(v.lift.high * 100, 0)}%)` : '';
      lines.push(`  ${c.bold(v.variant)} vs ${v.control}: ${(v.probabilityBetter * 100).toFixed(1)}% chance it is better${lift} → ${colour(v.verdict === 'unclear' ? VERDICT.unclear : `${v.variant} is ${VERDICT[v.verdict]}`)}`);
    }
  }
  const m = s.metric;
  if (m?.status === 'not_enough_data') lines.push(c.dim(`  ${m.name}: ${m.message}`));
  if (m?.status === 'ok') {
    const unit = m.unit ? ` ${m.unit}` : '';
    const colour = m.verdict === 'better' ? c.green : m.verdict === 'worse' ? c.yellow : c.dim;
    lines.push(`  ${c.bold(m.name)}: ${num(m.during.mean)}${unit} during vs ${num(m.before.mean)}${unit} before, ${signed(m.difference, 2)} (95%: ${signed(m.low, 2)} to ${signed(m.high, 2)}) → ${colour(m.verdict === 'unclear' ? 'no clear change yet' : m.verdict)}`);
    lines.push(c.dim(`    ${m.during.count} measurements ${m.duringDays.from} → ${m.duringDays.to}, ${m.before.count} in the ${m.beforeDays.from} → ${m.beforeDays.to} before`));
  }
  return lines;
}
