import { z } from 'zod';
import { CreateReportLinkSchema, FeedIdSchema, ShareIdSchema, WeeklyReportSchema } from '../reports.js';
import { endpoint } from './endpoint.js';
import { Day, Instant, NoContent, Week } from './shapes.js';

const Counts = <K extends string>(keys: readonly K[]) => z.object(Object.fromEntries(keys.map((k) => [k, z.number()])) as Record<K, z.ZodNumber>);

/** A week's progress report as data: names and numbers only, no ids. */
export const WeeklyReportOut = z.object({
  scope: z.enum(['me', 'team']),
  week: Week,
  from: Day,
  to: Day,
  generatedAt: Instant,
  subject: z.string().describe("The person's name, or the workspace's for a team report"),
  plan: z.string(),
  result: z.string(),
  results: z.object({
    microGoals: Counts(['planned', 'done', 'dropped', 'open'] as const),
    tasks: Counts(['planned', 'done', 'skipped', 'carried', 'open', 'minutesDone'] as const),
    routines: Counts(['done', 'minimum', 'skipped', 'missed'] as const).extend({ mostMissed: z.array(z.object({ name: z.string(), misses: z.number() })) }),
    momentum: z.object({ average: z.number(), change: z.number() }),
  }),
  goals: z.array(
    z.object({
      title: z.string(),
      status: z.enum(['active', 'paused', 'done', 'dropped']),
      microGoals: z.array(z.object({ title: z.string(), status: z.enum(['planned', 'done', 'dropped']), tasks: z.object({ done: z.number(), total: z.number() }) })),
    }),
  ),
  wins: z.array(z.object({ title: z.string(), day: Day, by: z.string().nullable().describe('The author, in a team report') })),
  kudos: z
    .object({
      total: z.number().describe('Kudos given in the week on shared wins of the workspace'),
      topWins: z.array(z.object({ title: z.string(), day: Day, by: z.string(), count: z.number() })).describe('The shared wins that got the most kudos in the week, most first (at most 5)'),
      givers: z.array(z.object({ name: z.string(), count: z.number() })).describe('Who gave kudos in the week and how many, by name; people who gave none are not listed'),
    })
    .nullable()
    .describe('In a team report; null in a personal one'),
  lessons: z.array(z.string()),
  metrics: z.array(
    z.object({
      goal: z.string(),
      metric: z.string(),
      unit: z.string(),
      direction: z.enum(['up', 'down']),
      measurements: z.number(),
      first: z.number().nullable(),
      last: z.number().nullable(),
      change: z.number().nullable(),
      improved: z.boolean().nullable(),
      road: z.object({
        status: z.enum(['reached', 'ahead', 'on_track', 'behind', 'no_target', 'no_data']),
        latest: z.number().nullable(),
        expected: z.number().nullable(),
        gap: z.number().nullable(),
        target: z.number().nullable(),
        targetDate: Day.nullable(),
        forecastDay: Day.nullable(),
        onTime: z.boolean().nullable(),
      }),
    }),
  ),
  pulses: z.array(
    z.object({
      kind: z.enum(['morale', 'delight', 'clarity', 'custom']),
      question: z.string(),
      anonymous: z.boolean(),
      weeks: z.array(z.object({ week: Week, average: z.number().nullable(), count: z.number(), withheld: z.boolean() })),
    }),
  ),
  hardestWeekday: z.object({ name: z.string(), misses: z.number() }).nullable(),
  nextWeek: z.object({
    week: Week,
    plan: z.string(),
    goals: z.array(z.object({ title: z.string(), microGoals: z.array(z.string()) })),
    tasks: z.object({ count: z.number(), minutes: z.number() }),
  }),
});

export const ReportLinkOut = z.object({
  id: z.string(),
  createdAt: Instant,
  expiresAt: Instant.nullable(),
  lastUsedAt: Instant.nullable(),
  status: z.enum(['active', 'expired']),
});

