import type { Command } from 'commander';
import { outreachOperations as ops } from '#api/outreach.ops.js';
import { AppError } from '#core/errors.js';
import { deliverOutbox } from '#core/outreach/deliver-outbox.js';
import { recordEmailStatus } from '#core/outreach/outreach-state.js';
import { smtpMailer } from '#core/outreach/smtp-mailer.js';
import type { CliApp } from '../app.js';
import { table } from '../format.js';

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function onOff(flag: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (/^(on|yes|true)$/i.test(value)) return true;
  if (/^(off|no|false)$/i.test(value)) return false;
  throw new AppError('validation', `${flag} takes on or off, not "${value}".`, [{ path: flag, message: 'must be on or off' }]);
}

function weekday(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const byName = DAYS.indexOf(value.toLowerCase().slice(0, 3));
  if (byName >= 0) return byName + 1;
  if (/^[1-7]$/.test(value)) return Number(value);
  throw new AppError('validation', `--day takes a weekday (mon … sun) or 1 (Monday) … 7 (Sunday), not "${value}".`, [{ path: '--day', message: 'must be a weekday' }]);
}

const when = (iso: string | null): string => (iso ? iso.slice(0, 16).replace('T', ' ') : '');

export function registerOutreachCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const email = program.command('email').description('Email reports and reminders: whether they go out, your settings, a test email');

  email
    .command('status')
    .description('Whether this server sends email (and why not), and your latest emails with any failure')
    .option('-n, --limit <n>', 'how many recent emails to list', '10')
    .addHelpText('after', '\nExamples:\n  smallwins email status\n  smallwins --json email status')
    .action(async (opts: { limit: string }) => {
      const prefs = await app.call(ops.getEmailPreferences, {});
      const emails = (await app.call(ops.listEmails, {})).slice(0, Math.max(1, Number(opts.limit) || 10));
      const local = app.remote() ? null : app.config().email;
      app.print({ ...prefs, recent: emails, ...(local ? { thisMachine: local.enabled ? { enabled: true } : { enabled: false, reason: local.reason } } : {}) }, () => {
        const d = prefs.delivery;
        const lines = [d.enabled ? `${c.green('✓')} Email is on${d.checkedAt ? c.dim(` (server started ${when(d.checkedAt)} UTC)`) : ''}` : `${c.yellow('!')} ${d.reason ?? 'Email is off.'}`];
        if (local && !local.enabled && d.enabled) lines.push(c.dim(`  On this machine: ${local.reason}`));
        lines.push(prefs.sendsTo ? `  Sends to ${prefs.sendsTo}` : `  ${c.yellow('!')} No address: smallwins email prefs --address you@example.org`);
        lines.push(
          `  Report ${prefs.report ? `on, ${DAY_NAMES[prefs.reportWeekday - 1]} ${prefs.reportTime}` : 'off'} · review reminders ${prefs.reviewReminders ? 'on' : 'off'} · routine reminders ${prefs.routineReminders ? 'on' : 'off'} · pulse prompts ${prefs.pulsePrompts ? 'on' : 'off'} ${c.dim(`(${prefs.timeZone})`)}`,
        );
        const n = prefs.emails;
        lines.push(`  ${n.sent} sent, ${n.pending + n.sending} waiting, ${n.failed > 0 ? c.red(`${n.failed} failed`) : '0 failed'}`);
        if (emails.length > 0) {
          lines.push('', table([['DUE (UTC)', 'KIND', 'STATUS', 'TRIES', 'SUBJECT'], ...emails.map((e) => [when(e.dueAt), e.kind.replace('_', ' '), e.status, String(e.attempts), e.subject])], c));
          for (const e of emails.filter((x) => x.lastError)) lines.push(`  ${e.status === 'failed' ? c.red('✗') : c.yellow('↻')} ${e.subject}: ${e.lastError}${e.nextAttemptAt ? c.dim(` (next try ${when(e.nextAttemptAt)} UTC)`) : ''}`);
        }
        return lines.join('\n');
      });
    });

  email
    .command('prefs')
    .description('Show or change your email settings (times are in your own time zone)')
    .option('--report <on|off>', 'the weekly progress report')
    .option('--reviews <on|off>', 'reminders of the weekly and monthly review')
    .option('--routines <on|off>', 'reminders at the reminder time of your routines')
    .option('--pulses <on|off>', "an email when a round of a workspace's pulse schedule opens")
    .option('--day <weekday>', 'the day of the report: mon … sun')
    .option('--time <HH:MM>', 'the local time of the report')
    .option('--address <email>', 'send emails here instead of your account address')
    .option('--no-address', 'send emails to your account address again')
    .addHelpText('after', '\nExamples:\n  smallwins email prefs\n  smallwins email prefs --day sun --time 18:30\n  smallwins email prefs --routines off --pulses off\n  smallwins email prefs --address me@example.org')
    .action(async (opts: { report?: string; reviews?: string; routines?: string; pulses?: string; day?: string; time?: string; address?: string | false }) => {
      const changes = {
        report: onOff('--report', opts.report),
        reviewReminders: onOff('--reviews', opts.reviews),
        routineReminders: onOff('--routines', opts.routines),
        pulsePrompts: onOff('--pulses', opts.pulses),
        reportWeekday: weekday(opts.day),
        reportTime: opts.time,
        address: opts.address === false ? null : opts.address,
      };
      const given = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      const prefs = Object.keys(given).length > 0 ? await app.call(ops.updateEmailPreferences, given) : await app.call(ops.getEmailPreferences, {});
      app.print(prefs, () =>
        [
          `${Object.keys(given).length > 0 ? `${c.green('✓')} Saved. ` : ''}Emails go to ${prefs.sendsTo ?? c.yellow('nobody yet (set --address)')}`,
          `  Weekly report      ${prefs.report ? `on, ${DAY_NAMES[prefs.reportWeekday - 1]} at ${prefs.reportTime}` : 'off'}`,
          `  Review reminders   ${prefs.reviewReminders ? 'on, Sunday 18:00 and the last day of the month 18:00' : 'off'}`,
          `  Routine reminders  ${prefs.routineReminders ? 'on, at each routine’s reminder time' : 'off'}`,
          `  Pulse prompts      ${prefs.pulsePrompts ? 'on, when a round of a pulse schedule opens' : 'off'}`,
          c.dim(`  Times are in ${prefs.timeZone}.`),
        ].join('\n'),
      );
    });

  email
    .command('test')
    .description('Send yourself a test email (on the local database: at once, through SMALLWINS_SMTP_URL)')
    .addHelpText('after', '\nExamples:\n  smallwins email test\n  smallwins email prefs --address me@example.org && smallwins email test')
    .action(async () => {
      const local = app.remote() ? null : app.config().email;
      if (local && !local.enabled) throw new AppError('conflict', local.reason);
      // The local CLI is the sender here: it tells the database what it can send with, then sends.
      if (local?.enabled) await app.withCtx(({ db, clock }) => recordEmailStatus(db, clock, { enabled: true, reason: null, publicUrl: local.publicUrl }));
      const queued = await app.call(ops.sendTestEmail, {});
      if (!local?.enabled) {
        app.print(queued, () => `${c.green('✓')} Test email to ${queued.to} queued; the server sends it within a minute. Follow it with: smallwins email status`);
        return;
      }
      const mailer = smtpMailer(local.smtpUrl, local.from);
      try {
        await app.withCtx(({ db, clock }) => deliverOutbox(db, clock, mailer));
      } finally {
        mailer.close();
      }
      const sent = (await app.call(ops.listEmails, {})).find((e) => e.id === queued.id) ?? queued;
      if (sent.status === 'failed') throw new AppError('conflict', `The test email to ${sent.to} failed: ${sent.lastError ?? 'no reason given'}`);
      app.print(sent, () =>
        sent.status === 'sent'
          ? `${c.green('✓')} Test email sent to ${sent.to}.`
          : `${c.yellow('!')} The test email to ${sent.to} is waiting for another try${sent.lastError ? ` (${sent.lastError})` : ''}; the server retries it. See: smallwins email status`,
      );
    });
}
