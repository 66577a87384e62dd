import type { Command } from 'commander';
import { reflectionOperations as ops } from '#api/reflection.ops.js';
import type { ReviewDetailOutput } from '#contracts/api/reflection.js';
import { parseDecision } from '#core/reviews/add-review-decision.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import type { Colors } from '../io.js';
import type { CliApp } from '../app.js';
import { collect, plural, table } from '../format.js';

type ReviewDetail = ReviewDetailOutput;

export function registerReviewCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const review = program.command('review').description('Weekly and monthly reviews: look back, answer a few questions, decide what to keep, change or drop');

  for (const [name, kind] of [['week', 'weekly'], ['month', 'monthly']] as const) {
    const example = kind === 'weekly' ? '2026-W47' : '2026-11';
    review
      .command(name)
      .description(`Open the ${kind} review (this ${name} by default), show its summary, then answer and decide`)
      .argument('[period]', `${example}, a date, "current" or "last"`)
      .option('-a, --answer <text>', 'answer to the next question, in order (repeatable)', collect)
      .option('-d, --decision <text>', '"keep: …", "change: …" or "drop: …" (repeatable)', collect)
      .option('--done', 'complete the review')
      .addHelpText(
        'after',
        `\nOn a terminal, it asks each question, then your decisions (an empty line ends), and completes the review.\n\nExamples:\n  smallwins review ${name}\n  smallwins review ${name} last\n  smallwins review ${name} ${example} --answer "Shipped the beta" --answer "Too many meetings" --decision "change: calls after lunch" --done`,
      )
      .action(async (period: string | undefined, opts: { answer?: string[]; decision?: string[]; done?: boolean }) => {
        const answers = opts.answer ?? [];
        const decisions = (opts.decision ?? []).map(parseDecision);
        let r: ReviewDetail = await app.call(ops.startReview, { kind, period });
        const scripted = answers.length > 0 || decisions.length > 0 || Boolean(opts.done);
        if (!app.json()) app.io.out(renderSummary(r, c));
        if (scripted) {
          if (answers.length > 0) r = await app.call(ops.answerReview, { reviewId: r.id, answers: answers.map((answer, i) => ({ position: i + 1, answer })) });
          for (const d of decisions) await app.call(ops.addReviewDecision, { reviewId: r.id, ...d });
          r = opts.done ? await app.call(ops.completeReview, { reviewId: r.id }) : await app.call(ops.showReview, { reviewId: r.id });
        } else if (r.status === 'open' && app.io.isTTY && !app.json()) {
          r = await converse(app, r);
        }
        app.print(r, () => renderAnswers(r, c, name));
      });
  }

  review
    .command('list')
    .description('List your reviews, most recent first')
    .option('--weekly', 'only weekly reviews')
    .option('--monthly', 'only monthly reviews')
    .addHelpText('after', '\nExamples:\n  smallwins review list\n  smallwins review list --monthly')
    .action(async (opts: { weekly?: boolean; monthly?: boolean }) => {
      const list = await app.call(ops.listReviews, { kind: opts.weekly ? 'weekly' : opts.monthly ? 'monthly' : undefined });
      app.print(list, () =>
        list.length === 0
          ? 'No reviews yet. Look back on this week with: smallwins review week'
          : table([
              ['ID', 'PERIOD', 'STATUS', 'ANSWERED', 'DECISIONS'],
              ...list.map((r) => [shortId(r.id), r.period, r.status === 'done' ? c.green('✓ done') : 'open', `${r.answered}/${r.prompts}`, String(r.decisions)]),
            ], c),
      );
    });

  review
    .command('show')
    .description('Show a review: its summary, answers and decisions')
    .argument('<review>', 'its period (2026-W47, 2026-11) or id')
    .addHelpText('after', '\nExamples:\n  smallwins review show 2026-W47\n  smallwins review show 2026-11')
    .action(async (ref: string) => {
      const r = await app.call(ops.showReview, { reviewId: await app.resolve('review', ref) });
      app.print(r, () => `${renderSummary(r, c)}\n${renderAnswers(r, c, r.kind === 'weekly' ? 'week' : 'month')}`);
    });

  const prompt = review.command('prompt').description('Your own review questions, asked after the built-in ones');
  prompt
    .command('add')
    .description('Add a question to every weekly (or monthly) review')
    .argument('[text]', 'the question')
    .option('--monthly', 'ask it in monthly reviews instead of weekly ones')
    .option('-g, --goal <goal>', 'ask it only while this goal is active')
    .addHelpText('after', '\nExamples:\n  smallwins review prompt add "Did I talk to a customer this week?"\n  smallwins review prompt add "Is the niche still right?" --monthly --goal grow')
    .action(async (text: string | undefined, opts: { monthly?: boolean; goal?: string }) => {
      const t = await app.need(text, 'Which question?', 'question: smallwins review prompt add "<question>"');
      const goalId = opts.goal ? await app.resolve('goal', opts.goal) : null;
      const p = await app.call(ops.addReviewPrompt, { kind: opts.monthly ? 'monthly' : 'weekly', text: t, goalId });
      app.print(p, () => `${c.green('✓')} ${p.kind === 'weekly' ? 'Weekly' : 'Monthly'} reviews will ask: ${p.text}`);
    });
  prompt
    .command('list')
    .description("List the workspace's own review questions")
    .addHelpText('after', '\nExamples:\n  smallwins review prompt list')
    .action(async () => {
      const prompts = await app.call(ops.listReviewPrompts, {});
      app.print(prompts, () =>
        prompts.length === 0
          ? 'Only the built-in questions so far. Add your own: smallwins review prompt add "<question>"'
          : table([['KIND', 'QUESTION'], ...prompts.map((p) => [p.kind, p.text])], c),
      );
    });
}

