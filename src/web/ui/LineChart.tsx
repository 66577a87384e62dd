import { useEffect, useRef, useState } from 'react';
import type uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ChartSeries {
  label: string;
  /** One value per x (null for a gap). */
  values: Array<number | null>;
  /** A CSS colour or custom property such as `var(--accent)`. */
  color?: string;
  dashed?: boolean;
  /** Draw points only (measurements), not a line. */
  pointsOnly?: boolean;
}

export interface LineChartProps {
  /** Calendar days, YYYY-MM-DD, in order. */
  days: string[];
  series: ChartSeries[];
  /** Accessible summary of what the chart shows (screen readers get this, not the canvas). */
  label: string;
  height?: number;
  yMin?: number;
  yMax?: number;
  /** Format of y values on the axis. */
  formatY?: (value: number) => string;
}

const toSeconds = (day: string) => Date.parse(`${day}T12:00:00Z`) / 1000;

function resolveColor(el: HTMLElement, color: string | undefined): string {
  const value = color ?? 'var(--accent)';
  const match = /^var\((--[^)]+)\)$/.exec(value);
  return match ? getComputedStyle(el).getPropertyValue(match[1]!).trim() || '#4a7' : value;
}

/**
 * A small, fast time-series chart (uPlot, loaded only by the views that draw one). Days are the
 * user's calendar days, drawn at noon UTC so a day never slides into its neighbour.
 */
export function LineChart({ days, series, label, height = 220, yMin, yMax, formatY }: LineChartProps) {
  const host = useRef<HTMLDivElement>(null);
  // Colours come from the theme's custom properties: redraw when the theme changes.
  const [theme, setTheme] = useState(0);
  useEffect(() => {
    const bump = () => setTheme((n) => n + 1);
    const observer = new MutationObserver(bump);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    const media = matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', bump);
    return () => {
      observer.disconnect();
      media.removeEventListener('change', bump);
    };
  }, []);
  useEffect(() => {
    const el = host.current;
    if (!el || days.length === 0) return;
    let chart: uPlot | undefined;
    let cancelled = false;
    const observer = new ResizeObserver(() => chart?.setSize({ width: el.clientWidth, height }));
    void import('uplot').then(({ default: UPlot }) => {
      if (cancelled) return;
      const text = resolveColor(el, 'var(--muted)');
      const grid = resolveColor(el, 'var(--border)');
      const axis = { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
      chart = new UPlot(
        {
          width: el.clientWidth || 600,
          height,
          legend: { show: true, live: false },
          cursor: { drag: { x: false, y: false } },
          scales: { x: { time: true }, y: { range: (_u, min, max) => [yMin ?? Math.min(min, 0), yMax ?? (max > min ? max : min + 1)] } },
          axes: [axis, { ...axis, values: (_u, splits) => splits.map((v) => (formatY ? formatY(v) : String(v))) }],
          series: [
            {},
            ...series.map((s) => {
              const stroke = resolveColor(el, s.color);
              return {
                label: s.label,
                stroke,
                width: s.pointsOnly ? 0 : 2,
                dash: s.dashed ? [6, 4] : undefined,
                points: { show: s.pointsOnly ?? false, size: 6, stroke, fill: stroke },
                spanGaps: !s.pointsOnly,
              };
            }),
          ],
        },
        [days.map(toSeconds), ...series.map((s) => s.values)] as uPlot.AlignedData,
        el,
      );
      observer.observe(el);
    });
    return () => {
      cancelled = true;
      observer.disconnect();
      chart?.destroy();
    };
  }, [days, series, height, yMin, yMax, formatY, theme]);
  return (
    <figure className="chart">
      <div ref={host} role="img" aria-label={label} />
      <figcaption className="visually-hidden">{label}</figcaption>
    </figure>
  );
}
