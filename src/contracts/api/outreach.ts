import { z } from 'zod';
import { EmailKindSchema, EmailStatusSchema, ListEmailsSchema, UpdateEmailPreferencesSchema } from '../outreach.js';
import { endpoint } from './endpoint.js';
import { Instant } from './shapes.js';

export const EmailPreferencesOut = z.object({
  address: z.string().nullable().describe('Where emails go instead of the account address; null: the account address'),
  sendsTo: z.string().nullable().describe('The address emails go to now; null when there is none, and nothing is sent'),
  report: z.boolean(),
  reviewReminders: z.boolean(),
  routineReminders: z.boolean(),
  pulsePrompts: z.boolean().describe("An email when a round of a workspace's pulse schedule opens, at the schedule's local time"),
  reportWeekday: z.number().describe('1 = Monday … 7 = Sunday'),
  reportTime: z.string().describe('Local time HH:MM, in your time zone'),
  timeZone: z.string().describe('Your time zone: every time above is read in it'),
  delivery: z
    .object({
      enabled: z.boolean(),
      reason: z.string().nullable().describe('Why email is off, when it is'),
      checkedAt: Instant.nullable().describe('When the server last said so (at its start)'),
    })
    .describe('Whether this server sends email at all'),
  emails: z.object({ pending: z.number(), sending: z.number(), sent: z.number(), failed: z.number() }).describe('Your emails by status'),
});

export const EmailOut = z.object({
  id: z.string(),
  kind: EmailKindSchema,
  subject: z.string(),
  to: z.string(),
  status: EmailStatusSchema,
  attempts: z.number(),
  dueAt: Instant,
  nextAttemptAt: Instant.nullable().describe('When the next attempt is planned, for pending emails'),
  lastError: z.string().nullable().describe("The SMTP server's answer to the last failed attempt"),
  sentAt: Instant.nullable(),
  createdAt: Instant,
});

const Empty = z.object({});

export const outreachEndpoints = {
  getEmailPreferences: endpoint({
    id: 'getEmailPreferences', method: 'GET', path: '/me/email-preferences', scope: 'user', tag: 'Email',
    summary: 'Your email settings, and whether this server sends email',
    description: 'The weekly report goes out on your report day and time (default Friday 16:00), the weekly review reminder on Sunday at 18:00 and the monthly one at 18:00 on the last day of the month, all in your own time zone; routine reminders at each routine\'s reminder time on days it is due and not yet checked in; a pulse prompt when a round of a workspace\'s pulse schedule opens, at its local time, unless you answered that round already.',
    input: Empty, output: EmailPreferencesOut,
  }),
  updateEmailPreferences: endpoint({
    id: 'updateEmailPreferences', method: 'PATCH', path: '/me/email-preferences', scope: 'user', tag: 'Email',
    summary: 'Turn reports, reminders and pulse prompts on or off, move the report, or send them to another address',
    input: UpdateEmailPreferencesSchema, output: EmailPreferencesOut,
  }),
  listEmails: endpoint({
    id: 'listEmails', method: 'GET', path: '/me/emails', scope: 'user', tag: 'Email', list: true,
    summary: 'Your emails, newest first: sent, waiting, retrying, or failed with the reason',
    description: 'A failed attempt is retried after 1, 5, 25 and 125 minutes; after the fifth, or at once when the mail server refuses for good, the email is marked failed with the server\'s answer.',
    input: ListEmailsSchema, output: EmailOut,
  }),
  sendTestEmail: endpoint({
    id: 'sendTestEmail', method: 'POST', path: '/me/emails/test', scope: 'user', tag: 'Email', status: 201,
    summary: 'Send yourself a test email (within a minute); watch it in GET /me/emails',
    description: 'Refused with 409 and the reason when email is off on this server or you have no address. Limited to 5 per hour.',
    input: Empty, output: EmailOut,
  }),
};
