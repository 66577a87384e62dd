import type { Command } from 'commander';
import { feedOperations as ops } from '#api/feed.ops.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { table } from '../format.js';

/**
 * The win a person means: its id, a unique id prefix, or a unique part of its title, among the
 * feed's newest 100 wins (older ones by id).
 */
async function resolveWin(app: CliApp, ref: string): Promise<string> {
  const wanted = ref.trim().toLowerCase();
  if (/^[0-9a-z]{16}$/.test(wanted)) return wanted;
  const { items } = await app.call(ops.listFeed, { limit: 100 });
  const byPrefix = items.filter((w) => wanted.length >= 4 && w.id.startsWith(wanted));
  const byTitle = items.filter((w) => w.title.toLowerCase() === wanted);
  const byPart = items.filter((w) => w.title.toLowerCase().includes(wanted));
  for (const found of [byPrefix, byTitle, byPart]) {
    if (found.length === 1) return found[0]!.id;
    if (found.length > 1) throw new AppError('conflict', `"${ref}" matches ${found.length} wins; use the id instead: ${found.slice(0, 6).map((w) => shortId(w.id)).join(', ')}.`);
  }
  throw new AppError('not_found', `No shared win matches "${ref}". See the feed: smallwins feed`);
}

export function registerFeedCommands(program: Command, app: CliApp): void {
  const { c } = app;

  program
    .command('feed')
    .description("The team feed: teammates' shared wins, newest first, with kudos and comments")
    .option('-n, --limit <n>', 'how many wins', '20')
    .addHelpText('after', '\nExamples:\n  smallwins feed\n  smallwins --workspace <team> feed --limit 50')
    .action(async (opts: { limit: string }) => {
      const page = await app.call(ops.listFeed, { limit: Number(opts.limit) });
      app.print(page, () =>
        page.items.length === 0
          ? 'No shared wins yet. Share one: smallwins win "<title>" --shared'
          : table([
              ['ID', 'DAY', 'WHO', 'WIN', 'KUDOS', 'COMMENTS'],
              ...page.items.map((w) => [shortId(w.id), w.day, w.author.name, w.title, `${w.kudos}${w.kudosGiven ? ' (you)' : ''}`, String(w.comments)]),
            ], c),
      );
    });

  program
    .command('kudos')
    .description("Give kudos to a teammate's shared win (or take it back with --undo)")
    .argument('<win>', 'win id, id prefix or part of its title')
    .option('--undo', 'take back your kudos')
    .addHelpText('after', '\nExamples:\n  smallwins kudos 7k2m\n  smallwins kudos "First customer" --undo')
    .action(async (ref: string, opts: { undo?: boolean }) => {
      const winId = await resolveWin(app, ref);
      const state = await app.call(opts.undo ? ops.takeBackKudos : ops.giveKudos, { winId });
      app.print(state, () => `${opts.undo ? 'Kudos taken back' : `${c.yellow('👏')} Kudos given`} ${c.dim(`(${state.kudos} in all)`)}`);
    });

  program
    .command('comment')
    .description('Comment on a shared win (up to 500 characters)')
    .argument('<win>', 'win id, id prefix or part of its title')
    .argument('[text]', 'the comment')
    .addHelpText('after', '\nExamples:\n  smallwins comment 7k2m "How did you find them?"')
    .action(async (ref: string, text: string | undefined) => {
      const body = await app.need(text, 'Comment?', 'comment text: smallwins comment <win> "<text>"');
      const comment = await app.call(ops.addComment, { winId: await resolveWin(app, ref), body });
      app.print(comment, () => `${c.green('✓')} Comment added ${c.dim(`(${shortId(comment.id)})`)}`);
    });

  const decision = program.command('decision').description('Decision records: how the team decides, and why');

  decision
    .command('add')
    .description('Record a decision')
    .argument('[title]', 'a short name for it')
    .option('-d, --decision <text>', 'what was decided')
    .option('-c, --context <text>', 'the situation that called for it', '')
    .option('-r, --reasoning <text>', 'why this option', '')
    .option('-g, --goal <goal>', 'the goal it serves (id, prefix or title)')
    .addHelpText('after', '\nExamples:\n  smallwins decision add "One niche" --decision "Dentists only" --context "Too many leads" --reasoning "Warm intros" --goal "First 10 customers"')
    .action(async (title: string | undefined, opts: { decision?: string; context: string; reasoning: string; goal?: string }) => {
      const t = await app.need(title, 'Decision title?', 'decision title: smallwins decision add "<title>" --decision "<text>"');
      const what = await app.need(opts.decision, 'What was decided?', 'the decision: --decision "<text>"');
      const goalId = opts.goal ? await app.resolve('goal', opts.goal) : null;
      const d = await app.call(ops.createDecision, { title: t, decision: what, context: opts.context, reasoning: opts.reasoning, goalId });
      app.print(d, () => `${c.green('✓')} Decision ${c.bold(d.title)} recorded ${c.dim(`(${shortId(d.id)})`)}`);
    });

  decision
    .command('list')
    .description('Decision records, newest first')
    .option('-g, --goal <goal>', 'only those of one goal')
    .addHelpText('after', '\nExamples:\n  smallwins decision list\n  smallwins decision list --goal "First 10 customers"')
    .action(async (opts: { goal?: string }) => {
      const list = await app.call(ops.listDecisions, opts.goal ? { goalId: await app.resolve('goal', opts.goal) } : {});
      app.print(list, () =>
        list.length === 0
          ? 'No decisions recorded yet: smallwins decision add "<title>" --decision "<text>"'
          : table([['ID', 'DAY', 'DECISION', 'GOAL'], ...list.map((d) => [shortId(d.id), d.createdAt.slice(0, 10), `${d.title}: ${d.decision}`, d.goal?.title ?? ''])], c),
      );
    });

  decision
    .command('show')
    .description('Show a decision record')
    .argument('<decision>', 'decision id, id prefix or part of its title')
    .addHelpText('after', '\nExamples:\n  smallwins decision show 3fq9\n  smallwins decision show niche')
    .action(async (ref: string) => {
      const wanted = ref.trim().toLowerCase();
      let decisionId = wanted;
      if (!/^[0-9a-z]{16}$/.test(wanted)) {
        const matches = (await app.call(ops.listDecisions, {})).filter((d) => d.id.startsWith(wanted) || d.title.toLowerCase().includes(wanted));
        if (matches.length !== 1) throw new AppError(matches.length ? 'conflict' : 'not_found', matches.length ? `"${ref}" matches ${matches.length} decisions: ${matches.map((d) => shortId(d.id)).join(', ')}.` : `No decision record matches "${ref}". List them: smallwins decision list`);
        decisionId = matches[0]!.id;
      }
      const d = await app.call(ops.showDecision, { decisionId });
      app.print(d, () =>
        [
          `${c.bold(d.title)} ${c.dim(`(${shortId(d.id)}, ${d.createdAt.slice(0, 10)}, ${d.createdBy.name})`)}`,
          d.context && `  Context: ${d.context}`,
          `  Decision: ${d.decision}`,
          d.reasoning && `  Why: ${d.reasoning}`,
          d.goal && `  Goal: ${d.goal.title}`,
        ].filter(Boolean).join('\n'),
      );
    });
}
