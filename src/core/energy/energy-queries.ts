import type { Selectable } from 'kysely';
import type { EnergyEntryTable, FocusWindowTable } from '#db/schema.js';

export interface EnergyEntry {
  id: string;
  day: string;
  energy: number;
  sleepHours: number | null;
  note: string;
  createdAt: string;
  updatedAt: string;
}

export interface FocusWindow {
  id: string;
  day: string;
  start: string;
  end: string;
  minutes: number;
  label: string;
  createdAt: string;
}

export function toEnergyEntry(row: Selectable<EnergyEntryTable>): EnergyEntry {
  return {
    id: row.id,
    day: row.day,
    energy: row.energy,
    sleepHours: row.sleepHours === null ? null : Number(row.sleepHours),
    note: row.note,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Minutes since local midnight of an "HH:MM" time. */
export function minuteOfDay(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

export function formatMinuteOfDay(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

export function toFocusWindow(row: Selectable<FocusWindowTable>): FocusWindow {
  return {
    id: row.id,
    day: row.day,
    start: row.startTime,
    end: formatMinuteOfDay(minuteOfDay(row.startTime) + row.minutes),
    minutes: row.minutes,
    label: row.label,
    createdAt: row.createdAt,
  };
}
