import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import { ICalAlarmType, ICalCalendar, type ICalDateTimeValue } from 'ical-generator';
import { wallTime } from '../time/local-day.js';
import { parseIsoDate, type IsoDate } from '../time/plain-date.js';

/*
 * Pure: calendar events in a person's wall-clock time in, an RFC 5545 document out. Times are
 * written with the person's TZID and its VTIMEZONE, so recurring events stay at 16:00 local across
 * daylight-saving changes. UTC people get UTC times; a zone the VTIMEZONE library does not know
 * gets floating local times (valid, and still "16:00 wherever you are").
 */

export interface CalendarEvent {
  /** Stable across fetches, so calendar apps update an event rather than duplicating it. */
  uid: string;
  summary: string;
  description: string;
  /** First (or only) occurrence: a local day and "HH:MM" wall time. */
  day: IsoDate;
  start: string;
  minutes: number;
  /** An RFC 5545 recurrence rule without DTSTART, e.g. FREQ=WEEKLY;BYDAY=FR. Its UNTIL, if any, is a day. */
  rrule?: string;
  /** Occurrences of the rule left out (days, at the event's start time). */
  exdates?: IsoDate[];
  /** A display alarm at the start: what makes a routine's event a reminder. */
  alarm?: boolean;
}

export interface IcsInput {
  name: string;
  timeZone: string;
  events: CalendarEvent[];
  /** DTSTAMP of every event: when this feed was generated. */
  stamp: Date;
}

type Mode = 'utc' | 'zoned' | 'floating';

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT', 'Etc/Universal', 'Etc/Zulu', 'Universal', 'Zulu']);

/**
 * How times are written, and under which TZID. A zone the VTIMEZONE library knows only by an older
 * name (Europe/Kyiv as Europe/Kiev) is written under the name the runtime resolves it to.
 */
