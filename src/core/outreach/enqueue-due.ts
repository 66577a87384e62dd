import type { Kysely } from 'kysely';
import type { Database, EmailOutboxTable } from '#db/schema.js';
import type { Actor, Role } from '../context.js';
import { newId } from '../ids.js';
import { roundAt, type RoundRule } from '../pulses/pulse-rounds.js';
import { questionLabel, roundQuestions, toScheduleSettings, type ScheduleSettings } from '../pulses/pulse-schedule.js';
import { markAnswered } from '../pulses/pulses-due.js';
import { weeklyReport } from '../reports/weekly-report.js';
import { routinesDue } from '../routines/routines-due.js';
import type { Clock } from '../time/clock.js';
import { pulsePromptEmail, reviewReminderEmail, routineReminderEmail, type EmailContent, type EmailLinks } from './compose-emails.js';
import { dueSlots, MAX_LATENESS_MS, slotKey, type DueSlot, type InstantWindow } from './due-emails.js';
import { toEmailPreferences, type EmailPreferences, type UnsubscribeKind } from './email-preferences.js';
import { reportEmail } from './report-email.js';
import { unsubscribeToken } from './unsubscribe-token.js';

export interface EnqueueOptions {
  /** The app's public origin: every email links to it. */
  publicUrl: string;
  /** The secret unsubscribe links are signed with. */
  secret: string;
}

export interface EnqueueResult {
  /** Emails stored now. */
  enqueued: number;
  /** Emails already in the outbox (another instance, or an earlier run over the same window). */
  existing: number;
  /** Emails whose moment passed too long ago to be worth sending (the server was down). */
  late: number;
  /** Reminders of something already done: a completed review, a routine checked in. */
  unneeded: number;
}

interface Person {
  userId: string;
  name: string;
  to: string;
  timeZone: string;
  dayStartHour: number;
  preferences: EmailPreferences;
}

interface ReminderRoutine {
  id: string;
  userId: string;
  workspaceId: string;
  name: string;
  minimumVersion: string;
  reminderTime: string;
}

/** A workspace's pulse schedule (on) as one of its answering members sees it. */
interface PromptSchedule {
  userId: string;
  workspaceId: string;
  workspaceName: string;
  team: boolean;
  settings: ScheduleSettings;
}

/** One email to store: its key, whom it is for, and how to render it (only if it is not stored yet). */
interface Candidate {
  key: string;
  person: Person;
  workspaceId: string | null;
  slot: DueSlot;
  unsubscribe: UnsubscribeKind;
  render: (links: EmailLinks) => Promise<EmailContent | null>;
  /** The schedule a pulse prompt is about. */
  pulse?: PromptSchedule;
}

const CHUNK = 500;

/** Rows by the person they belong to. */
function byUser<T extends { userId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.userId);
    if (list) list.push(row);
    else out.set(row.userId, [row]);
  }
  return out;
}

function chunks<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK));
  return out;
}

async function people(db: Kysely<Database>): Promise<Person[]> {
  const rows = await db
    .selectFrom('users')
    .leftJoin('emailPreferences', 'emailPreferences.userId', 'users.id')
    .select([
      'users.id', 'users.name', 'users.email', 'users.timeZone', 'users.dayStartHour', 'emailPreferences.address', 'emailPreferences.report',
      'emailPreferences.reviewReminders', 'emailPreferences.routineReminders', 'emailPreferences.pulsePrompts', 'emailPreferences.reportWeekday',
      'emailPreferences.reportTime',
    ])
    .where((eb) => eb.or([eb('users.email', 'is not', null), eb('emailPreferences.address', 'is not', null)]))
    .execute();
  return rows.map((r) => ({
    userId: r.id,
    name: r.name,
    to: (r.address ?? r.email) as string,
    timeZone: r.timeZone,
    dayStartHour: r.dayStartHour,
    preferences: toEmailPreferences(
      r.report === null
        ? undefined
        : { address: r.address, report: r.report, reviewReminders: r.reviewReminders ?? 1, routineReminders: r.routineReminders ?? 1, pulsePrompts: r.pulsePrompts ?? 1, reportWeekday: r.reportWeekday ?? 5, reportTime: r.reportTime ?? '16:00' },
    ),
  }));
}

