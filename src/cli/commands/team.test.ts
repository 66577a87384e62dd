import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

describe('smallwins team: delegation in a team workspace', () => {
  it('assigns, lists my work, offers and picks up tasks with --workspace', async () => {
    const sw = cliRunner(); // Wednesday 2026-11-18 in Paris
    const ws = (await sw('--json', 'workspace', 'create', 'Volunteers')).json() as { id: string };
    const at = (...argv: string[]) => sw('--workspace', ws.id, ...argv);
    const me = ((await at('--json', 'member', 'list')).json() as Array<{ userId: string }>)[0]!.userId;
    expect((await at('task', 'add', 'Print flyers', '--minutes', '30')).code).toBe(0);
    expect((await at('task', 'add', 'Set up chairs', '--minutes', '45')).code).toBe(0);

    const assigned = await at('team', 'assign', 'flyers', me);
    expect(assigned.stderr).toBe('');
    expect(assigned.stdout).toMatch(/✓ Print flyers assigned to Me/);
    const work = await at('team', 'work');
    expect(work.stdout).toMatch(/Print flyers/);
    expect(work.stdout).not.toMatch(/Set up chairs/);

    expect((await at('team', 'offer', 'chairs')).stdout).toMatch(/Set up chairs is open for pickup/);
    expect((await at('team', 'open')).stdout).toMatch(/Set up chairs[\s\S]*smallwins team pick/);
    expect((await at('team', 'pick', 'chairs')).stdout).toMatch(/✓ Set up chairs is yours for Wed 18 Nov/);
    expect((await at('team', 'open')).stdout).toMatch(/No task is open for pickup/);
    expect(((await at('--json', 'team', 'work', '--open')).json() as Array<{ title: string }>).map((w) => w.title)).toEqual(['Print flyers', 'Set up chairs']);
    expect((await at('team', 'waiting')).stdout).toMatch(/not waiting on anyone/);

    const nobody = await at('team', 'assign', 'flyers', 'nobody@example.com');
    expect(nobody.code).toBe(2);
    expect(nobody.stderr).toMatch(/not a member of this workspace/);
    expect((await at('team', 'unassign', 'flyers')).stdout).toMatch(/Print flyers is unassigned/);
  });
});
