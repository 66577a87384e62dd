import type { Selectable } from 'kysely';
import type { PulseTable } from '#db/schema.js';

export interface Pulse {
  id: string;
  kind: PulseTable['kind'];
  /** The question of a custom pulse; empty for morale, delight and clarity. */
  question: string;
  value: number;
  day: string;
  note: string;
  createdAt: string;
}

export function toPulse(row: Selectable<PulseTable>): Pulse {
  return { id: row.id, kind: row.kind, question: row.question, value: row.value, day: row.day, note: row.note, createdAt: row.createdAt };
}
