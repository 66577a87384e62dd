import { addDays, formatCivil, type IsoDate } from './plain-date.js';

/** Where and when a person lives: their IANA time zone and the hour their day starts (0–23). */
export interface DaySettings {
  timeZone: string;
  dayStartHour: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

export interface WallTime {
  date: IsoDate;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock reading of an instant in a time zone. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(instant)) parts[p.type] = p.value;
  return {
    date: formatCivil({ year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) }),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/**
 * The local calendar day an instant belongs to. Before the start-of-day hour, the instant still
 * belongs to the previous day (a 01:30 check-in with a 04:00 start of day counts for yesterday).
 * Decided on the wall clock, so daylight-saving shifts never move an action to another day.
 */
export function localDay(instant: Date, settings: DaySettings): IsoDate {
  const wall = wallTime(instant, settings.timeZone);
  return wall.hour < settings.dayStartHour ? addDays(wall.date, -1) : wall.date;
}