const CreatedLinkOut = z.object({
  link: ReportLinkOut,
  token: z.string().describe('Shown once; only its SHA-256 is stored'),
  path: z.string().describe("The link's path on this server: prefix it with the server's origin"),
});

export const reportEndpoints = {
  weeklyReport: endpoint({
    id: 'weeklyReport', method: 'GET', path: '/reports/week', scope: 'workspace', tag: 'Reports',
    summary: "A week's progress report, as data and rendered as Markdown, HTML and plain text",
    description:
      'Results of the week (micro-goals, tasks, routines, momentum), goals with their micro-goals, wins, lessons, each primary metric against its road, pulses over four weeks, and next week\'s plan. `scope=team` reports on the whole workspace: shared wins only, the kudos given on them in the week, pulses as anonymous aggregates. The week defaults to the current one; weeks that have not started are refused.',
    input: WeeklyReportSchema,
    output: z.object({ report: WeeklyReportOut, markdown: z.string(), html: z.string(), text: z.string() }),
  }),
  createReportShare: endpoint({
    id: 'createReportShare', method: 'POST', path: '/report-shares', scope: 'workspace', tag: 'Reports', status: 201,
    summary: 'Create a read-only link to your weekly report, for a mentor or an accountability partner',
    description: 'The link (`/share/{token}`, `?week=2026-W48` for another week) opens your weekly report without signing in, and nothing else. The token is shown once. It never expires unless `expiresInDays` is given; revoke it at any time.',
    input: CreateReportLinkSchema, output: CreatedLinkOut,
  }),
  listReportShares: endpoint({
    id: 'listReportShares', method: 'GET', path: '/report-shares', scope: 'workspace', tag: 'Reports', list: true,
    summary: 'Your report share links in this workspace that are not revoked (never their tokens)',
    input: z.object({}), output: ReportLinkOut,
  }),
  revokeReportShare: endpoint({
    id: 'revokeReportShare', method: 'DELETE', path: '/report-shares/{shareId}', scope: 'workspace', tag: 'Reports', status: 204,
    summary: 'Revoke one of your report share links: it stops opening at once',
    input: ShareIdSchema, output: NoContent,
  }),
  createCalendarFeed: endpoint({
    id: 'createCalendarFeed', method: 'POST', path: '/calendar-feeds', scope: 'workspace', tag: 'Reports', status: 201,
    summary: 'Create a secret iCalendar feed URL of your focus windows, reviews and routine reminders',
    description: 'Subscribe to `/calendar/{token}.ics` from any calendar app. The token is shown once.',
    input: CreateReportLinkSchema, output: CreatedLinkOut,
  }),
  listCalendarFeeds: endpoint({
    id: 'listCalendarFeeds', method: 'GET', path: '/calendar-feeds', scope: 'workspace', tag: 'Reports', list: true,
    summary: 'Your calendar feeds in this workspace that are not revoked (never their tokens)',
    input: z.object({}), output: ReportLinkOut,
  }),
  revokeCalendarFeed: endpoint({
    id: 'revokeCalendarFeed', method: 'DELETE', path: '/calendar-feeds/{feedId}', scope: 'workspace', tag: 'Reports', status: 204,
    summary: 'Revoke one of your calendar feeds: calendar apps stop receiving it at once',
    input: FeedIdSchema, output: NoContent,
  }),
  calendarIcs: endpoint({
    id: 'calendarIcs', method: 'GET', path: '/calendar.ics', scope: 'workspace', tag: 'Reports',
    summary: 'Your calendar feed (iCalendar, RFC 5545) as the signed-in person, in a JSON envelope',
    description: 'The same document a secret feed URL serves: focus windows, the weekly review (Fridays 16:00) and the monthly review (last Friday of the month, 16:30), and a reminder for each routine with a reminder time, all in your time zone.',
    input: z.object({}), output: z.object({ ics: z.string() }),
  }),
};
