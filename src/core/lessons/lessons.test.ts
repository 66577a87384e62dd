import { describe, expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { createExperiment } from '../experiments/create-experiment.js';
import { createGoal } from '../goals/create-goal.js';
import { startReview } from '../reviews/start-review.js';
import { addLesson } from './add-lesson.js';
import { deleteLesson } from './delete-lesson.js';
import { listLessons } from './list-lessons.js';
import { resolveLinkTarget } from './resolve-link-target.js';
import { searchLessons } from './search-lessons.js';
import { fts5Query, pgQueryParts, searchTerms } from './search-terms.js';
import { updateLesson } from './update-lesson.js';

describe('search terms', () => {
  it('keeps only words, so operators and quotes become plain text', () => {
    expect(searchTerms(`"'); drop table lessons; -- NEAR( a* AND`)).toEqual(['drop', 'table', 'lessons', 'NEAR', 'a', 'AND']);
    expect(searchTerms('café crème')).toEqual(['café', 'crème']);
    expect(fts5Query(['cold', 'ema'])).toBe('"cold" "ema"*');
    expect(pgQueryParts(['cold', 'ema'])).toEqual({ words: 'cold', prefix: "'ema':*" });
  });
});

describeEachEngine('lessons', (s) => {
  it('logs a lesson with lower-cased unique tags and verified links', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Grow' });
    const e = await createExperiment(ctx, { title: 'Annual plan', assumption: 'a', hypothesis: 'h', endDay: '2026-12-01' });
    const lesson = await addLesson(ctx, {
      title: 'Price anchoring works on the call, not on the page',
      body: 'People compared to the agency quote.',
      origin: 'failure',
      tags: ['Pricing', 'pricing', '#Sales'],
      links: [{ targetType: 'goal', targetId: goal.id }, { targetType: 'experiment', targetId: e.id }, { targetType: 'goal', targetId: goal.id }],
    });
    expect(lesson).toMatchObject({ origin: 'failure', day: '2026-11-18', tags: ['pricing', 'sales'] });
    expect(lesson.links).toEqual([{ targetType: 'experiment', targetId: e.id }, { targetType: 'goal', targetId: goal.id }]);
  });

  it('refuses a link to something outside the workspace and a bad tag, writing nothing (not even a search document)', async () => {
    const ctx = await s.newCtx();
    const other = await s.newCtx();
    const { goal } = await createGoal(other, { title: 'Theirs' });
    await expect(addLesson(ctx, { title: 'Secret lesson', links: [{ targetType: 'goal', targetId: goal.id }] })).rejects.toThrow(/No goal matches/);
    await expect(addLesson(ctx, { title: 'Secret lesson', tags: ['two words'] })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/one word/) });
    await expect(addLesson(ctx, { title: 'x', origin: 'luck' as 'win' })).rejects.toThrow(/win, failure, experiment, review or other/);
    expect(await listLessons(ctx)).toEqual([]);
    expect(await searchLessons(ctx, { query: 'secret' })).toEqual([]);
  });

  it('lists lessons newest first, by tag or origin', async () => {
    const ctx = await s.newCtx();
    await addLesson(ctx, { title: 'Older', tags: ['sales'], day: '2026-11-01' });
    await addLesson(ctx, { title: 'Newer', tags: ['sales', 'energy'], origin: 'win', day: '2026-11-10' });
    await addLesson(ctx, { title: 'Other', tags: ['energy'], day: '2026-11-05' });
    expect((await listLessons(ctx)).map((l) => l.title)).toEqual(['Newer', 'Other', 'Older']);
    expect((await listLessons(ctx, { tag: 'SALES' })).map((l) => l.title)).toEqual(['Newer', 'Older']);
    expect((await listLessons(ctx, { origin: 'win' })).map((l) => l.title)).toEqual(['Newer']);
  });

  it('finds lessons by title, body and tags, best match first, with a prefix on the last word', async () => {
    const ctx = await s.newCtx();
    await addLesson(ctx, { title: 'Cold email needs a warm intro', body: 'Replies tripled once a mutual contact introduced us.', tags: ['outreach'] });
    await addLesson(ctx, { title: 'Pricing page confuses people', body: 'Three tiers is one too many. Cold visitors bounce.', tags: ['pricing'] });
    await addLesson(ctx, { title: 'Launch checklist', body: 'Write the checklist the week before, test the payment flow twice, warn support, keep some energy for the day, and post the announcement early.' });
    await addLesson(ctx, { title: 'Sleep before launches', body: 'Energy matters more than one more feature.', tags: ['energy'] });
    expect((await searchLessons(ctx, { query: 'energy' })).map((h) => h.title)).toEqual(['Sleep before launches', 'Launch checklist']);
    expect((await searchLessons(ctx, { query: 'cold' })).map((h) => h.title)).toEqual(expect.arrayContaining(['Cold email needs a warm intro', 'Pricing page confuses people']));
    expect((await searchLessons(ctx, { query: 'cold email' })).map((h) => h.title)).toEqual(['Cold email needs a warm intro']);
    expect((await searchLessons(ctx, { query: 'outre' })).map((h) => h.title)).toEqual(['Cold email needs a warm intro']);
    expect((await searchLessons(ctx, { query: 'PRICING' })).map((h) => h.title)).toEqual(['Pricing page confuses people']);
    const [hit] = await searchLessons(ctx, { query: 'tripled' });
    expect(hit?.snippet).toMatch(/«tripled»/);
    expect(await searchLessons(ctx, { query: 'unicorn' })).toEqual([]);
    expect(await searchLessons(ctx, { query: 'cold', limit: 1 })).toHaveLength(1);
  });

  it('never fails on a hostile query', async () => {
    const ctx = await s.newCtx();
    await addLesson(ctx, { title: 'Drop the weekly newsletter', body: 'AND nobody read it, OR so it seemed' });
    for (const query of ['"', 'AND OR', '*', 'NEAR(', "'); drop", '(((', 'title:x', '-', '^', '', '   ', 'a"b', '\\', '%_']) {
      await expect(searchLessons(ctx, { query }), query).resolves.toBeInstanceOf(Array);
    }
    expect((await searchLessons(ctx, { query: "'); drop" })).map((h) => h.title)).toEqual(['Drop the weekly newsletter']);
    expect((await searchLessons(ctx, { query: 'AND OR' })).map((h) => h.title)).toEqual(['Drop the weekly newsletter']);
    expect(await searchLessons(ctx, { query: '*' })).toEqual([]);
  });

  it('keeps search in step with updates and deletes', async () => {
    const ctx = await s.newCtx();
    const lesson = await addLesson(ctx, { title: 'Morning blocks', body: 'Deep work before email', tags: ['focus'] });
    const updated = await updateLesson(ctx, { lessonId: lesson.id, body: 'Deep work before standup', tags: ['Routine'] });
    expect(updated).toMatchObject({ title: 'Morning blocks', body: 'Deep work before standup', tags: ['routine'] });
    expect(await searchLessons(ctx, { query: 'email' })).toEqual([]);
    expect(await searchLessons(ctx, { query: 'focus' })).toEqual([]);
    expect((await searchLessons(ctx, { query: 'standup' })).map((h) => h.id)).toEqual([lesson.id]);
    expect((await searchLessons(ctx, { query: 'routine' })).map((h) => h.id)).toEqual([lesson.id]);
    // Changing the title alone keeps the tags.
    expect((await updateLesson(ctx, { lessonId: lesson.id, title: 'Mornings are for deep work' })).tags).toEqual(['routine']);
    expect((await searchLessons(ctx, { query: 'mornings' })).map((h) => h.id)).toEqual([lesson.id]);

    expect((await deleteLesson(ctx, { lessonId: lesson.id })).title).toBe('Mornings are for deep work');
    expect(await searchLessons(ctx, { query: 'deep' })).toEqual([]);
    expect(await listLessons(ctx)).toEqual([]);
    await expect(deleteLesson(ctx, { lessonId: lesson.id })).rejects.toMatchObject({ code: 'not_found' });
  });

  it("searches only the actor's workspace and refuses to touch another's lessons", async () => {
    const alice = await s.newCtx();
    const bob = await s.newCtx();
    const secret = await addLesson(alice, { title: 'Negotiation secret', tags: ['sales'] });
    await addLesson(bob, { title: 'Negotiation basics' });
    expect((await searchLessons(bob, { query: 'negotiation' })).map((h) => h.title)).toEqual(['Negotiation basics']);
    expect(await listLessons(bob, { tag: 'sales' })).toEqual([]);
    await expect(updateLesson(bob, { lessonId: secret.id, title: 'Mine' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(deleteLesson(bob, { lessonId: secret.id })).rejects.toMatchObject({ code: 'not_found' });
    expect((await searchLessons(alice, { query: 'negotiation' })).map((h) => h.title)).toEqual(['Negotiation secret']);
  });

  it('reads links written as type:ref', async () => {
    const ctx = await s.newCtx();
    const { goal } = await createGoal(ctx, { title: 'Grow revenue' });
    const review = await startReview(ctx, { kind: 'weekly', period: '2026-W46' });
    expect(await resolveLinkTarget(ctx, 'goal:grow revenue')).toEqual({ targetType: 'goal', targetId: goal.id });
    expect(await resolveLinkTarget(ctx, 'review:2026-W46')).toEqual({ targetType: 'review', targetId: review.id });
    await expect(resolveLinkTarget(ctx, 'grow')).rejects.toThrow(/write it as type:ref/);
    await expect(resolveLinkTarget(ctx, 'planet:mars')).rejects.toThrow(/goal, experiment, win, task, micro_goal, review or feedback/);
    await expect(resolveLinkTarget(ctx, 'win:zzzz')).rejects.toThrow(/No win matches "zzzz"/);
  });
});
