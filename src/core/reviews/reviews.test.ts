import { expect, it } from 'vitest';
import { describeEachEngine } from '#test/db.js';
import { createGoal } from '../goals/create-goal.js';
import { updateGoal } from '../goals/update-goal.js';
import { addReviewDecision } from './add-review-decision.js';
import { addReviewPrompt } from './add-review-prompt.js';
import { answerReview } from './answer-review.js';
import { completeReview } from './complete-review.js';
import { DEFAULT_PROMPTS } from './default-prompts.js';
import { listReviewPrompts } from './list-review-prompts.js';
import { listReviews } from './list-reviews.js';
import { showReview } from './show-review.js';
import { startReview } from './start-review.js';

describeEachEngine('reviews', (s) => {
  it("opens the current week's review with its summary, the built-in prompts and the workspace's own", async () => {
    const ctx = await s.newCtx({ now: '2026-11-22T17:00:00Z' });
    const { goal } = await createGoal(ctx, { title: 'Grow' });
    const { goal: side } = await createGoal(ctx, { title: 'Side project' });
    await addReviewPrompt(ctx, { kind: 'weekly', text: 'Did I talk to a customer?' });
    await addReviewPrompt(ctx, { kind: 'weekly', text: 'Did Grow move?', goalId: goal.id });
    await addReviewPrompt(ctx, { kind: 'weekly', text: 'Side project still alive?', goalId: side.id });
    await addReviewPrompt(ctx, { kind: 'monthly', text: 'Monthly only' });
    await updateGoal(ctx, { goalId: side.id, status: 'paused' });

    const review = await startReview(ctx, { kind: 'weekly' });
    expect(review).toMatchObject({ kind: 'weekly', period: '2026-W47', status: 'open', resumed: false, decisions: [] });
    expect(review.summary).toMatchObject({ period: '2026-W47', from: '2026-11-16', to: '2026-11-22' });
    expect(review.answers.map((a) => a.prompt)).toEqual([...DEFAULT_PROMPTS.weekly, 'Did I talk to a customer?', 'Did Grow move?']);
    expect(review.answers.map((a) => a.position)).toEqual([1, 2, 3, 4, 5, 6]);

    const monthly = await startReview(ctx, { kind: 'monthly' });
    expect(monthly.period).toBe('2026-11');
    expect(monthly.answers.map((a) => a.prompt)).toEqual([...DEFAULT_PROMPTS.monthly, 'Monthly only']);
  });

  it('returns the same review when started again, even concurrently, keeping its answers', async () => {
    const ctx = await s.newCtx();
    const started = await Promise.all(Array.from({ length: 5 }, () => startReview(ctx, { kind: 'weekly', period: '2026-W46' })));
    expect(new Set(started.map((r) => r.id)).size).toBe(1);
    expect(started.filter((r) => !r.resumed)).toHaveLength(1);
    const id = started[0]!.id;
    await answerReview(ctx, { reviewId: id, answers: [{ position: 1, answer: 'Shipped the beta' }] });
    const again = await startReview(ctx, { kind: 'weekly', period: '2026-W46' });
    expect(again).toMatchObject({ id, resumed: true });
    expect(again.answers).toHaveLength(DEFAULT_PROMPTS.weekly.length);
    expect(again.answers[0]?.answer).toBe('Shipped the beta');
    expect(await listReviews(ctx)).toHaveLength(1);
  });

  it('stores answers and keep/change/drop decisions, then keeps a completed review as written', async () => {
    const ctx = await s.newCtx();
    const { id } = await startReview(ctx, { kind: 'weekly', period: 'last' });
    await answerReview(ctx, { reviewId: id, answers: [{ position: 2, answer: 'Too many meetings' }, { position: 4, answer: 'Block mornings' }] });
    await answerReview(ctx, { reviewId: id, answers: [{ position: 2, answer: 'Meetings ate Tuesday' }] });
    await addReviewDecision(ctx, { reviewId: id, verdict: 'keep', text: 'Morning writing' });
    await addReviewDecision(ctx, { reviewId: id, verdict: 'drop', text: 'Friday newsletter' });
    await expect(answerReview(ctx, { reviewId: id, answers: [{ position: 9, answer: 'x' }] })).rejects.toThrow(/asks 4 questions, so there is no question 9/);
    await expect(addReviewDecision(ctx, { reviewId: id, verdict: 'maybe' as 'keep', text: 'x' })).rejects.toThrow(/keep, change or drop/);
    await expect(addReviewDecision(ctx, { reviewId: id, verdict: 'change', text: '  ' })).rejects.toMatchObject({ details: [{ path: 'text' }] });

    ctx.clock.set('2026-11-18T20:00:00Z');
    const done = await completeReview(ctx, { reviewId: id });
    expect(done).toMatchObject({ status: 'done', completedAt: '2026-11-18T20:00:00.000Z', period: '2026-W46' });
    expect(done.answers.map((a) => a.answer)).toEqual(['', 'Meetings ate Tuesday', '', 'Block mornings']);
    expect(done.decisions.map((d) => `${d.verdict}: ${d.text}`)).toEqual(['keep: Morning writing', 'drop: Friday newsletter']);

    await expect(answerReview(ctx, { reviewId: id, answers: [{ position: 1, answer: 'late' }] })).rejects.toMatchObject({
      code: 'conflict',
      message: expect.stringMatching(/completed on 2026-11-18; it is kept as written/),
    });
    await expect(addReviewDecision(ctx, { reviewId: id, verdict: 'keep', text: 'late' })).rejects.toMatchObject({ code: 'conflict' });
    ctx.clock.set('2026-11-19T20:00:00Z');
    const reopened = await startReview(ctx, { kind: 'weekly', period: '2026-W46' });
    expect(reopened).toMatchObject({ id, status: 'done', resumed: true, completedAt: '2026-11-18T20:00:00.000Z' });
    expect(reopened.summary?.generatedAt).toBe(done.summary?.generatedAt);
    expect((await completeReview(ctx, { reviewId: id })).completedAt).toBe('2026-11-18T20:00:00.000Z');
  });

  it('refuses a future period or a malformed one, writing nothing', async () => {
    const ctx = await s.newCtx();
    await expect(startReview(ctx, { kind: 'weekly', period: '2026-W49' })).rejects.toMatchObject({ code: 'validation', message: expect.stringMatching(/has not started yet/) });
    await expect(startReview(ctx, { kind: 'monthly', period: 'November' })).rejects.toThrow(/"November" is not a month/);
    await expect(startReview(ctx, { kind: 'yearly' as 'weekly' })).rejects.toThrow(/weekly or monthly/);
    expect(await listReviews(ctx)).toEqual([]);
  });

  it('lists and shows reviews by period or id prefix, only to the person who wrote them', async () => {
    const ctx = await s.newCtx();
    const w46 = await startReview(ctx, { kind: 'weekly', period: '2026-W46' });
    ctx.clock.advance(60_000);
    const oct = await startReview(ctx, { kind: 'monthly', period: '2026-10' });
    await answerReview(ctx, { reviewId: oct.id, answers: [{ position: 1, answer: 'Launch' }] });
    await addReviewDecision(ctx, { reviewId: oct.id, verdict: 'change', text: 'Fewer goals' });
    const list = await listReviews(ctx);
    expect(list.map((r) => [r.kind, r.period, r.prompts, r.answered, r.decisions])).toEqual([
      ['monthly', '2026-10', 4, 1, 1],
      ['weekly', '2026-W46', 4, 0, 0],
    ]);
    expect((await listReviews(ctx, { kind: 'weekly' })).map((r) => r.period)).toEqual(['2026-W46']);
    expect((await showReview(ctx, { ref: '2026-w46' })).id).toBe(w46.id);
    expect((await showReview(ctx, { ref: '2026-10' })).id).toBe(oct.id);
    expect((await showReview(ctx, { ref: oct.id.slice(0, 6) })).decisions[0]?.text).toBe('Fewer goals');
    await expect(showReview(ctx, { ref: '2026-W40' })).rejects.toThrow(/no weekly review of 2026-W40 yet. Start it first/);

    const bob = await s.newCtx();
    await expect(showReview(bob, { reviewId: w46.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(answerReview(bob, { reviewId: w46.id, answers: [{ position: 1, answer: 'mine' }] })).rejects.toMatchObject({ code: 'not_found' });
    expect(await listReviews(bob)).toEqual([]);
  });

  it('numbers prompts per kind and refuses a prompt for a goal outside the workspace', async () => {
    const ctx = await s.newCtx();
    const a = await addReviewPrompt(ctx, { kind: 'weekly', text: 'One' });
    await addReviewPrompt(ctx, { kind: 'monthly', text: 'Month one' });
    const b = await addReviewPrompt(ctx, { kind: 'weekly', text: 'Two' });
    expect([a.position, b.position]).toEqual([1, 2]);
    expect((await listReviewPrompts(ctx)).map((p) => `${p.kind}:${p.text}`)).toEqual(['weekly:One', 'weekly:Two', 'monthly:Month one']);
    expect((await listReviewPrompts(ctx, { kind: 'monthly' })).map((p) => p.text)).toEqual(['Month one']);
    const other = await s.newCtx();
    const { goal } = await createGoal(other, { title: 'Theirs' });
    await expect(addReviewPrompt(ctx, { kind: 'weekly', text: 'x', goalId: goal.id })).rejects.toMatchObject({ code: 'not_found' });
    await expect(addReviewPrompt(ctx, { kind: 'weekly', text: '' })).rejects.toMatchObject({ details: [{ path: 'text' }] });
    expect(await listReviewPrompts(other)).toEqual([]);
  });
});
