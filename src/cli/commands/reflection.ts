import { Option, type Command } from 'commander';
import { insightsOperations } from '#api/insights.ops.js';
import { reflectionOperations as ops } from '#api/reflection.ops.js';
import type { Variant } from '#core/experiments/experiment-queries.js';
import type { FeedbackSource } from '#core/feedback/feedback-queries.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { collect, parseNumber, table } from '../format.js';
import { renderExperimentStats } from './insights-render.js';
import { registerLessonCommands } from './reflection-lessons.js';
import { registerReviewCommands } from './reflection-review.js';

/** Experiments and feedback (part 7), reviews (part 8) and lessons (part 9). */
export function registerReflectionCommands(program: Command, app: CliApp): void {
  registerExperimentCommands(program, app);
  registerFeedbackCommands(program, app);
  registerReviewCommands(program, app);
  registerLessonCommands(program, app);
}

function rate(v: Variant): string {
  return v.rate === null ? 'no trials yet' : `${v.successes}/${v.trials} (${Math.round(v.rate * 1000) / 10}%)`;
}

function statusLabel(app: CliApp, e: { status: string; overdue: boolean; decision: string | null }): string {
  if (e.status === 'done') return app.c.green(`done: ${e.decision ?? ''}`);
  if (e.overdue) return app.c.yellow('needs a result');
  return e.status;
}

function registerExperimentCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const experiment = program.command('experiment').description('Experiments: test an assumption in a short time box, then scale, iterate or stop');

  experiment
    .command('add')
    .description('Start an experiment (planned if it starts later)')
    .argument('[title]', 'what you are trying')
    .option('-a, --assumption <text>', 'what you believe and want to test')
    .option('--hypothesis <text>', 'what you expect to see if the assumption holds')
    .option('--start <date>', 'first day, YYYY-MM-DD (default today)')
    .option('--end <date>', 'last day, YYYY-MM-DD')
    .option('-g, --goal <goal>', 'the goal it serves (id, prefix or title)')
    .option('-m, --metric <metric>', 'the metric it should move (id, prefix or name)')
    .option('--variant <name>', 'an A/B variant (repeat for each)', collect)
    .addHelpText('after', '\nExamples:\n  smallwins experiment add "Short onboarding" --assumption "Setup scares people off" --hypothesis "Activation doubles" --end 2026-12-15 --variant Control --variant Short\n  smallwins experiment add "Cold calls" --assumption "…" --hypothesis "…" --start 2026-12-01 --end 2026-12-14 --goal grow')
    .action(async (title: string | undefined, opts: { assumption?: string; hypothesis?: string; start?: string; end?: string; goal?: string; metric?: string; variant?: string[] }) => {
      const t = await app.need(title, 'What will you try?', 'experiment title: smallwins experiment add "<title>"');
      const assumption = await app.need(opts.assumption, 'Which assumption does it test?', 'assumption: --assumption "<what you believe>"');
      const hypothesis = await app.need(opts.hypothesis, 'What result do you expect?', 'hypothesis: --hypothesis "<what you expect to see>"');
      const end = await app.need(opts.end, 'Last day (YYYY-MM-DD)?', 'end day: --end YYYY-MM-DD');
      const goalId = opts.goal ? await app.resolve('goal', opts.goal) : null;
      const metricId = opts.metric ? await app.resolve('metric', opts.metric) : null;
      const e = await app.call(ops.createExperiment, { title: t, assumption, hypothesis, startDay: opts.start, endDay: end, goalId, metricId, variants: opts.variant ?? [] });
      app.print(e, () => {
        const when = e.status === 'planned' ? `planned from ${e.startDay} to ${e.endDay}` : `running until ${e.endDay}`;
        const lines = [`${c.green('✓')} Experiment ${c.bold(e.title)} ${when} ${c.dim(`(${shortId(e.id)})`)}`];
        if (e.variants.length > 0) lines.push(`  Variants: ${e.variants.map((v) => v.name).join(', ')}`, `  Next: smallwins experiment count ${shortId(e.id)} ${JSON.stringify(e.variants[0]!.name)} --trials 10 --successes 2`);
        else lines.push(`  Next: smallwins experiment done ${shortId(e.id)} --result "<what happened>" --decision scale|iterate|stop`);
        return lines.join('\n');
      });
    });

  experiment
    .command('count')
    .description('Add trials and successes to a variant')
    .argument('<experiment>', 'experiment id, prefix or title')
    .argument('<variant>', 'variant name')
    .option('-t, --trials <n>', 'trials to add', parseNumber('--trials'), 0)
    .option('-s, --successes <n>', 'successes to add', parseNumber('--successes'), 0)
    .addHelpText('after', '\nExamples:\n  smallwins experiment count "Short onboarding" Short --trials 12 --successes 5\n  smallwins experiment count 4f2a Control --successes 1')
    .action(async (ref: string, variant: string, opts: { trials: number; successes: number }) => {
      const v = await app.call(ops.recordVariantCounts, { experimentId: await app.resolve('experiment', ref), variant, trials: opts.trials, successes: opts.successes });
      app.print(v, () => `${c.green('✓')} ${c.bold(v.name)}: ${rate(v)}`);
    });

  experiment
    .command('done')
    .description('Record the result and decide: scale, iterate or stop')
    .argument('<experiment>', 'experiment id, prefix or title')
    .option('-r, --result <text>', 'what happened, in numbers where you can')
    .addOption(new Option('-d, --decision <decision>', 'what happens next').choices(['scale', 'iterate', 'stop']))
    .addHelpText('after', '\nExamples:\n  smallwins experiment done "Short onboarding" --result "Activation 31% vs 18%" --decision scale\n  smallwins experiment done 4f2a --result "Nobody clicked the annual plan" --decision stop')
    .action(async (ref: string, opts: { result?: string; decision?: string }) => {
      const result = await app.need(opts.result, 'What happened?', 'result: --result "<what happened>"');
      const decision = await app.need(opts.decision, 'Decision (scale, iterate or stop)?', 'decision: --decision scale|iterate|stop');
      const e = await app.call(ops.concludeExperiment, { experimentId: await app.resolve('experiment', ref), result, decision: decision as 'scale' });
      app.print(e, () =>
        [
          `${c.green('✓')} Result recorded for ${c.bold(e.title)}: ${e.decision}`,
          c.dim('  Whatever the outcome, it is information about the idea, not a verdict on you.'),
          `  Keep what it taught: smallwins lesson add "<lesson>" --from experiment --link experiment:${shortId(e.id)}`,
        ].join('\n'),
      );
    });

  experiment
    .command('list')
    .description('List experiments: running, planned, then done')
    .addOption(new Option('-s, --status <status>', 'only this status').choices(['planned', 'running', 'done']))
    .addHelpText('after', '\nExamples:\n  smallwins experiment list\n  smallwins experiment list --status running')
    .action(async (opts: { status?: 'planned' | 'running' | 'done' }) => {
      const list = await app.call(ops.listExperiments, { status: opts.status });
      app.print(list, () =>
        list.length === 0
          ? 'No experiments yet. Test an assumption with: smallwins experiment add "<title>" --assumption "…" --hypothesis "…" --end <date>'
          : table([
              ['ID', 'STATUS', 'DAYS', 'EXPERIMENT', 'VARIANTS'],
              ...list.map((e) => [shortId(e.id), statusLabel(app, e), `${e.startDay} → ${e.endDay}`, e.title, e.variants.map((v) => `${v.name} ${rate(v)}`).join(' · ') || c.dim('—')]),
            ], c),
      );
    });

  experiment
    .command('show')
    .description('Show an experiment with its variants, result, feedback and lessons')
    .argument('<experiment>', 'experiment id, prefix or title')
    .addHelpText('after', '\nExamples:\n  smallwins experiment show "Short onboarding"')
    .action(async (ref: string) => {
      const d = await app.call(ops.showExperiment, { experimentId: await app.resolve('experiment', ref) });
      const stats = await app.call(insightsOperations.experimentStats, { experimentId: d.id });
      app.print({ ...d, stats }, () => {
        const lines = [`${c.bold(d.title)} ${c.dim(`(${shortId(d.id)}, ${d.startDay} → ${d.endDay})`)}  ${statusLabel(app, d)}`];
        if (d.goal) lines.push(`  Goal: ${d.goal.title}${d.metric ? ` · metric: ${d.metric.name}` : ''}`);
        lines.push(`  Assumption: ${d.assumption}`, `  Hypothesis: ${d.hypothesis}`);
        if (d.variants.length > 0) {
          lines.push('', table([['VARIANT', 'SUCCESSES / TRIALS'], ...d.variants.map((v) => [`${d.leader === v.name ? c.yellow('★ ') : '  '}${v.name}`, rate(v)])], c).replace(/^/gm, '  '));
        }
        const statLines = renderExperimentStats(stats, c);
        if (statLines.length > 0) lines.push('', c.bold('Statistics'), ...statLines);
        if (d.status === 'done') lines.push('', `  Result: ${d.result}`, `  Decision: ${c.bold(d.decision ?? '')}`);
        else if (d.overdue) lines.push('', c.yellow(`  It ended on ${d.endDay}: record the result with smallwins experiment done ${shortId(d.id)} --result "…" --decision …`));
        if (d.feedback.length > 0) lines.push('', c.bold('Feedback'), ...d.feedback.map((f) => `  ${f.day}  ${c.dim(f.source)}  ${f.content}`));
        if (d.lessons.length > 0) lines.push('', c.bold('Lessons'), ...d.lessons.map((l) => `  ${l.day}  ${l.title}`));
        return lines.join('\n');
      });
    });
}

function registerFeedbackCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const feedback = program.command('feedback').description('Feedback from customers, mentors and peers, linked to goals and experiments');
  const sources = ['customer', 'mentor', 'peer', 'other'];

  feedback
    .command('add')
    .description('Log a piece of feedback')
    .argument('[text]', 'what they said')
    .addOption(new Option('-f, --from <source>', 'who it came from').choices(sources))
    .option('-c, --contact <contact>', 'the contact who said it (id, prefix or name)')
    .option('-g, --goal <goal>', 'the goal it concerns')
    .option('-e, --experiment <experiment>', 'the experiment it informs')
    .option('--day <date>', 'when it was given (default today)')
    .addHelpText('after', '\nExamples:\n  smallwins feedback add "Setup took an hour" --from customer --contact Ana --experiment "Short onboarding"\n  smallwins feedback add "Talk to 5 users before building" --from mentor --goal grow')
    .action(async (text: string | undefined, opts: { from?: string; contact?: string; goal?: string; experiment?: string; day?: string }) => {
      const content = await app.need(text, 'What was said?', 'feedback text: smallwins feedback add "<text>" --from customer');
      const source = await app.need(opts.from, 'From whom (customer, mentor, peer, other)?', 'source: --from customer|mentor|peer|other');
      const f = await app.call(ops.addFeedback, {
        content,
        source: source as FeedbackSource,
        contactId: opts.contact ? await app.resolve('contact', opts.contact) : null,
        goalId: opts.goal ? await app.resolve('goal', opts.goal) : null,
        experimentId: opts.experiment ? await app.resolve('experiment', opts.experiment) : null,
        day: opts.day,
      });
      app.print(f, () => `${c.green('✓')} Feedback from a ${f.source} logged for ${f.day} ${c.dim(`(${shortId(f.id)})`)}`);
    });

  feedback
    .command('list')
    .description('List feedback, newest first')
    .addOption(new Option('-f, --from <source>', 'only from this source').choices(sources))
    .option('-g, --goal <goal>', 'only about this goal')
    .option('-e, --experiment <experiment>', 'only for this experiment')
    .addHelpText('after', '\nExamples:\n  smallwins feedback list --from customer\n  smallwins feedback list --experiment "Short onboarding"')
    .action(async (opts: { from?: FeedbackSource; goal?: string; experiment?: string }) => {
      const items = await app.call(ops.listFeedback, {
        source: opts.from,
        goalId: opts.goal ? await app.resolve('goal', opts.goal) : undefined,
        experimentId: opts.experiment ? await app.resolve('experiment', opts.experiment) : undefined,
      });
      app.print(items, () =>
        items.length === 0
          ? 'No feedback yet. Log what you hear: smallwins feedback add "<what they said>" --from customer'
          : table([['ID', 'DAY', 'FROM', 'FEEDBACK'], ...items.map((f) => [shortId(f.id), f.day, f.source, f.content.replace(/\s+/g, ' ')])], c),
      );
    });
}
