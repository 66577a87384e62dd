import { InvalidArgumentError } from 'commander';
import { AppError } from '#core/errors.js';
import type { Colors } from './io.js';

/** Render rows as aligned columns; the last column may run long. */
export function table(rows: string[][], c?: Colors): string {
  if (rows.length === 0) return '';
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, visibleLength(cell))));
  return rows
    .map((row, r) => {
      const line = row.map((cell, i) => (i === row.length - 1 ? cell : pad(cell, widths[i] ?? 0))).join('  ');
      return r === 0 && c ? c.bold(line) : line;
    })
    .join('\n');
}

// Strips ANSI colour codes when measuring width.
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*m/g;

export function visibleLength(s: string): number {
  return s.includes('\u001b') ? s.replace(ANSI, '').length : s.length;
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - visibleLength(s)));
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Gathers a repeatable option (`--item a --item b`) into a list, in the order given. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

const asNumber = (raw: string): number | null => (raw.trim() === '' || !Number.isFinite(Number(raw)) ? null : Number(raw));
const notANumber = (name: string, raw: string) => `${name} must be a number, got "${raw}".`;

/** Parse a number option, with a message that says what was expected. */
export function parseNumber(name: string) {
  return (value: string): number => {
    const n = asNumber(value);
    if (n === null) throw new InvalidArgumentError(notANumber(name, value));
    return n;
  };
}

/**
 * The same for a number commander did not parse: an argument checked by the action, or the answer
 * to an interactive question. Not being a number is a usage error (exit 2).
 */
export function numberArg(name: string, raw: string): number {
  const n = asNumber(raw);
  if (n === null) throw new AppError('validation', notANumber(name, raw));
  return n;
}

/** A text bar for a share 0..1: "█" for the part reached, "·" for the rest. */
export function shareBar(share: number, width = 20): string {
  const filled = Math.round(share * width);
  return '█'.repeat(filled) + '·'.repeat(width - filled);
}
