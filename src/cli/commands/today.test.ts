import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

describe('smallwins today', () => {
  it('shows an empty day with what to do next', async () => {
    const sw = cliRunner();
    const out = await sw('today');
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/Wednesday, 18 November 2026 · 2026-W47/);
    expect(out.stdout).toMatch(/Nothing planned\. Add one: smallwins task add/);
    expect(out.stdout).toMatch(/routine add/);
    expect(out.stdout).toMatch(/No goal yet\. Start from a playbook \(smallwins playbook list\)/);
  });

  it('shows tasks with timeboxes and routines with streaks after a few days of use', async () => {
    const sw = cliRunner({ now: '2026-11-15T08:00:00Z' });
    expect((await sw('routine', 'add', 'Morning run', '--daily', '--minimum', 'Walk 10 minutes')).code).toBe(0);
    for (const day of ['2026-11-15', '2026-11-16', '2026-11-17']) {
      sw.clock.set(`${day}T08:00:00Z`);
      expect((await sw('check', 'run')).code).toBe(0);
    }
    sw.clock.set('2026-11-18T08:00:00Z');
    await sw('task', 'add', 'Call three leads', '--minutes', '30');
    await sw('task', 'add', 'Write onboarding email', '--minutes', '45');
    await sw('done', 'Call three');
    const out = await sw('today');
    expect(out.stdout).toMatch(/Tasks {2}1\/2 done · 30 of 75 min/);
    expect(out.stdout).toMatch(/✓ Call three leads\s+30m/);
    expect(out.stdout).toMatch(/○ Write onboarding email\s+45m/);
    expect(out.stdout).toMatch(/○ Morning run\s+🔥 3\s+█/);
    expect(out.stdout).toMatch(/minimum: Walk 10 minutes/);
    const json = (await sw('--json', 'today')).json<{ routines: Array<{ currentStreak: number }> }>();
    expect(json.routines[0]?.currentStreak).toBe(3);
  });

  it('refuses a day that is not a date', async () => {
    const sw = cliRunner();
    const out = await sw('today', '--day', 'someday');
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/YYYY-MM-DD/);
  });
});
