import { expect, it } from 'vitest';
import { goalEndpoints as g } from '#contracts/api/goals.js';
import { reflectionEndpoints as r } from '#contracts/api/reflection.js';
import { describeServer, type TestUser } from '#test/server.js';

const paths = (body: { error: { details?: Array<{ path: string }> } }) => (body.error.details ?? []).map((d) => d.path).sort();

describeServer('reflection routes', (s) => {
  const experiment = async (user: TestUser, extra: Record<string, unknown> = {}) =>
    (await s.call(user, r.createExperiment, { title: 'Short onboarding', assumption: 'Setup scares people off', hypothesis: 'Activation doubles', endDay: '2026-12-15', variants: ['Control', 'Short'], ...extra })).json();

  it('runs an experiment: created with a 201, counted, listed, shown, concluded once', async () => {
    const me = await s.user();
    const goal = (await s.call(me, g.createGoal, { title: 'Grow' })).json().goal;
    const created = await s.call(me, r.createExperiment, { title: 'Short onboarding', assumption: 'Setup scares people off', hypothesis: 'Activation doubles', endDay: '2026-12-15', goalId: goal.id, variants: ['Control', 'Short'] });
    expect(created.statusCode).toBe(201);
    const e = created.json();
    expect(e).toMatchObject({ title: 'Short onboarding', status: 'running', overdue: false, startDay: '2026-11-18', goalId: goal.id, decision: null, variants: [{ name: 'Control', trials: 0, rate: null }, { name: 'Short' }] });

    const counted = await s.call(me, r.recordVariantCounts, { experimentId: e.id, variant: 'short', trials: 12, successes: 5 });
    expect(counted.statusCode).toBe(200);
    expect(counted.json()).toMatchObject({ name: 'Short', trials: 12, successes: 5, rate: 5 / 12 });
    await s.call(me, r.recordVariantCounts, { experimentId: e.id, variant: 'Control', trials: 10, successes: 2 });

    const over = await s.call(me, r.recordVariantCounts, { experimentId: e.id, variant: 'Control', successes: 20 });
    expect(over.statusCode).toBe(400);
    expect(paths(over.json())).toEqual(['successes']);
    const unknown = await s.call(me, r.recordVariantCounts, { experimentId: e.id, variant: 'Long', trials: 1 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.message).toMatch(/Its variants are: Control, Short/);

    const fb = await s.call(me, r.addFeedback, { content: 'Setup took an hour', source: 'customer', experimentId: e.id });
    expect(fb.statusCode).toBe(201);

    const list = (await s.call(me, r.listExperiments, { status: 'running' })).json();
    expect(list.nextCursor).toBeNull();
    expect(list.items.map((x: { id: string }) => x.id)).toEqual([e.id]);
    expect((await s.call(me, r.listExperiments, { status: 'done' })).json().items).toEqual([]);

    const shown = await s.call(me, r.showExperiment, { experimentId: e.id });
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toMatchObject({ leader: 'Short', goal: { id: goal.id, title: 'Grow' }, metric: null, feedback: [{ content: 'Setup took an hour' }], lessons: [] });

    const done = await s.call(me, r.concludeExperiment, { experimentId: e.id, result: 'Short activates 42% vs 20%', decision: 'scale' });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', decision: 'scale', result: 'Short activates 42% vs 20%' });
    const again = await s.call(me, r.concludeExperiment, { experimentId: e.id, result: 'again', decision: 'stop' });
    expect(again.statusCode).toBe(409);
    const late = await s.call(me, r.recordVariantCounts, { experimentId: e.id, variant: 'Short', trials: 1 });
    expect(late.statusCode).toBe(409);
  });

  it('answers bad experiment and feedback input with 400 and the field paths', async () => {
    const me = await s.user();
    const bad = await s.call(me, r.createExperiment, { title: '', assumption: ' ', hypothesis: 'h', endDay: '2026-02-30' });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['assumption', 'endDay', 'title']);
    const early = await s.call(me, r.createExperiment, { title: 'X', assumption: 'a', hypothesis: 'h', endDay: '2026-11-01' });
    expect(early.statusCode).toBe(400);
    expect(paths(early.json())).toEqual(['endDay']);
    const decision = await s.call(me, r.concludeExperiment, { experimentId: (await experiment(me)).id, result: 'x', decision: 'pivot' });
    expect(decision.statusCode).toBe(400);
    expect(paths(decision.json())).toEqual(['decision']);
    const source = await s.call(me, r.addFeedback, { content: 'Nice', source: 'boss' });
    expect(source.statusCode).toBe(400);
    expect(paths(source.json())).toEqual(['source']);
    const status = await s.call(me, r.listExperiments, { status: 'maybe' });
    expect(status.statusCode).toBe(400);
    expect(paths(status.json())).toEqual(['status']);
    expect((await s.call(me, r.listExperiments, {})).json().items).toHaveLength(1);
  });

  it("answers 404 for another workspace's experiment, and will not link feedback to it", async () => {
    const me = await s.user();
    const other = await s.user();
    const theirs = await experiment(other, { title: 'Secret pricing test' });
    for (const res of [
      await s.call(me, r.showExperiment, { experimentId: theirs.id }),
      await s.call(me, r.recordVariantCounts, { experimentId: theirs.id, variant: 'Control', trials: 1 }),
      await s.call(me, r.concludeExperiment, { experimentId: theirs.id, result: 'x', decision: 'stop' }),
      await s.call(me, r.addFeedback, { content: 'Hi', source: 'peer', experimentId: theirs.id }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Secret pricing');
    }
    expect((await s.call(me, r.listFeedback, {})).json().items).toEqual([]);
    expect((await s.call(other, r.showExperiment, { experimentId: theirs.id })).json().variants[0].trials).toBe(0);
  });

  it('lets a viewer read experiments and feedback but not write them', async () => {
    const owner = await s.user();
    const viewer = await s.user();
    await s.join(viewer, owner.workspaceId, 'viewer');
    const e = await experiment(owner);
    await s.call(owner, r.addFeedback, { content: 'Loved it', source: 'mentor' });
    const ws = { workspaceId: owner.workspaceId };
    expect((await s.call(viewer, r.showExperiment, { experimentId: e.id }, ws)).statusCode).toBe(200);
    expect((await s.call(viewer, r.listFeedback, { source: 'mentor' }, ws)).json().items.map((f: { content: string }) => f.content)).toEqual(['Loved it']);
    for (const res of [
      await s.call(viewer, r.createExperiment, { title: 'Nope', assumption: 'a', hypothesis: 'h', endDay: '2026-12-01' }, ws),
      await s.call(viewer, r.recordVariantCounts, { experimentId: e.id, variant: 'Control', trials: 1 }, ws),
      await s.call(viewer, r.concludeExperiment, { experimentId: e.id, result: 'x', decision: 'stop' }, ws),
      await s.call(viewer, r.addFeedback, { content: 'Nope', source: 'peer' }, ws),
    ]) expect(res.statusCode).toBe(403);
  });

  it('runs a weekly review: summary, questions, answers, decisions, completion', async () => {
    const me = await s.user();
    const prompt = await s.call(me, r.addReviewPrompt, { kind: 'weekly', text: 'Did I talk to a customer?' });
    expect(prompt.statusCode).toBe(201);
    expect(prompt.json()).toMatchObject({ kind: 'weekly', text: 'Did I talk to a customer?', goalId: null, position: 1 });
    expect((await s.call(me, r.listReviewPrompts, {})).json().items).toHaveLength(1);

    const preview = await s.call(me, r.reviewSummary, { kind: 'weekly' });
    expect(preview.statusCode).toBe(200);
    expect(preview.json()).toMatchObject({ kind: 'weekly', period: '2026-W47', from: '2026-11-16', to: '2026-11-22', tasks: { planned: 0 }, metrics: [] });
    expect((await s.call(me, r.listReviews, {})).json().items).toEqual([]);

    const started = await s.call(me, r.startReview, { kind: 'weekly' });
    expect(started.statusCode).toBe(200);
    const review = started.json();
    expect(review).toMatchObject({ period: '2026-W47', status: 'open', resumed: false, completedAt: null, summary: { period: '2026-W47', from: '2026-11-16' }, decisions: [] });
    expect(review.answers).toHaveLength(5);
    expect(review.answers[4]).toEqual({ position: 5, prompt: 'Did I talk to a customer?', answer: '' });
    expect((await s.call(me, r.startReview, { kind: 'weekly', period: '2026-W47' })).json()).toMatchObject({ id: review.id, resumed: true });

    const answered = await s.call(me, r.answerReview, { reviewId: review.id, answers: [{ position: 1, answer: 'Shipped the beta' }, { position: 5, answer: 'Twice' }] });
    expect(answered.statusCode).toBe(200);
    expect(answered.json().answers.map((a: { answer: string }) => a.answer)).toEqual(['Shipped the beta', '', '', '', 'Twice']);
    const beyond = await s.call(me, r.answerReview, { reviewId: review.id, answers: [{ position: 9, answer: 'x' }] });
    expect(beyond.statusCode).toBe(400);
    expect(paths(beyond.json())).toEqual(['answers']);

    const decided = await s.call(me, r.addReviewDecision, { reviewId: review.id, verdict: 'keep', text: 'morning calls' });
    expect(decided.statusCode).toBe(201);
    expect(decided.json()).toMatchObject({ verdict: 'keep', text: 'morning calls' });
    const badVerdict = await s.call(me, r.addReviewDecision, { reviewId: review.id, verdict: 'maybe', text: '' });
    expect(badVerdict.statusCode).toBe(400);
    expect(paths(badVerdict.json())).toEqual(['text', 'verdict']);

    const done = await s.call(me, r.completeReview, { reviewId: review.id });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'done', completedAt: '2026-11-18T10:00:00.000Z', decisions: [{ verdict: 'keep', text: 'morning calls' }] });
    expect((await s.call(me, r.answerReview, { reviewId: review.id, answers: [{ position: 2, answer: 'late' }] })).statusCode).toBe(409);
    expect((await s.call(me, r.addReviewDecision, { reviewId: review.id, verdict: 'drop', text: 'late' })).statusCode).toBe(409);

    const shown = (await s.call(me, r.showReview, { reviewId: review.id })).json();
    expect(shown).toMatchObject({ status: 'done', summary: { kind: 'weekly', checkIns: { missed: 0 } } });
    expect((await s.call(me, r.listReviews, { kind: 'weekly' })).json().items).toEqual([expect.objectContaining({ id: review.id, prompts: 5, answered: 2, decisions: 1, status: 'done' })]);
    expect((await s.call(me, r.listReviews, { kind: 'monthly' })).json().items).toEqual([]);
  });

  it('refuses a period that has not started, a bad kind, and a prompt for a foreign goal', async () => {
    const me = await s.user();
    const other = await s.user();
    const future = await s.call(me, r.startReview, { kind: 'monthly', period: '2027-01' });
    expect(future.statusCode).toBe(400);
    expect(paths(future.json())).toEqual(['period']);
    const kind = await s.call(me, r.reviewSummary, { kind: 'yearly' });
    expect(kind.statusCode).toBe(400);
    expect(paths(kind.json())).toEqual(['kind']);
    const theirGoal = (await s.call(other, g.createGoal, { title: 'Their goal' })).json().goal;
    expect((await s.call(me, r.addReviewPrompt, { kind: 'weekly', text: 'Q?', goalId: theirGoal.id })).statusCode).toBe(404);
  });

  it("keeps reviews personal: another workspace's, and another member's, answer 404", async () => {
    const owner = await s.user();
    const member = await s.user();
    const viewer = await s.user();
    const stranger = await s.user();
    await s.join(member, owner.workspaceId, 'member');
    await s.join(viewer, owner.workspaceId, 'viewer');
    const ws = { workspaceId: owner.workspaceId };
    const review = (await s.call(owner, r.startReview, { kind: 'weekly' })).json();
    await s.call(owner, r.answerReview, { reviewId: review.id, answers: [{ position: 1, answer: 'A private thought' }] });

    const foreign = await s.call(stranger, r.showReview, { reviewId: review.id });
    expect(foreign.statusCode).toBe(404);
    const colleague = await s.call(member, r.showReview, { reviewId: review.id }, ws);
    expect(colleague.statusCode).toBe(404);
    expect(colleague.body).not.toContain('A private thought');
    expect((await s.call(member, r.answerReview, { reviewId: review.id, answers: [{ position: 1, answer: 'Overwritten' }] }, ws)).statusCode).toBe(404);
    expect((await s.call(member, r.listReviews, {}, ws)).json().items).toEqual([]);
    expect((await s.call(stranger, r.completeReview, { reviewId: review.id })).statusCode).toBe(404);

    expect((await s.call(viewer, r.reviewSummary, { kind: 'weekly', period: 'last' }, ws)).statusCode).toBe(200);
    expect((await s.call(viewer, r.startReview, { kind: 'weekly' }, ws)).statusCode).toBe(403);
    expect((await s.call(viewer, r.addReviewPrompt, { kind: 'weekly', text: 'Q?' }, ws)).statusCode).toBe(403);
    expect((await s.call(owner, r.showReview, { reviewId: review.id })).json().answers[0].answer).toBe('A private thought');
  });

  it('logs, links, finds, changes and deletes lessons', async () => {
    const me = await s.user();
    const goal = (await s.call(me, g.createGoal, { title: 'Grow' })).json().goal;
    const link = await s.call(me, r.resolveLessonLink, { link: 'goal:grow' });
    expect(link.statusCode).toBe(200);
    expect(link.json()).toEqual({ targetType: 'goal', targetId: goal.id });
    const created = await s.call(me, r.addLesson, { title: 'Calls beat cold email', body: 'Replies tripled after a warm intro', origin: 'failure', tags: ['Outreach', '#outreach'], links: [link.json()] });
    expect(created.statusCode).toBe(201);
    const lesson = created.json();
    expect(lesson).toMatchObject({ origin: 'failure', day: '2026-11-18', tags: ['outreach'], links: [{ targetType: 'goal', targetId: goal.id }] });
    await s.call(me, r.addLesson, { title: 'Protect Monday mornings', tags: ['focus'] });

    const found = await s.call(me, r.searchLessons, { query: 'warm intr' });
    expect(found.statusCode).toBe(200);
    expect(found.json()).toEqual([expect.objectContaining({ id: lesson.id, snippet: expect.stringContaining('«warm»') })]);
    for (const hostile of ['"', 'AND OR', '*', 'NEAR(', "'); drop"]) expect((await s.call(me, r.searchLessons, { query: hostile })).statusCode, hostile).toBe(200);
    expect((await s.call(me, r.searchLessons, { query: 'monday', limit: 0 })).statusCode).toBe(400);

    expect((await s.call(me, r.listLessons, { tag: 'focus' })).json().items.map((l: { title: string }) => l.title)).toEqual(['Protect Monday mornings']);
    expect((await s.call(me, r.listLessons, { origin: 'failure' })).json().items.map((l: { id: string }) => l.id)).toEqual([lesson.id]);

    const updated = await s.call(me, r.updateLesson, { lessonId: lesson.id, title: 'Warm calls beat cold email', tags: ['calls'] });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ title: 'Warm calls beat cold email', tags: ['calls'], links: [{ targetId: goal.id }] });
    expect((await s.call(me, r.searchLessons, { query: 'outreach' })).json()).toEqual([]);
    expect((await s.call(me, r.searchLessons, { query: 'calls' })).json()).toHaveLength(1);

    const deleted = await s.call(me, r.deleteLesson, { lessonId: lesson.id });
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json().title).toBe('Warm calls beat cold email');
    expect((await s.call(me, r.showLesson, { lessonId: lesson.id })).statusCode).toBe(404);
    expect((await s.call(me, r.searchLessons, { query: 'calls' })).json()).toEqual([]);
  });

  it('answers bad lessons and links with 400 and the field paths', async () => {
    const me = await s.user();
    const bad = await s.call(me, r.addLesson, { title: '', tags: ['two words'], links: [{ targetType: 'planet', targetId: 'x' }] });
    expect(bad.statusCode).toBe(400);
    expect(paths(bad.json())).toEqual(['links.0.targetType', 'tags.0', 'title']);
    const badType = await s.call(me, r.resolveLessonLink, { link: 'planet:mars' });
    expect(badType.statusCode).toBe(400);
    expect(badType.json().error.message).toMatch(/goal, experiment, win, task, micro_goal, review or feedback/);
    expect((await s.call(me, r.resolveLessonLink, { link: 'nonsense' })).statusCode).toBe(400);
    expect((await s.call(me, r.resolveLessonLink, { link: 'goal:nothing' })).statusCode).toBe(404);
    expect((await s.call(me, r.listLessons, {})).json().items).toEqual([]);
  });

  it("keeps lessons to their workspace: 404 for another's lesson or link target, nothing found by search", async () => {
    const me = await s.user();
    const other = await s.user();
    const theirGoal = (await s.call(other, g.createGoal, { title: 'Their goal' })).json().goal;
    const theirs = (await s.call(other, r.addLesson, { title: 'Secret lesson', body: 'hush', links: [{ targetType: 'goal', targetId: theirGoal.id }] })).json();
    for (const res of [
      await s.call(me, r.showLesson, { lessonId: theirs.id }),
      await s.call(me, r.updateLesson, { lessonId: theirs.id, title: 'Hijacked' }),
      await s.call(me, r.deleteLesson, { lessonId: theirs.id }),
      await s.call(me, r.resolveLessonLink, { link: `goal:${theirGoal.id}` }),
      await s.call(me, r.addLesson, { title: 'Mine', links: [{ targetType: 'goal', targetId: theirGoal.id }] }),
    ]) {
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Secret lesson');
    }
    expect((await s.call(me, r.searchLessons, { query: 'secret' })).json()).toEqual([]);
    expect((await s.call(other, r.showLesson, { lessonId: theirs.id })).json().title).toBe('Secret lesson');
  });

  it('lets a viewer read and search lessons but not write them', async () => {
    const owner = await s.user();
    const viewer = await s.user();
    await s.join(viewer, owner.workspaceId, 'viewer');
    const ws = { workspaceId: owner.workspaceId };
    const lesson = (await s.call(owner, r.addLesson, { title: 'Shared lesson', tags: ['team'] })).json();
    expect((await s.call(viewer, r.searchLessons, { query: 'shared' }, ws)).json()).toHaveLength(1);
    expect((await s.call(viewer, r.showLesson, { lessonId: lesson.id }, ws)).statusCode).toBe(200);
    for (const res of [
      await s.call(viewer, r.addLesson, { title: 'Nope' }, ws),
      await s.call(viewer, r.updateLesson, { lessonId: lesson.id, title: 'Nope' }, ws),
      await s.call(viewer, r.deleteLesson, { lessonId: lesson.id }, ws),
    ]) expect(res.statusCode).toBe(403);
    expect((await s.call(owner, r.showLesson, { lessonId: lesson.id })).json().title).toBe('Shared lesson');
  });
});
