import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { lifeEndpoints as l } from '#contracts/api/life.js';
import { cliRunner } from '#test/cli.js';
import { describeServer, type TestUser } from '#test/server.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

/*
 * The energy, focus, contact, talk, people, pulse, playbook and settings commands logged in to a
 * server (through a real HTTP listener) against the same commands on a local database.
 */

function remoteCli(server: string, user: TestUser) {
  const env: NodeJS.ProcessEnv = {
    SMALLWINS_SERVER: server, SMALLWINS_TOKEN: user.token, SMALLWINS_WORKSPACE: user.workspaceId,
    SMALLWINS_DATA_DIR: mkdtempSync(join(tmpdir(), 'smallwins-remote-')), TZ: 'Europe/Paris', NO_COLOR: '1',
  };
  return async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const io: Io = { out: (t) => (stdout += `${t}\n`), err: (t) => (stderr += `${t}\n`), isTTY: false, env, ask: async () => null };
    const code = await main(argv, { io });
    return { code, stdout, stderr };
  };
}

// Ids differ between two databases; everything else must not.
const ID = '[0-9abcdefghjkmnpqrstvwxyz]';
const normalize = (text: string) =>
  text
    .replace(new RegExp(`"(id|userId|workspaceId|goalId|metricId|contactId)": "${ID}{16}"`, 'g'), '"$1": "<id>"')
    .replace(new RegExp(`\\b${ID}{16}\\b`, 'g'), '<id>')
    .replace(new RegExp(`\\b${ID}{6}\\b`, 'g'), '<id>');

describeServer('life commands over HTTP', (s) => {
  it('print exactly what they print on the local database', async () => {
    const me = await s.user({ name: 'Me' });
    const address = await s.app().listen({ port: 0, host: '127.0.0.1' });
    const remote = remoteCli(address, me);
    const local = cliRunner();
    const file = join(mkdtempSync(join(tmpdir(), 'smallwins-playbook-')), 'launch.json');
    writeFileSync(file, JSON.stringify({ key: 'tiny-launch', name: 'Tiny launch', body: { goal: { title: 'Launch small' }, primaryMetric: { name: 'Signups', target: 20, targetInDays: 30 }, microGoals: ['Write the page'] } }));
    const script: string[][] = [
      ['energy', '2', '--sleep', '6'],
      ['energy', '4', '--note', 'better after lunch'],
      ['energy', '3', '--day', 'yesterday'],
      ['energy', '5', '--day', 'tomorrow'],
      ['energy', '7'],
      ['energy', 'list', '--days', '3'],
      ['--json', 'energy', 'list'],
      ['focus', 'list'],
      ['focus', 'add', '09:00', '90', '--label', 'Write the pitch'],
      ['focus', 'add', '10:00', '30'],
      ['focus', 'add', '10:30', '30', '--day', 'tomorrow'],
      ['focus', 'list'],
      ['focus', 'list', '--day', 'tomorrow'],
      ['focus', 'list', '--week', 'next'],
      ['focus', 'list', '--week', 'W47'],
      ['people'],
      ['contact', 'add', 'Ana Lima', '--kind', 'mentor', '--email', 'ana@example.com'],
      ['contact', 'add', 'Bruno', '--kind', 'customer'],
      ['contact', 'add', 'ana lima', '--kind', 'peer'],
      ['settings', 'set', '--conversations', '2'],
      ['talk', 'bruno', '--day', '2026-10-01', '--note', 'first call'],
      ['--json', 'talk', 'ana lima', '--note', 'pricing'],
      ['talk', 'nobody'],
      ['people'],
      ['--json', 'people', '--week', 'last'],
      ['contact', 'list'],
      ['contact', 'edit', 'bruno', '--kind', 'collaborator'],
      ['pulse', 'morale', '4', '--note', 'good week'],
      ['pulse', 'morale', '2', '--day', '2026-11-10'],
      ['pulse', 'custom', 'Is the roadmap clear?', '3'],
      ['pulse', 'trend', 'morale', '--weeks', '3'],
      ['--json', 'pulse', 'trend', 'custom', '--question', 'is the roadmap clear?', '--weeks', '1'],
      ['pulse', 'trend', 'custom'],
      ['pulse', 'clarity', '9'],
      ['pulse', 'list', '--kind', 'morale'],
      ['playbook', 'list'],
      ['playbook', 'show', 'solo-founder'],
      ['--json', 'playbook', 'apply', 'solo-founder', '--title', 'First 10 customers'],
      ['playbook', 'save', 'recipes-launch', '--goal', 'First 10 customers', '--name', 'Recipes launch'],
      ['--json', 'playbook', 'show', 'recipes-launch'],
      ['playbook', 'import', file],
      ['playbook', 'import', file],
      ['playbook', 'apply', 'nope'],
      ['settings'],
      ['settings', 'set', '--time-zone', 'Paris', '--focus-limit', '2'],
      ['--json', 'settings', 'set', '--time-zone', 'America/New_York', '--day-start', '4', '--focus-limit', '2', '--name', 'Mia'],
      ['settings'],
    ];
    for (const argv of script) {
      const [there, here] = [await remote(...argv), await local(...argv)];
      expect({ argv, code: there.code, stdout: normalize(there.stdout), stderr: normalize(there.stderr) }).toEqual({
        argv, code: here.code, stdout: normalize(here.stdout), stderr: normalize(here.stderr),
      });
    }
    // The remote side really wrote to the server, and a refused time zone changed nothing.
    const settings = (await s.call(me, l.getSettings, {})).json();
    expect(settings).toMatchObject({ user: { timeZone: 'America/New_York', dayStartHour: 4 }, workspace: { focusLimit: 2, conversationTarget: 2 } });
    expect((await s.call(me, l.listContacts, {})).json().items.map((c: { name: string }) => c.name)).toEqual(['Ana Lima', 'Bruno']);
  });
});
