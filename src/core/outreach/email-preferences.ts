import { UpdateEmailPreferencesSchema, type UpdateEmailPreferencesInput } from '#contracts/outreach.js';
import type { Executor } from '../context.js';
import { parseInput } from '../errors.js';
import type { Clock } from '../time/clock.js';

/** What a person chose about email; the defaults until they change something. */
export interface EmailPreferences {
  /** Where emails go instead of the account's address; null: the account's address. */
  address: string | null;
  report: boolean;
  reviewReminders: boolean;
  routineReminders: boolean;
  /** An email when a round of a workspace's pulse schedule opens. */
  pulsePrompts: boolean;
  /** ISO weekday of the weekly report (Monday 1 … Sunday 7), and its local time. */
  reportWeekday: number;
  reportTime: string;
}

/** Everything on; the weekly report on Friday afternoon, in the person's own time zone. */
export const DEFAULT_EMAIL_PREFERENCES: EmailPreferences = Object.freeze({
  address: null,
  report: true,
  reviewReminders: true,
  routineReminders: true,
  pulsePrompts: true,
  reportWeekday: 5,
  reportTime: '16:00',
});

/** A preferences row (or none) as preferences. */
export function toEmailPreferences(
  row: { address: string | null; report: number; reviewReminders: number; routineReminders: number; pulsePrompts: number; reportWeekday: number; reportTime: string } | undefined,
): EmailPreferences {
  if (!row) return { ...DEFAULT_EMAIL_PREFERENCES };
  return {
    address: row.address,
    report: Number(row.report) === 1,
    reviewReminders: Number(row.reviewReminders) === 1,
    routineReminders: Number(row.routineReminders) === 1,
    pulsePrompts: Number(row.pulsePrompts) === 1,
    reportWeekday: Number(row.reportWeekday),
    reportTime: row.reportTime,
  };
}

/** A person's email preferences. */
export async function getEmailPreferences(db: Executor, userId: string): Promise<EmailPreferences> {
  const row = await db.selectFrom('emailPreferences').selectAll().where('userId', '=', userId).executeTakeFirst();
  return toEmailPreferences(row);
}

type Changes = Partial<{ address: string | null; report: number; reviewReminders: number; routineReminders: number; pulsePrompts: number; reportWeekday: number; reportTime: string }>;

/**
 * Store the given fields, leaving the others as they are: one upsert that sets only what changed,
 * so two changes of different fields at once (a PATCH and an unsubscribe link) both hold.
 */
async function store(db: Executor, clock: Clock, userId: string, changes: Changes): Promise<EmailPreferences> {
  const updatedAt = clock.now().toISOString();
  const d = DEFAULT_EMAIL_PREFERENCES;
  const defaults = { address: d.address, report: 1, reviewReminders: 1, routineReminders: 1, pulsePrompts: 1, reportWeekday: d.reportWeekday, reportTime: d.reportTime };
  await db
    .insertInto('emailPreferences')
    .values({ ...defaults, ...changes, userId, updatedAt })
    .onConflict((oc) => oc.column('userId').doUpdateSet({ ...changes, updatedAt }))
    .execute();
  return getEmailPreferences(db, userId);
}

/** Change some of a person's email preferences. */
export async function updateEmailPreferences(db: Executor, clock: Clock, userId: string, input: UpdateEmailPreferencesInput): Promise<EmailPreferences> {
  const data = parseInput(UpdateEmailPreferencesSchema, input, 'preferences');
  const changes: Changes = {};
  if (data.address !== undefined) changes.address = data.address;
  if (data.report !== undefined) changes.report = data.report ? 1 : 0;
  if (data.reviewReminders !== undefined) changes.reviewReminders = data.reviewReminders ? 1 : 0;
  if (data.routineReminders !== undefined) changes.routineReminders = data.routineReminders ? 1 : 0;
  if (data.pulsePrompts !== undefined) changes.pulsePrompts = data.pulsePrompts ? 1 : 0;
  if (data.reportWeekday !== undefined) changes.reportWeekday = data.reportWeekday;
  if (data.reportTime !== undefined) changes.reportTime = data.reportTime;
  return store(db, clock, userId, changes);
}

/** The kinds of email an unsubscribe link turns off. */
export type UnsubscribeKind = 'report' | 'review' | 'routine' | 'pulse' | 'all';

/** The preference each kind of unsubscribe link turns off (`all`: every one). */
const FLAGS: Record<Exclude<UnsubscribeKind, 'all'>, 'report' | 'reviewReminders' | 'routineReminders' | 'pulsePrompts'> = {
  report: 'report',
  review: 'reviewReminders',
  routine: 'routineReminders',
  pulse: 'pulsePrompts',
};

function flagsOf(kind: UnsubscribeKind, value: 0 | 1): Changes {
  const flags = kind === 'all' ? Object.values(FLAGS) : [FLAGS[kind]];
  return Object.fromEntries(flags.map((f) => [f, value]));
}

/** Turn one kind of email off (or all of them), as an unsubscribe link asks. */
export async function unsubscribe(db: Executor, clock: Clock, userId: string, kind: UnsubscribeKind): Promise<EmailPreferences> {
  return store(db, clock, userId, flagsOf(kind, 0));
}

/** Turn a kind back on (the "changed my mind" button of the unsubscribe page). */
export async function resubscribe(db: Executor, clock: Clock, userId: string, kind: UnsubscribeKind): Promise<EmailPreferences> {
  return store(db, clock, userId, flagsOf(kind, 1));
}
