import { expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

it('shows the feed, comments, refuses kudos on your own win, and records decisions', async () => {
  const sw = await cliRunner();
  expect((await sw('win', 'First paying customer', '--shared')).code).toBe(0);
  expect((await sw('win', 'Private note to self')).code).toBe(0);
  const feed = await sw('feed');
  expect(feed.code).toBe(0);
  expect(feed.stdout).toMatch(/First paying customer/);
  expect(feed.stdout).not.toMatch(/Private note/);
  const comment = await sw('comment', 'paying', 'Took six weeks');
  expect(comment.stdout).toMatch(/✓ Comment added/);
  const own = await sw('kudos', 'paying');
  expect(own.code).toBe(1);
  expect(own.stderr).toMatch(/yours/);
  expect((await sw('--json', 'feed')).stdout).toMatch(/"comments": 1/);

  expect((await sw('goal', 'add', 'First 10 customers')).code).toBe(0);
  const add = await sw('decision', 'add', 'One niche', '--decision', 'Dentists only', '--reasoning', 'Warm intros', '--goal', 'First 10');
  expect(add.stdout).toMatch(/✓ Decision One niche recorded/);
  expect((await sw('decision', 'list')).stdout).toMatch(/One niche: Dentists only\s+First 10 customers/);
  expect((await sw('decision', 'show', 'niche')).stdout).toMatch(/Why: Warm intros/);
});
