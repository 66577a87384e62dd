import { Option, type Command } from 'commander';
import { reflectionOperations as ops } from '#api/reflection.ops.js';
import type { LessonOrigin } from '#core/lessons/lesson-queries.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { collect, parseNumber, table } from '../format.js';

const ORIGINS = ['win', 'failure', 'experiment', 'review', 'other'];

export function registerLessonCommands(program: Command, app: CliApp): void {
  const { c } = app;
  const lesson = program.command('lesson').description('Lessons learned, from wins and failures alike: tagged, linked and searchable');
  const tags = (l: { tags: string[] }) => l.tags.map((t) => `#${t}`).join(' ');

  lesson
    .command('add')
    .description('Log a lesson')
    .argument('[title]', 'the lesson in one line')
    .option('-b, --body <text>', 'the story behind it', '')
    .addOption(new Option('-f, --from <origin>', 'where it came from').choices(ORIGINS).default('other'))
    .option('-t, --tag <tag>', 'a tag (repeatable)', collect)
    .option('-l, --link <type:ref>', 'what taught it: goal:<ref>, experiment:<ref>, task:<ref>, micro_goal:<ref>, review:<period>, win:<id>, feedback:<id> (repeatable)', collect)
    .option('--day <date>', 'the day it was learned (default today)')
    .addHelpText('after', '\nExamples:\n  smallwins lesson add "Calls beat cold email" --from experiment --tag outreach --link experiment:"Cold email"\n  smallwins lesson add "Protect Monday mornings" --from review --tag focus --link review:2026-W47')
    .action(async (title: string | undefined, opts: { body: string; from: LessonOrigin; tag?: string[]; link?: string[]; day?: string }) => {
      const t = await app.need(title, 'What did you learn?', 'lesson title: smallwins lesson add "<lesson>"');
      const links = [];
      for (const link of opts.link ?? []) links.push(await app.call(ops.resolveLessonLink, { link }));
      const l = await app.call(ops.addLesson, { title: t, body: opts.body, origin: opts.from, tags: opts.tag ?? [], links, day: opts.day });
      app.print(l, () => `${c.green('✓')} Lesson logged: ${c.bold(l.title)} ${c.dim(`(${shortId(l.id)})`)}${l.tags.length ? ` ${c.cyan(tags(l))}` : ''}`);
    });

  lesson
    .command('search')
    .description('Full-text search over titles, bodies and tags')
    .argument('[query]', 'words to look for; the last may be the start of a word')
    .option('-n, --limit <n>', 'at most this many results', parseNumber('--limit'), 20)
    .addHelpText('after', '\nExamples:\n  smallwins lesson search "cold email"\n  smallwins lesson search pric')
    .action(async (query: string | undefined, opts: { limit: number }) => {
      const q = await app.need(query, 'Search for?', 'search words: smallwins lesson search "<words>"');
      const hits = await app.call(ops.searchLessons, { query: q, limit: opts.limit });
      app.print(hits, () =>
        hits.length === 0
          ? `No lesson matches "${q}". Try fewer or shorter words, or list them all: smallwins lesson list`
          : hits
              .map((h) => `${c.dim(shortId(h.id))}  ${c.bold(h.title)}  ${c.dim(h.day)}${h.tags.length ? `  ${c.cyan(tags(h))}` : ''}\n        ${h.snippet.replace(/«([^»]*)»/g, (_m, w: string) => c.yellow(w))}`)
              .join('\n'),
      );
    });

  lesson
    .command('list')
    .description('List lessons, newest first')
    .option('-t, --tag <tag>', 'only lessons with this tag')
    .addOption(new Option('-f, --from <origin>', 'only lessons from this origin').choices(ORIGINS))
    .addHelpText('after', '\nExamples:\n  smallwins lesson list\n  smallwins lesson list --tag pricing --from failure')
    .action(async (opts: { tag?: string; from?: LessonOrigin }) => {
      const lessons = await app.call(ops.listLessons, { tag: opts.tag, origin: opts.from });
      app.print(lessons, () =>
        lessons.length === 0
          ? opts.tag || opts.from
            ? 'No lesson matches those filters. See them all: smallwins lesson list'
            : 'No lessons yet. Log one from a win or a failure: smallwins lesson add "<what you learned>"'
          : table([['ID', 'DAY', 'FROM', 'LESSON', 'TAGS'], ...lessons.map((l) => [shortId(l.id), l.day, l.origin, l.title, tags(l)])], c),
      );
    });

  lesson
    .command('show')
    .description('Show a lesson with its story, tags and links')
    .argument('<lesson>', 'lesson id, prefix or title')
    .addHelpText('after', '\nExamples:\n  smallwins lesson show "Calls beat cold email"')
    .action(async (ref: string) => {
      const l = await app.call(ops.showLesson, { lessonId: await app.resolve('lesson', ref) });
      app.print(l, () =>
        [
          `${c.bold(l.title)} ${c.dim(`(${shortId(l.id)}, from ${l.origin === 'failure' ? 'a failure' : `a ${l.origin}`}, ${l.day})`)}`,
          ...(l.body ? ['', l.body] : []),
          ...(l.tags.length ? ['', c.cyan(tags(l))] : []),
          ...(l.links.length ? ['', ...l.links.map((k) => `  → ${k.targetType} ${shortId(k.targetId)}`)] : []),
        ].join('\n'),
      );
    });

  lesson
    .command('delete')
    .description('Delete a lesson')
    .argument('<lesson>', 'lesson id, prefix or title')
    .addHelpText('after', '\nExamples:\n  smallwins lesson delete 4f2a9c')
    .action(async (ref: string) => {
      const l = await app.call(ops.deleteLesson, { lessonId: await app.resolve('lesson', ref) });
      app.print(l, () => `${c.green('✓')} Deleted the lesson ${c.bold(l.title)}`);
    });
}
