import { InvalidArgumentError, type Command } from 'commander';
import { reportsOperations as ops } from '#api/reports.ops.js';
import { AppError } from '#core/errors.js';
import type { CliApp } from '../app.js';
import { table } from '../format.js';

type LinkInfo = { id: string; createdAt: string; expiresAt: string | null; lastUsedAt: string | null; status: 'active' | 'expired' };

function parseDays(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 3650) throw new InvalidArgumentError('--days must be a whole number of days from 1 to 3650.');
  return n;
}

/** The full URL of a link: on the server this CLI is logged in to, else on SMALLWINS_PUBLIC_URL. */
function linkUrl(app: CliApp, path: string): { url: string; note: string | null } {
  const origin = app.remote()?.server.replace(/\/$/, '') ?? app.config().publicUrl;
  if (origin) return { url: `${origin}${path}`, note: null };
  return { url: path, note: 'This is a path on your Small Wins server: serve the app (npm start) and put its address in front, or set SMALLWINS_PUBLIC_URL.' };
}

/** The link an id or a unique id prefix (4+ characters) names among one's own. */
function pick(links: LinkInfo[], ref: string, what: string): LinkInfo {
  const exact = links.find((l) => l.id === ref);
  if (exact) return exact;
  const matches = ref.length >= 4 ? links.filter((l) => l.id.startsWith(ref)) : [];
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) throw new AppError('conflict', `"${ref}" is the start of several ${what} ids; type more of it.`);
  throw new AppError('not_found', `No ${what} matches "${ref}". List them with: smallwins ${what === 'share link' ? 'report shares' : 'calendar feeds'}`);
}

function linkTable(app: CliApp, links: LinkInfo[], empty: string): string {
  if (links.length === 0) return empty;
  return table(
    [['ID', 'CREATED', 'EXPIRES', 'LAST USED', 'STATUS'], ...links.map((l) => [l.id, l.createdAt.slice(0, 10), l.expiresAt?.slice(0, 10) ?? 'never', l.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? 'never', l.status])],
    app.c,
  );
}

export function registerReportCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const report = program.command('report').description('Weekly progress reports, and read-only links to them for a mentor');

  report
    .command('week')
    .description("This week's progress report (or another week's): results, wins, lessons, metrics, pulses, next week")
    .option('-w, --week <week>', 'an ISO week such as 2026-W48 (default: this week)')
    .option('--team', 'the whole workspace: shared wins only, kudos given, pulses as anonymous averages')
    .option('--markdown', 'print Markdown')
    .option('--html', 'print the HTML email')
    .addHelpText('after', '\nExamples:\n  smallwins report week\n  smallwins report week --week 2026-W47 --markdown > week.md\n  smallwins report week --team --html > team.html')
    .action(async (opts: { week?: string; team?: boolean; markdown?: boolean; html?: boolean }) => {
      if (opts.markdown && opts.html) throw new AppError('validation', 'Choose one of --markdown and --html.');
      const out = await app.call(ops.weeklyReport, { week: opts.week?.toUpperCase(), scope: opts.team ? 'team' : 'me' });
      app.print(out.report, () => (opts.html ? out.html : opts.markdown ? out.markdown : out.text));
    });

  report
    .command('share')
    .description('Create a read-only link to your weekly report (shown once; revoke it any time)')
    .option('-d, --days <n>', 'expire after this many days (default: never)', parseDays)
    .addHelpText('after', '\nExamples:\n  smallwins report share\n  smallwins report share --days 30\n\nAdd ?week=2026-W47 to the link to show another week.')
    .action(async (opts: { days?: number }) => {
      const created = await app.call(ops.createReportShare, { expiresInDays: opts.days });
      const { url, note } = linkUrl(app, created.path);
      app.print({ ...created, url }, () =>
        [
          `${c.green('✓')} Share link created ${c.dim(`(${created.link.id}${created.link.expiresAt ? `, expires ${created.link.expiresAt.slice(0, 10)}` : ''})`)}`,
          `  ${url}`,
          c.dim('  Anyone with this link can read your weekly report, and nothing else. It is shown only now.'),
          ...(note ? [c.yellow(`  ${note}`)] : []),
          c.dim(`  Revoke it with: smallwins report unshare ${created.link.id}`),
        ].join('\n'),
      );
    });

  report
    .command('shares')
    .description('Your share links that are not revoked')
    .addHelpText('after', '\nExamples:\n  smallwins report shares\n  smallwins --json report shares')
    .action(async () => {
      const links = await app.call(ops.listReportShares, {});
      app.print(links, () => linkTable(app, links, 'No share links. Create one with: smallwins report share'));
    });

  report
    .command('unshare')
    .description('Revoke a share link: it stops working at once')
    .argument('<id>', 'the share link id (or its first characters)')
    .addHelpText('after', '\nExamples:\n  smallwins report unshare 4k2m9x')
    .action(async (ref: string) => {
      const link = pick(await app.call(ops.listReportShares, {}), ref.trim(), 'share link');
      await app.call(ops.revokeReportShare, { shareId: link.id });
      app.print({ revoked: link.id }, () => `${c.green('✓')} Share link ${link.id} revoked`);
    });

  const calendar = program
    .command('calendar')
    .description('Your calendar: focus windows, reviews and routine reminders as an iCalendar feed')
    .option('--ics', 'print the feed (RFC 5545)')
    .addHelpText('after', '\nExamples:\n  smallwins calendar --ics > smallwins.ics\n  smallwins calendar feed')
    .action(async (opts: { ics?: boolean }) => {
      if (!opts.ics) {
        app.io.out(calendar.helpInformation());
        return;
      }
      const { ics } = await app.call(ops.calendarIcs, {});
      app.print({ ics }, () => ics);
    });

  calendar
    .command('feed')
    .description('Create a secret URL your calendar app can subscribe to (shown once)')
    .option('-d, --days <n>', 'expire after this many days (default: never)', parseDays)
    .addHelpText('after', '\nExamples:\n  smallwins calendar feed')
    .action(async (opts: { days?: number }) => {
      const created = await app.call(ops.createCalendarFeed, { expiresInDays: opts.days });
      const { url, note } = linkUrl(app, created.path);
      app.print({ ...created, url }, () =>
        [
          `${c.green('✓')} Calendar feed created ${c.dim(`(${created.link.id})`)}`,
          `  ${url}`,
          c.dim('  Subscribe to it from your calendar app. Keep it secret; it is shown only now.'),
          ...(note ? [c.yellow(`  ${note}`)] : []),
          c.dim(`  Revoke it with: smallwins calendar revoke ${created.link.id}`),
        ].join('\n'),
      );
    });

  calendar
    .command('feeds')
    .description('Your calendar feeds that are not revoked')
    .addHelpText('after', '\nExamples:\n  smallwins calendar feeds')
    .action(async () => {
      const links = await app.call(ops.listCalendarFeeds, {});
      app.print(links, () => linkTable(app, links, 'No calendar feeds. Create one with: smallwins calendar feed'));
    });

  calendar
    .command('revoke')
    .description('Revoke a calendar feed: calendar apps stop receiving it at once')
    .argument('<id>', 'the feed id (or its first characters)')
    .addHelpText('after', '\nExamples:\n  smallwins calendar revoke 4k2m9x')
    .action(async (ref: string) => {
      const link = pick(await app.call(ops.listCalendarFeeds, {}), ref.trim(), 'calendar feed');
      await app.call(ops.revokeCalendarFeed, { feedId: link.id });
      app.print({ revoked: link.id }, () => `${c.green('✓')} Calendar feed ${link.id} revoked`);
    });
}
