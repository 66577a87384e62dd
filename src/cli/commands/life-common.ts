import type { Colors } from '../io.js';

/** A five-step bar for a 1–5 level, coloured by how good it is. */
export function levelBar(value: number, c: Colors): string {
  const full = Math.max(0, Math.min(5, Math.round(value)));
  const bar = '█'.repeat(full) + c.dim('░'.repeat(5 - full));
  return value >= 4 ? c.green(bar) : value >= 3 ? c.yellow(bar) : c.red(bar);
}