/** Ask each question, then decisions until an empty line, then complete the review. */
async function converse(app: CliApp, start: ReviewDetail): Promise<ReviewDetail> {
  const { io, c } = app;
  io.out(c.bold('\nQuestions') + c.dim(' (Enter keeps the current answer)'));
  const answers: Array<{ position: number; answer: string }> = [];
  for (const a of start.answers) {
    const reply = await io.ask(`${a.position}. ${a.prompt}${a.answer ? c.dim(` [${a.answer}]`) : ''}\n> `);
    if (reply === null) break;
    if (reply.trim()) answers.push({ position: a.position, answer: reply });
  }
  if (answers.length > 0) await app.call(ops.answerReview, { reviewId: start.id, answers });
  io.out(c.bold('\nDecisions') + c.dim(' ("keep: …", "change: …" or "drop: …"; an empty line ends)'));
  for (;;) {
    const line = await io.ask('> ');
    if (!line?.trim()) break;
    try {
      await app.call(ops.addReviewDecision, { reviewId: start.id, ...parseDecision(line) });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      io.err(`${c.yellow('!')} ${error.message}`);
    }
  }
  return app.call(ops.completeReview, { reviewId: start.id });
}

const LABEL = 13;
const row = (label: string, text: string) => `${label.padEnd(LABEL)}${text}`;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/** The summary a review opens with, one line per part. */
export function renderSummary(r: ReviewDetail, c: Colors): string {
  const s = r.summary;
  const title = `${r.kind === 'weekly' ? 'Weekly' : 'Monthly'} review · ${r.period}`;
  if (!s) return c.bold(title);
  const lines = [`${c.bold(title)} ${c.dim(`(${s.from} → ${s.to})`)}`];
  const t = s.tasks;
  const pct = t.planned > 0 ? ` (${Math.round((t.done / t.planned) * 100)}%)` : '';
  lines.push(row('Tasks', t.planned === 0 ? c.dim('none planned') : `${t.done} of ${t.planned} done${pct} · ${t.skipped} skipped · ${t.open} open${t.carried ? ` · ${t.carried} carried` : ''} · ${hours(t.minutesDone)} of work`));
  const m = s.microGoals;
  lines.push(row('Micro-goals', m.planned === 0 ? c.dim('none planned') : `${m.done} of ${m.planned} done${m.dropped ? ` · ${m.dropped} dropped` : ''}`));
  lines.push(row('Wins', s.wins.count === 0 ? c.dim('none logged') : `${s.wins.count}: ${s.wins.titles.slice(0, 5).join('; ')}${s.wins.count > 5 ? '; …' : ''}`));
  const k = s.checkIns;
  const worst = k.mostMissed.length > 0 ? ` (most: ${k.mostMissed.map((x) => `${x.name} ${x.misses}`).join(', ')})` : '';
  lines.push(row('Check-ins', `${k.done} done · ${k.minimum} minimum · ${k.skipped} skipped · ${k.missed} missed${worst}`));
  if (s.metrics.length === 0) lines.push(row('Metrics', c.dim('no active goal with a primary metric')));
  s.metrics.forEach((x, i) => {
    const moved = x.first && x.last
      ? `${x.first.value} → ${x.last.value}${x.unit ? ` ${x.unit}` : ''} (${signed(x.change ?? 0)})${x.improved === true ? c.green(' ▲ better') : x.improved === false ? c.red(' ▼ worse') : ''}`
      : c.dim('not measured');
    lines.push(row(i === 0 ? 'Metrics' : '', `${x.goal} · ${x.metric}: ${moved}`));
  });
  const e = s.energy;
  lines.push(row('Energy', e.days === 0 ? c.dim('not logged') : `${e.averageEnergy}/5 on average over ${plural(e.days, 'day')}${e.averageSleepHours !== null ? ` · sleep ${e.averageSleepHours} h` : ''}`));
  if (s.momentum) lines.push(row('Momentum', `${Math.round(s.momentum.average * 100)}% on average · ${signed(Math.round(s.momentum.change * 100))} points on as many days before`));
  if (s.pulses.length > 0) lines.push(row('Pulses', s.pulses.map((p) => `${p.kind === 'custom' ? `"${p.question}"` : p.kind} ${p.average}`).join(' · ')));
  lines.push(row('Lessons', s.lessons.count === 0 ? c.dim('none logged') : `${s.lessons.count}: ${s.lessons.titles.slice(0, 5).join('; ')}`));
  const h = s.patterns.hardestWeekday;
  if (h) {
    const d = s.patterns.byWeekday[h.weekday - 1]!;
    lines.push(row('Pattern', `${h.name} slips most: ${plural(d.missedCheckIns, 'missed check-in')}, ${plural(d.skippedTasks, 'skipped task')}`));
  }
  return lines.join('\n');
}

function renderAnswers(r: ReviewDetail, c: Colors, command: string): string {
  const lines = ['', c.bold('Questions')];
  for (const a of r.answers) lines.push(`  ${a.position}. ${a.prompt}`, `     ${a.answer ? a.answer : c.dim('—')}`);
  if (r.decisions.length > 0) lines.push('', c.bold('Decisions'), ...r.decisions.map((d) => `  ${d.verdict.padEnd(6)} ${d.text}`));
  lines.push('');
  if (r.status === 'done') lines.push(`${c.green('✓')} Review complete ${c.dim(`(${r.completedAt?.slice(0, 10) ?? ''})`)}`);
  else lines.push(`Answer with: smallwins review ${command} ${r.period} --answer "…" --decision "keep: …" --done`);
  return lines.join('\n');
}

function hours(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : `${h}h${m ? String(m).padStart(2, '0') : ''}`;
}
