import { wallTime } from '../time/local-day.js';
import { parseIsoDate, type IsoDate } from '../time/plain-date.js';

const HOUR_MS = 3_600_000;

/** The offset of a zone from UTC at an instant, in milliseconds (wall clock minus UTC). */
function offsetAt(instant: number, timeZone: string): number {
  const w = wallTime(new Date(instant), timeZone);
  const { year, month, day } = parseIsoDate(w.date);
  const wallAsUtc = Date.UTC(year, month - 1, day, w.hour, w.minute, w.second);
  return wallAsUtc - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant a wall-clock time "HH:MM" happens on a calendar date in a time zone. Around daylight
 * saving it answers like Temporal's "compatible" rule: a time that happens twice (the autumn
 * hour) is its first occurrence; a time that never happens (the spring gap) is moved forward by
 * the length of the gap (02:30 on a day that jumps from 02:00 to 03:00 is 03:30). So every date and
 * time names exactly one instant, and a reminder set for it is due exactly once.
 */
export function instantAt(date: IsoDate, time: string, timeZone: string): Date {
  const { year, month, day } = parseIsoDate(date);
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The zone's offsets a day and a half either side: the only ones this wall time can carry
  // (no zone changes its offset twice within three days). Sampling instants, not counting days.
  const before = offsetAt(wall - 36 * HOUR_MS, timeZone);
  const after = offsetAt(wall + 36 * HOUR_MS, timeZone);
  const fits = [wall - before, wall - after].filter((t) => offsetAt(t, timeZone) === wall - t);
  if (fits.length > 0) return new Date(Math.min(...fits));
  // In a gap: the offset in force before it carries the time forward past the jump.
  return new Date(wall - before);
}
