import { Option, type Command } from 'commander';
import { lifeOperations as ops } from '#api/life.ops.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { plural, table } from '../format.js';
import { calendarArgs } from '../dates.js';

const KINDS = ['mentor', 'collaborator', 'customer', 'peer', 'other'] as const;
type Kind = (typeof KINDS)[number];

function lastTalk(c: { lastConversationDay: string | null; daysSince: number | null }): string {
  if (c.lastConversationDay === null) return 'never';
  return c.daysSince === 0 ? `${c.lastConversationDay} (today)` : `${c.lastConversationDay} (${plural(c.daysSince ?? 0, 'day')} ago)`;
}

export function registerPeopleCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const contact = program.command('contact').description('Contacts: mentors, collaborators, customers, peers');

  contact
    .command('add')
    .description('Add a contact')
    .argument('[name]', 'their name (unique in the workspace)')
    .addOption(new Option('-k, --kind <kind>', 'who they are to you').choices(KINDS).makeOptionMandatory())
    .option('-e, --email <email>', 'their email address', '')
    .option('-n, --note <text>', 'a note', '')
    .addHelpText('after', '\nExamples:\n  smallwins contact add "Ana Lima" --kind mentor --email ana@example.com\n  smallwins contact add "Bruno" --kind customer --note "runs a bakery"')
    .action(async (name: string | undefined, opts: { kind: Kind; email: string; note: string }) => {
      const n = await app.need(name, 'Contact name?', 'contact name: smallwins contact add "<name>" --kind mentor');
      const added = await app.call(ops.addContact, { name: n, kind: opts.kind, email: opts.email, note: opts.note });
      app.print(added, () => `${c.green('✓')} Contact ${c.bold(added.name)} ${c.dim(`(${added.kind}, ${shortId(added.id)})`)}\n  Next: smallwins talk "${added.name}" --note "<what you talked about>"`);
    });

  contact
    .command('list')
    .description('Your contacts with the last conversation')
    .addHelpText('after', '\nExamples:\n  smallwins contact list\n  smallwins --json contact list')
    .action(async () => {
      const contacts = await app.call(ops.listContacts, {});
      app.print(contacts, () =>
        contacts.length === 0
          ? 'No contacts yet. Add the people who matter: smallwins contact add "<name>" --kind mentor'
          : table([['NAME', 'KIND', 'LAST CONVERSATION', 'EMAIL'], ...contacts.map((x) => [x.name, x.kind, lastTalk(x), x.email])], c),
      );
    });

  contact
    .command('edit')
    .description("Change a contact's name, kind, email or note")
    .argument('<contact>', 'contact name, id or id prefix')
    .option('--name <name>', 'a new name')
    .addOption(new Option('-k, --kind <kind>').choices(KINDS))
    .option('-e, --email <email>')
    .option('-n, --note <text>')
    .addHelpText('after', '\nExamples:\n  smallwins contact edit "Ana Lima" --kind collaborator --note "co-hosts the meetup"')
    .action(async (ref: string, opts: { name?: string; kind?: Kind; email?: string; note?: string }) => {
      const contactId = await app.resolve('contact', ref);
      const updated = await app.call(ops.updateContact, { contactId, ...opts });
      app.print(updated, () => `${c.green('✓')} ${updated.name} ${c.dim(`(${updated.kind})`)}`);
    });

  program
    .command('talk')
    .description('Log a meaningful conversation with a contact')
    .argument('[contact]', 'contact name, id or id prefix')
    .option('-n, --note <text>', 'what you talked about', '')
    .option('--day <date>', 'the day, YYYY-MM-DD or yesterday (default today)')
    .addHelpText('after', '\nExamples:\n  smallwins talk "Ana Lima" --note "pricing advice: charge per seat"\n  smallwins talk bruno --day yesterday')
    .action(async (ref: string | undefined, opts: { note: string; day?: string }) => {
      const who = await app.need(ref, 'Who did you talk with?', 'contact: smallwins talk "<contact>"');
      const contactId = await app.resolve('contact', who);
      const day = await calendarArgs(app).day(opts.day);
      const talk = await app.call(ops.logConversation, { contactId, note: opts.note, day });
      const status = await app.call(ops.conversationStatus, {});
      app.print({ conversation: talk, status: { week: status.week, target: status.target, count: status.count, met: status.met } }, () =>
        `${c.green('✓')} Talked with ${c.bold(talk.contactName)} on ${talk.day}\n  ${status.count} of ${status.target} this week${status.met ? ` ${c.green('✓ target met')}` : ''}`,
      );
    });

  program
    .command('people')
    .description("This week's conversations against your target, then who you have not spoken to for a while")
    .option('-w, --week <week>', 'an ISO week, e.g. 2026-W47, or last (default this week)')
    .addHelpText('after', '\nExamples:\n  smallwins people\n  smallwins people --week last')
    .action(async (opts: { week?: string }) => {
      const status = await app.call(ops.conversationStatus, { week: await calendarArgs(app).week(opts.week) });
      app.print(status, () => {
        const mark = status.met ? c.green('✓') : c.yellow('·');
        const lines = [`${mark} ${status.week}: ${status.count} of ${plural(status.target, 'conversation')}${status.met ? ' — target met' : ''}`];
        if (status.overdue.length === 0) {
          lines.push(c.dim(status.contacts === 0 ? '  Add the people who matter: smallwins contact add "<name>" --kind mentor' : '  Everyone has heard from you in the last 30 days.'));
          return lines.join('\n');
        }
        lines.push('', c.bold('Not spoken to for 30+ days'));
        lines.push(table(status.overdue.map((x) => [`  ${x.name}`, x.kind, lastTalk(x)])));
        lines.push(c.dim(`  Next: smallwins talk "${status.overdue[0]?.name ?? '<contact>'}" --note "…"`));
        return lines.join('\n');
      });
    });
}
