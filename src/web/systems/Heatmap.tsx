import { useEffect, useMemo, useRef } from 'react';
import { monthOf, shortDay, weekdayOf, type RoutineDetail } from './util.js';

type DayState = RoutineDetail['recent'][number];
export type CellKind = 'done' | 'minimum' | 'skipped' | 'missed' | 'open' | 'paused' | 'off';

const TEXT: Record<CellKind, string> = {
  done: 'Done',
  minimum: 'Minimum',
  skipped: 'Skipped',
  missed: 'Missed',
  open: 'Due today, not checked in yet',
  paused: 'Paused',
  off: 'Not due',
};

/** What a day shows: its check-in, else missed when it was due and passed, open for today. */
export function kindOf(d: DayState, isToday: boolean): CellKind {
  if (d.status) return d.status;
  if (d.paused) return 'paused';
  if (!d.due) return 'off';
  return isToday ? 'open' : 'missed';
}

/**
 * A year of check-ins, one column per week (Monday on top). Each state has its own shape as well
 * as its colour: a full square, a half square, an outline with a dash, a cross, stripes.
 */
export function Heatmap({ days, name }: { days: DayState[]; name: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const last = days[days.length - 1]?.day;
  const cells = useMemo(
    () => days.map((d) => ({ day: d.day, kind: kindOf(d, d.day === last) })),
    [days, last],
  );
  const counts = useMemo(() => {
    const c: Record<CellKind, number> = {
      done: 0,
      minimum: 0,
      skipped: 0,
      missed: 0,
      open: 0,
      paused: 0,
      off: 0,
    };
    for (const cell of cells) c[cell.kind]++;
    return c;
  }, [cells]);
  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollLeft = el.scrollWidth;
  }, [cells]);

  if (cells.length === 0) return null;
  const lead = weekdayOf(cells[0]!.day) - 1;
  const columns = Math.ceil((lead + cells.length) / 7);
  // A month label above the first week that starts in it.
  const months: { column: number; label: string }[] = [];
  cells.forEach((c, i) => {
    const column = Math.floor((lead + i) / 7);
    if (c.day.endsWith('-01') || i === 0)
      if (!months.some((m) => m.column === column)) months.push({ column, label: monthOf(c.day) });
  });
  const summary = `${name}: check-ins over the last ${cells.length} days. Done ${counts.done}, minimum ${counts.minimum}, skipped ${counts.skipped}, missed ${counts.missed}, paused ${counts.paused} days.`;

  return (
    <div className="heatmap-block">
      <div
        className="heatmap-scroll"
        ref={scroller}
        tabIndex={0}
        role="region"
        aria-label={`Calendar heatmap of ${name}, scrollable`}
      >
        <div
          className="heatmap"
          role="img"
          aria-label={summary}
          style={{ gridTemplateColumns: `2rem repeat(${columns}, var(--hm-cell))` }}
        >
          <span className="hm-corner" aria-hidden="true" style={{ gridRow: 1, gridColumn: 1 }} />
          {Array.from({ length: columns }, (_, col) => (
            <span
              key={`m${col}`}
              className="hm-month"
              aria-hidden="true"
              style={{ gridRow: 1, gridColumn: col + 2 }}
            >
              {months.find((m) => m.column === col)?.label ?? ''}
            </span>
          ))}
          {['Mon', '', 'Wed', '', 'Fri', '', 'Sun'].map((label, row) => (
            <span
              key={`w${row}`}
              className="hm-weekday"
              aria-hidden="true"
              style={{ gridRow: row + 2, gridColumn: 1 }}
            >
              {label}
            </span>
          ))}
          {cells.map((c, i) => (
            <span
              key={c.day}
              className={`hm-cell hm-${c.kind}`}
              title={`${shortDay(c.day)}: ${TEXT[c.kind]}`}
              data-day={c.day}
              data-kind={c.kind}
              style={{
                gridRow: ((lead + i) % 7) + 2,
                gridColumn: Math.floor((lead + i) / 7) + 2,
              }}
            />
          ))}
        </div>
      </div>
      <ul className="hm-legend" aria-label="Heatmap legend">
        {(['done', 'minimum', 'skipped', 'missed', 'paused', 'off'] as const).map((k) => (
          <li key={k}>
            <span className={`hm-cell hm-${k}`} aria-hidden="true" />
            {k === 'off' ? 'Not due' : TEXT[k]}
            {k !== 'off' ? <span className="muted"> {counts[k]}</span> : null}
          </li>
        ))}
      </ul>
    </div>
  );
}