/**
 * Routines with a reminder time in their owner's personal workspace. Routines of a team workspace
 * belong to nobody in particular, and reminding every member of each would be noise: they get none.
 */
async function reminderRoutines(db: Kysely<Database>): Promise<ReminderRoutine[]> {
  const rows = await db
    .selectFrom('routines')
    .innerJoin('workspaces', 'workspaces.id', 'routines.workspaceId')
    .innerJoin('members', 'members.workspaceId', 'routines.workspaceId')
    .select(['routines.id', 'members.userId', 'routines.workspaceId', 'routines.name', 'routines.minimumVersion', 'routines.reminderTime'])
    .where('routines.reminderTime', 'is not', null)
    .where('routines.archivedAt', 'is', null)
    .where('workspaces.kind', '=', 'personal')
    .where('members.role', '=', 'owner')
    .execute();
  return rows.map((r) => ({ ...r, reminderTime: r.reminderTime as string }));
}

/**
 * The pulse schedules that are on, once for each member asked to answer them: viewers only read a
 * workspace, so they get no prompt (as they cannot record a pulse).
 */
async function promptSchedules(db: Kysely<Database>): Promise<PromptSchedule[]> {
  const rows = await db
    .selectFrom('pulseSchedules')
    .innerJoin('workspaces', 'workspaces.id', 'pulseSchedules.workspaceId')
    .innerJoin('members', 'members.workspaceId', 'pulseSchedules.workspaceId')
    .selectAll('pulseSchedules')
    .select(['members.userId', 'workspaces.name as workspaceName', 'workspaces.kind as workspaceKind'])
    .where('pulseSchedules.enabled', '=', 1)
    .where('members.role', '!=', 'viewer')
    .execute();
  return rows.map((r) => ({ userId: r.userId, workspaceId: r.workspaceId, workspaceName: r.workspaceName, team: r.workspaceKind === 'team', settings: toScheduleSettings(r) }));
}

async function memberships(db: Kysely<Database>, userIds: string[]): Promise<Array<{ userId: string; workspaceId: string; kind: 'personal' | 'team'; role: Role }>> {
  const out = [];
  for (const ids of chunks(userIds)) {
    out.push(
      ...(await db
        .selectFrom('members')
        .innerJoin('workspaces', 'workspaces.id', 'members.workspaceId')
        .select(['members.userId', 'members.workspaceId', 'workspaces.kind', 'members.role'])
        .where('members.userId', 'in', ids)
        .orderBy('workspaces.kind')
        .orderBy('workspaces.createdAt')
        .execute()),
    );
  }
  return out;
}

async function existingKeys(db: Kysely<Database>, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(keys)) {
    for (const row of await db.selectFrom('emailOutbox').select('idempotencyKey').where('idempotencyKey', 'in', part).execute()) found.add(row.idempotencyKey);
  }
  return found;
}

const actorOf = (p: Person, workspaceId: string, role: Role): Actor => ({ userId: p.userId, workspaceId, role, timeZone: p.timeZone, dayStartHour: p.dayStartHour });

/** Whether a reminder is still worth sending when it is rendered: the thing is not done yet. */
async function reminderNeeded(db: Kysely<Database>, clock: Clock, c: Candidate, routines: Map<string, ReminderRoutine>): Promise<boolean> {
  if (c.slot.kind === 'review_reminder') {
    const done = await db
      .selectFrom('reviews')
      .select('id')
      .where('userId', '=', c.person.userId)
      .where('kind', '=', c.slot.review)
      .where('period', '=', c.slot.period)
      .where('status', '=', 'done')
      .executeTakeFirst();
    return !done;
  }
  if (c.slot.kind === 'pulse_prompt') {
    // Answered everything already (from the CLI, say, before the round's time): no prompt.
    const schedule = c.pulse;
    if (!schedule) return false;
    const state = roundAt(schedule.settings, c.slot.at, c.person);
    if (state.open?.dueOn !== c.slot.dueOn) return false;
    const questions = await markAnswered(db, { userId: c.person.userId, workspaceId: schedule.workspaceId }, roundQuestions(schedule.settings), state.open.dueOn, state.open.lastDay);
    return questions.some((q) => !q.answered);
  }
  if (c.slot.kind === 'routine_reminder') {
    const routine = routines.get(c.slot.routineId);
    if (!routine) return false;
    const due = await routinesDue({ db, clock, actor: actorOf(c.person, routine.workspaceId, 'owner') }, { day: c.slot.day });
    const entry = due.find((d) => d.routine.id === routine.id);
    return entry !== undefined && entry.checkIn === null;
  }
  return true;
}

