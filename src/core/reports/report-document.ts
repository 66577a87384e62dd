import { isoWeekday, parseIsoDate } from '../time/plain-date.js';
import type { ReportKudos, ReportMetric, ReportPulse, WeeklyReport } from './weekly-report.js';

/*
 * A weekly report laid out once, as plain strings in sections, so Markdown, HTML and plain text
 * say the same things in the same order; each renderer only decides how a block looks and escapes
 * what it prints. Pure: no I/O, no clock.
 */

export interface Item {
  text: string;
  /** A quieter second part: a date, a count, a status. */
  note?: string;
  mark?: 'done' | 'open' | 'dropped';
}

export type Block =
  | { kind: 'stats'; stats: Array<{ label: string; value: string; note: string }> }
  | { kind: 'quote'; label: string; text: string }
  | { kind: 'list'; items: Item[] }
  | { kind: 'group'; title: string; note?: string; items: Item[] }
  | { kind: 'empty'; text: string };

export interface Section {
  title: string;
  blocks: Block[];
}

export interface ReportDocument {
  title: string;
  subtitle: string;
  /** One line that sums the week up: the preview line of an email. */
  summary: string;
  sections: Section[];
  footer: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** "23–29 November 2026", or across months "30 November – 6 December 2026". */
export function weekSpan(from: string, to: string): string {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (a.year !== b.year) return `${a.day} ${MONTHS[a.month - 1]} ${a.year} – ${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${MONTHS[a.month - 1]} – ${b.day} ${MONTHS[b.month - 1]} ${b.year}`;
  return `${a.day}–${b.day} ${MONTHS[a.month - 1]} ${a.year}`;
}

/** "Tue 24 Nov". */
export function shortDay(day: string): string {
  const d = parseIsoDate(day);
  return `${DAYS[isoWeekday(day) - 1]} ${d.day} ${MONTHS[d.month - 1]!.slice(0, 3)}`;
}

/** A number as people write it: at most two decimals, no trailing zeros. */
export function num(n: number): string {
  return String(Math.round(n * 100) / 100);
}

function withUnit(n: number, unit: string): string {
  return unit ? `${num(n)} ${unit}` : num(n);
}

function signed(n: number): string {
  return n > 0 ? `+${num(n)}` : num(n);
}

function duration(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const ROAD: Record<ReportMetric['road']['status'], string> = {
  reached: 'target reached',
  ahead: 'ahead of the road',
  on_track: 'on track',
  behind: 'behind the road',
  no_target: 'no target set',
  no_data: 'no measurement yet',
};

function metricItem(m: ReportMetric): Item {
  const moved = m.first !== null && m.last !== null && m.measurements > 1 ? `${withUnit(m.first, m.unit)} → ${withUnit(m.last, m.unit)} (${signed(m.change ?? 0)})` : null;
  const latest = m.road.latest === null ? 'no value yet' : withUnit(m.road.latest, m.unit);
  const notes = [ROAD[m.road.status]];
  if (m.road.gap !== null && (m.road.status === 'ahead' || m.road.status === 'behind')) notes[0] += ` by ${withUnit(Math.abs(m.road.gap), m.unit)}`;
  if (m.road.target !== null) notes.push(`target ${withUnit(m.road.target, m.unit)}${m.road.targetDate ? ` by ${m.road.targetDate}` : ''}`);
  if (m.road.forecastDay) notes.push(`on this trend: ${m.road.forecastDay}${m.road.onTime === false ? ' (late)' : ''}`);
  if (m.measurements === 0) notes.push('not measured this week');
  return { text: `${m.metric} (${m.goal}): ${moved ?? latest}`, note: notes.join(' · ') };
}

function pulseItem(p: ReportPulse): Item {
  const name = p.kind === 'custom' ? p.question : p.kind[0]!.toUpperCase() + p.kind.slice(1);
  const last = p.weeks[p.weeks.length - 1];
  const shown = (w: ReportPulse['weeks'][number]) => (w.withheld ? 'hidden' : w.average === null ? '–' : num(w.average));
  const now = !last ? '–' : last.withheld ? 'hidden: fewer than 3 people answered' : last.average === null ? 'no answers this week' : `${num(last.average)} of 5`;
  const trend = p.weeks.map(shown).join(' → ');
  return { text: `${name}: ${now}`, note: `last ${p.weeks.length} weeks: ${trend}${p.anonymous ? ' (team average, anonymous)' : ''}` };
}

const kudosCount = (n: number): string => `${n} kudos`;

/** Kudos of a team report: the week's total, the wins that got the most, and who gave them (by name, no ranking). */
function kudosSection(k: ReportKudos): Section {
  if (k.total === 0) return { title: 'Kudos', blocks: [{ kind: 'empty', text: 'No kudos given this week.' }] };
  const people = k.givers.length;
  return {
    title: 'Kudos',
    blocks: [
      { kind: 'list', items: [{ text: `${kudosCount(k.total)} given this week`, note: `by ${people} ${people === 1 ? 'person' : 'people'}` }] },
      { kind: 'group', title: 'Most kudos', items: k.topWins.map((w) => ({ text: w.title, note: `${kudosCount(w.count)} · by ${w.by} · ${shortDay(w.day)}` })) },
      { kind: 'group', title: 'Who appreciated others', items: k.givers.map((g) => ({ text: g.name, note: `gave ${kudosCount(g.count)}` })) },
    ],
  };
}

function results(r: WeeklyReport): Section {
  const { microGoals: mg, tasks, routines, momentum } = r.results;
  const checkIns = routines.done + routines.minimum;
  const change = Math.round(momentum.change * 100);
  const blocks: Block[] = [
    {
      kind: 'stats',
      stats: [
        mg.planned === 0
          ? { label: 'Micro-goals', value: '0', note: 'none planned' }
          : { label: 'Micro-goals', value: `${mg.done} of ${mg.planned - mg.dropped}`, note: mg.dropped > 0 ? `done (${mg.dropped} dropped)` : 'done' },
        tasks.planned === 0
          ? { label: 'Tasks', value: '0', note: 'none planned' }
          : { label: 'Tasks', value: `${tasks.done} of ${tasks.planned}`, note: tasks.minutesDone > 0 ? `done, ${duration(tasks.minutesDone)} of work` : 'done' },
        { label: 'Routines', value: String(checkIns), note: `check-ins (${routines.minimum} minimum), ${routines.missed} missed` },
        { label: 'Momentum', value: `${Math.round(momentum.average * 100)}%`, note: `${change >= 0 ? '+' : ''}${change} points on the week before` },
      ],
    },
  ];
  if (r.plan.trim()) blocks.push({ kind: 'quote', label: 'The plan', text: r.plan.trim() });
  if (r.result.trim()) blocks.push({ kind: 'quote', label: 'The result', text: r.result.trim() });
  const notes: Item[] = [];
  if (routines.mostMissed.length > 0) notes.push({ text: `Most missed: ${routines.mostMissed.map((m) => `${m.name} (${m.misses})`).join(', ')}` });
  if (r.hardestWeekday) notes.push({ text: `Hardest day: ${r.hardestWeekday.name}`, note: `${r.hardestWeekday.misses} misses and skips` });
  if (notes.length > 0) blocks.push({ kind: 'list', items: notes });
  return { title: 'Results', blocks };
}

/** Lay a report out in sections; every renderer draws this. */
export function reportDocument(r: WeeklyReport): ReportDocument {
  const sections: Section[] = [results(r)];
  if (r.goals.length > 0) {
    sections.push({
      title: r.scope === 'team' ? 'Goals across the team' : 'Goals',
      blocks: r.goals.map((g) => ({
        kind: 'group' as const,
        title: g.title,
        note: `${g.microGoals.filter((m) => m.status === 'done').length} of ${g.microGoals.filter((m) => m.status !== 'dropped').length} micro-goals done`,
        items: g.microGoals.map((m) => ({
          text: m.title,
          note: m.tasks.total > 0 ? `${m.tasks.done} of ${m.tasks.total} tasks` : undefined,
          mark: m.status === 'done' ? ('done' as const) : m.status === 'dropped' ? ('dropped' as const) : ('open' as const),
        })),
      })),
    });
  }
  sections.push({
    title: 'Wins',
    blocks: [r.wins.length > 0 ? { kind: 'list', items: r.wins.map((w) => ({ text: w.title, note: [shortDay(w.day), w.by ? `by ${w.by}` : ''].filter(Boolean).join(' · ') })) } : { kind: 'empty', text: r.scope === 'team' ? 'No shared wins this week.' : 'No wins logged this week. Small ones count too.' }],
  });
  if (r.kudos) sections.push(kudosSection(r.kudos));
  if (r.metrics.length > 0) sections.push({ title: 'Metrics against the road', blocks: [{ kind: 'list', items: r.metrics.map(metricItem) }] });
  if (r.lessons.length > 0) sections.push({ title: 'Lessons', blocks: [{ kind: 'list', items: r.lessons.map((text) => ({ text })) }] });
  if (r.pulses.length > 0) sections.push({ title: 'Pulses', blocks: [{ kind: 'list', items: r.pulses.map(pulseItem) }] });

  const next: Block[] = [];
  if (r.nextWeek.plan.trim()) next.push({ kind: 'quote', label: 'The plan', text: r.nextWeek.plan.trim() });
  for (const g of r.nextWeek.goals) next.push({ kind: 'group', title: g.title, items: g.microGoals.map((text) => ({ text, mark: 'open' as const })) });
  if (r.nextWeek.tasks.count > 0) next.push({ kind: 'list', items: [{ text: `${r.nextWeek.tasks.count} task${r.nextWeek.tasks.count === 1 ? '' : 's'} planned`, note: duration(r.nextWeek.tasks.minutes) }] });
  if (next.length === 0) next.push({ kind: 'empty', text: 'Nothing planned yet.' });
  sections.push({ title: `Next week (${r.nextWeek.week})`, blocks: next });

  const { microGoals: mg, tasks } = r.results;
  const wins = r.wins.length;
  return {
    title: `${r.scope === 'team' ? 'Team report' : 'Weekly report'}: ${r.subject}`,
    subtitle: `Week ${r.week.slice(6)} · ${weekSpan(r.from, r.to)}`,
    summary: `${mg.done} micro-goal${mg.done === 1 ? '' : 's'} and ${tasks.done} task${tasks.done === 1 ? '' : 's'} done, ${wins} win${wins === 1 ? '' : 's'}${r.kudos ? `, ${kudosCount(r.kudos.total)}` : ''}.`,
    sections,
    footer: `Small Wins · ${r.week} · generated ${r.generatedAt.slice(0, 16).replace('T', ' ')} UTC`,
  };
}