function zoneOf(timeZone: string): { mode: Mode; tzid: string } {
  if (UTC_NAMES.has(timeZone)) return { mode: 'utc', tzid: 'UTC' };
  if (getVtimezoneComponent(timeZone)) return { mode: 'zoned', tzid: timeZone };
  let resolved = timeZone;
  try {
    resolved = new Intl.DateTimeFormat('en-US', { timeZone }).resolvedOptions().timeZone;
  } catch {
    // Not a zone the runtime knows either: floating times.
  }
  return getVtimezoneComponent(resolved) ? { mode: 'zoned', tzid: resolved } : { mode: 'floating', tzid: timeZone };
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function wallOf(day: IsoDate, minuteOfDay: number): Wall {
  const { year, month, day: d } = parseIsoDate(day);
  return { year, month, day: d, hour: Math.floor(minuteOfDay / 60), minute: minuteOfDay % 60 };
}

/**
 * A wall-clock time in the shape of a Temporal.PlainDateTime, which ical-generator writes as the
 * given wall time in the event's TZID. (A native Date would be read in the server's own time zone.)
 */
function plainDateTime(w: Wall): ICalDateTimeValue {
  const { year, month, day, hour, minute } = w;
  const plain = {
    year, month, day, hour, minute, second: 0,
    toPlainDate: () => ({ year, month, day }),
    toZonedDateTime(timeZoneId: string) {
      const zoned = {
        timeZoneId, year, month, day, hour, minute, second: 0,
        toPlainDateTime: () => plain,
        withTimeZone: () => zoned,
        toInstant: () => ({ epochMilliseconds: Date.UTC(year, month - 1, day, hour, minute) }),
      };
      return zoned;
    },
    toJSON: () => `${basic(w).slice(0, 8)}T${basic(w).slice(9)}`,
  };
  return plain as unknown as ICalDateTimeValue;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const basic = (w: Wall) => `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}00`;

/** The UTC instant of a wall-clock time in a zone (the later one in a fall-back hour, shifted forward in a gap). */
export function zonedInstant(w: Wall, timeZone: string): Date {
  const target = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  let guess = target;
  for (let i = 0; i < 3; i++) {
    const seen = wallTime(new Date(guess), timeZone);
    const { year, month, day } = parseIsoDate(seen.date);
    const diff = target - Date.UTC(year, month - 1, day, seen.hour, seen.minute, seen.second);
    if (diff === 0) break;
    guess += diff;
  }
  return new Date(guess);
}

function utcBasic(d: Date): string {
  return `${d.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;
}

/** A date-time value of this event's kind: local with TZID, UTC, or floating. */
function stamp(mode: Mode, timeZone: string, w: Wall): { params: string; value: string } {
  if (mode === 'zoned') return { params: `;TZID=${timeZone}`, value: basic(w) };
  if (mode === 'utc') return { params: '', value: `${basic(w)}Z` };
  return { params: '', value: basic(w) };
}

/**
 * The rule with an UNTIL day turned into a date-time of the same kind as DTSTART (RFC 5545 asks
 * for UTC when DTSTART has a TZID): the last day's occurrence is kept.
 */
function fitUntil(rule: string, mode: Mode, timeZone: string, minuteOfDay: number): string {
  return rule.replace(/UNTIL=(\d{4})(\d{2})(\d{2})(T\d{6}Z?)?/, (_m, y: string, mo: string, d: string) => {
    const w = wallOf(`${y}-${mo}-${d}`, minuteOfDay);
    if (mode === 'floating') return `UNTIL=${basic(w)}`;
    return `UNTIL=${utcBasic(mode === 'utc' ? new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute)) : zonedInstant(w, timeZone))}`;
  });
}

const minuteOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The feed as an RFC 5545 VCALENDAR. */
export function buildIcs(input: IcsInput): string {
  const { mode, tzid } = zoneOf(input.timeZone);
  const cal = new ICalCalendar({ name: input.name, prodId: { company: 'Small Wins', product: 'Small Wins', language: 'EN' }, ttl: 60 * 60 });
  // A calendar-level time zone name would make ical-generator write DTSTAMP in local time; the
  // generator alone adds each event zone's VTIMEZONE.
  cal.timezone({ name: null, generator: getVtimezoneComponent });
  if (mode !== 'floating') cal.x([['X-WR-TIMEZONE', tzid]]);
  for (const e of input.events) {
    const startMinute = minuteOf(e.start);
    const start = wallOf(e.day, startMinute);
    const endMinute = startMinute + e.minutes;
    // An event may run past midnight; the wall time then continues on the next day.
    const endDay = new Date(Date.UTC(start.year, start.month - 1, start.day + Math.floor(endMinute / 1440)));
    const end = { year: endDay.getUTCFullYear(), month: endDay.getUTCMonth() + 1, day: endDay.getUTCDate(), hour: Math.floor((endMinute % 1440) / 60), minute: endMinute % 60 };
    const lines: string[] = [];
    if (e.rrule) lines.push(`RRULE:${fitUntil(e.rrule, mode, tzid, startMinute)}`);
    if (e.rrule && e.exdates && e.exdates.length > 0) {
      const values = e.exdates.map((d) => stamp(mode, tzid, wallOf(d, startMinute)));
      lines.push(`EXDATE${values[0]!.params}:${values.map((v) => v.value).join(',')}`);
    }
    cal.createEvent({
      id: e.uid,
      summary: e.summary,
      description: e.description,
      start: plainDateTime(start),
      end: plainDateTime(end),
      stamp: input.stamp,
      ...(mode === 'zoned' ? { timezone: tzid } : mode === 'utc' ? { timezone: 'UTC' } : { floating: true }),
      ...(lines.length > 0 ? { repeating: lines.join('\n') } : {}),
      ...(e.alarm ? { alarms: [{ type: ICalAlarmType.display, trigger: 0, description: e.summary }] } : {}),
    });
  }
  return cal.toString();
}