/**
 * Store in the outbox every email whose moment falls in the window (from, to], rendered now. Each
 * has an idempotency key, and the insert does nothing when the key is there already, so running
 * this twice over the same window, or on two instances at once, stores each email once. Emails
 * whose moment is too far in the past (MAX_LATENESS_MS) are not stored; reminders of a review
 * already completed or a routine already checked in neither.
 */
export async function enqueueDue(db: Kysely<Database>, clock: Clock, window: InstantWindow, options: EnqueueOptions): Promise<EnqueueResult> {
  const result: EnqueueResult = { enqueued: 0, existing: 0, late: 0, unneeded: 0 };
  const now = clock.now();
  const [everyone, routines, schedules] = await Promise.all([people(db), reminderRoutines(db), promptSchedules(db)]);
  const routinesByUser = byUser(routines);
  const routineById = new Map(routines.map((r) => [r.id, r]));
  const schedulesByUser = byUser(schedules);
  const scheduleOf = (userId: string, workspaceId: string) => schedulesByUser.get(userId)?.find((p) => p.workspaceId === workspaceId);

  const slots: Array<{ person: Person; slot: DueSlot }> = [];
  for (const person of everyone) {
    const pulseSchedules: Array<RoundRule & { workspaceId: string }> = (schedulesByUser.get(person.userId) ?? []).map((p) => ({ ...p.settings, workspaceId: p.workspaceId }));
    for (const slot of dueSlots({ ...person, routines: routinesByUser.get(person.userId) ?? [], pulseSchedules }, window)) {
      if (now.getTime() - slot.at.getTime() > MAX_LATENESS_MS[slot.kind]) result.late++;
      else slots.push({ person, slot });
    }
  }
  if (slots.length === 0) return result;

  const reportUsers = [...new Set(slots.filter((s) => s.slot.kind === 'report').map((s) => s.person.userId))];
  const workspacesOf = new Map<string, Array<{ workspaceId: string; kind: 'personal' | 'team'; role: Role }>>();
  for (const m of await memberships(db, reportUsers)) workspacesOf.set(m.userId, [...(workspacesOf.get(m.userId) ?? []), m]);

  const candidates: Candidate[] = [];
  for (const { person, slot } of slots) {
    if (slot.kind === 'report') {
      // One report per workspace: the person's own week, and each team's.
      for (const w of workspacesOf.get(person.userId) ?? []) {
        const scope = w.kind === 'personal' ? 'me' : 'team';
        candidates.push({
          key: slotKey(slot, person.userId, w.workspaceId),
          person,
          workspaceId: w.workspaceId,
          slot,
          unsubscribe: 'report',
          render: async (links) => {
            const report = await weeklyReport({ db, clock, actor: actorOf(person, w.workspaceId, w.role) }, { week: slot.week, scope });
            return reportEmail(report, links);
          },
        });
      }
    } else if (slot.kind === 'pulse_prompt') {
      const pulse = scheduleOf(person.userId, slot.workspaceId);
      if (!pulse) continue;
      candidates.push({
        key: slotKey(slot, person.userId, slot.workspaceId),
        person,
        workspaceId: slot.workspaceId,
        slot,
        unsubscribe: 'pulse',
        pulse,
        render: async (links) => {
          const round = roundAt(pulse.settings, slot.at, person).open;
          const questions = roundQuestions(pulse.settings).map(questionLabel);
          return pulsePromptEmail({ name: person.name, workspaceId: pulse.workspaceId, workspaceName: pulse.workspaceName, team: pulse.team, questions, lastDay: round?.lastDay ?? slot.dueOn }, links);
        },
      });
    } else if (slot.kind === 'review_reminder') {
      candidates.push({ key: slotKey(slot, person.userId, ''), person, workspaceId: null, slot, unsubscribe: 'review', render: async (links) => reviewReminderEmail({ name: person.name, review: slot.review, period: slot.period }, links) });
    } else {
      const routine = routineById.get(slot.routineId);
      if (!routine) continue;
      candidates.push({
        key: slotKey(slot, person.userId, routine.workspaceId),
        person,
        workspaceId: routine.workspaceId,
        slot,
        unsubscribe: 'routine',
        render: async (links) => routineReminderEmail({ name: person.name, routine: routine.name, minimumVersion: routine.minimumVersion, day: slot.day, reminderTime: routine.reminderTime }, links),
      });
    }
  }

  // Rendering a report reads a week of data: skip what another run has stored already.
  const stored = await existingKeys(db, candidates.map((c) => c.key));
  for (const c of candidates) {
    if (stored.has(c.key)) {
      result.existing++;
      continue;
    }
    if (!(await reminderNeeded(db, clock, c, routineById))) {
      result.unneeded++;
      continue;
    }
    const links: EmailLinks = { app: options.publicUrl, unsubscribe: `${options.publicUrl}/unsubscribe/${unsubscribeToken(options.secret, c.person.userId, c.unsubscribe)}` };
    let content: EmailContent | null;
    let error: string | null = null;
    try {
      content = await c.render(links);
    } catch (e) {
      // Stored as failed, so the person sees that this email could not be made, and why.
      content = null;
      error = `Could not prepare this email: ${e instanceof Error ? e.message : String(e)}`;
    }
    const inserted = await insertEmail(db, clock, {
      key: c.key,
      userId: c.person.userId,
      workspaceId: c.workspaceId,
      kind: c.slot.kind,
      to: c.person.to,
      content: content ?? { subject: c.slot.kind === 'report' ? `Weekly report ${c.slot.week}` : c.slot.kind.replace('_', ' '), text: '', html: '' },
      unsubscribeUrl: links.unsubscribe,
      dueAt: c.slot.at,
      failed: error,
      publicUrl: options.publicUrl,
    });
    if (inserted) result.enqueued++;
    else result.existing++;
  }
  return result;
}

