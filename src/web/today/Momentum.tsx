import type { Momentum as MomentumData } from './use-today.js';

const ARROW = { up: '↑', down: '↓', steady: '→' } as const;

/** Momentum at a glance: today's value, its trend, and the last two weeks as a sparkline. */
export function Momentum({ momentum }: { momentum: MomentumData | null }) {
  if (!momentum) return null;
  const pct = Math.round(momentum.value * 100);
  const points = momentum.series
    .map((p, i, all) => `${(i / Math.max(all.length - 1, 1)) * 100},${30 - p.value * 28}`)
    .join(' ');
  const change = Math.round(momentum.trend.change * 100);
  return (
    <div className="momentum" data-testid="momentum">
      <svg viewBox="0 0 100 32" preserveAspectRatio="none" aria-hidden="true" className="sparkline">
        <polyline
          points={points}
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
          vectorEffect="non-scaling-stroke"
        />
      </svg>
      <p>
        <span className="momentum-value">{pct}%</span> momentum{' '}
        <span className={`trend trend-${momentum.trend.direction}`}>
          {ARROW[momentum.trend.direction]} {change > 0 ? `+${change}` : change} pts
        </span>
      </p>
    </div>
  );
}