/** Store one email unless its key is there already; answers whether it was stored. */
export async function insertEmail(
  db: Kysely<Database>,
  clock: Clock,
  e: { key: string; userId: string; workspaceId: string | null; kind: EmailOutboxTable['kind']; to: string; content: EmailContent; unsubscribeUrl: string | null; dueAt: Date; failed?: string | null; publicUrl: string },
): Promise<string | null> {
  const id = newId();
  const now = clock.now().toISOString();
  const rows = await db
    .insertInto('emailOutbox')
    .values({
      id,
      idempotencyKey: e.key,
      userId: e.userId,
      workspaceId: e.workspaceId,
      kind: e.kind,
      toAddress: e.to,
      subject: e.content.subject,
      textBody: e.content.text,
      htmlBody: e.content.html,
      unsubscribeUrl: e.unsubscribeUrl,
      status: e.failed ? 'failed' : 'pending',
      attempts: 0,
      dueAt: e.dueAt.toISOString(),
      nextAttemptAt: e.dueAt.toISOString(),
      lockedUntil: null,
      lastError: e.failed ?? null,
      // Fixed when stored: a resend after an unclear failure carries the same Message-ID, which mail
      // systems use to recognise a duplicate.
      messageId: `<${id}@${new URL(e.publicUrl).hostname}>`,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
    })
    .onConflict((oc) => oc.column('idempotencyKey').doNothing())
    .returning('id')
    .execute();
  return rows[0]?.id ?? null;
}
