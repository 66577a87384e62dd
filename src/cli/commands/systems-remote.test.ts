import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { systemsEndpoints as e } from '#contracts/api/systems.js';
import { cliRunner } from '#test/cli.js';
import { describeServer, type TestUser } from '#test/server.js';
import type { Io } from '../io.js';
import { main } from '../main.js';

/*
 * The routine, check, checklist and template commands logged in to a server (through a real
 * HTTP listener) against the same commands on a local database: same exit codes, same output.
 */

/** The CLI speaking to `server` for `user`, in-process, as `smallwins login` would set it up. */
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
    .replace(new RegExp(`\\b${ID}{16}\\b`, 'g'), '<id>')
    // Short ids, and any word that looks like one: the same words on both sides become the same mark.
    .replace(new RegExp(`\\b${ID}{6}\\b`, 'g'), '<id>');

describeServer('systems commands over HTTP', (s) => {
  it('print exactly what they print on the local database', async () => {
    const me = await s.user();
    const address = await s.app().listen({ port: 0, host: '127.0.0.1' });
    const remote = remoteCli(address, me);
    const local = cliRunner();
    const script: string[][] = [
      ['goal', 'add', 'Get fit'],
      ['routine', 'add', 'Write 200 words', '--minimum', 'One sentence', '--remind', '07:30', '--start', '2026-11-09'],
      ['--json', 'routine', 'add', 'Run', '--times', '3', '--per', 'week', '--at-least', '5', '--unit', 'km', '--goal', 'get fit', '--start', '2026-11-09'],
      ['routine', 'add', 'Piano', '--weekdays', 'tue,thu', '--start', 'tomorrow'],
      ['routine', 'add', 'Later', '--start', '2026-12-01'],
      ['check', 'write 200 words'],
      ['check', 'Write 200 words', '--minimum', '--day', 'yesterday', '--note', 'tired'],
      ['--json', 'check', 'run', '--value', '3.2', '--day', '2026-11-16'],
      ['check', 'run', '--value', '6'],
      ['check', 'Later'],
      ['check', 'Write 200 words', '--day', 'tomorrow'],
      ['routine', 'pause', 'piano', '--from', '2026-11-26', '--to', '2026-11-27', '--reason', 'Trip'],
      ['routine', 'show', 'Write 200 words'],
      ['--json', 'routine', 'show', 'run', '--days', '3'],
      ['routine', 'show', 'run'],
      ['routine', 'due'],
      ['--json', 'routine', 'due', '--day', 'yesterday'],
      ['routine', 'list'],
      ['--json', 'routine', 'list'],
      ['routine', 'edit', 'run', '--unit', 'miles', '--times', '4'],
      ['uncheck', 'run'],
      ['uncheck', 'run'],
      ['uncheck', 'Write 200 words', '--day', 'yesterday'],
      ['routine', 'pause', 'Write 200 words'],
      ['routine', 'resume', 'Write 200 words'],
      ['routine', 'archive', 'Piano'],
      ['routine', 'list', '--all'],
      ['routine', 'archive', 'Piano', '--restore'],
      ['checklist', 'add', 'Launch', '--item', 'Write the post', '--item', 'Check the links', '--item', 'Tell the list'],
      ['checklist', 'run', 'launch', '--label', 'v1.2'],
      ['checklist', 'tick', 'Launch', '1', '3', '1'],
      ['checklist', 'done', 'Launch'],
      ['checklist', 'tick', 'Launch', '2'],
      ['--json', 'checklist', 'done', 'Launch'],
      ['checklist', 'show', 'Launch'],
      ['checklist', 'list'],
      ['template', 'add', 'Outreach', '--step', 'Send the first email|30|0', '--step', 'Follow up|15|3'],
      ['template', 'list'],
      ['--json', 'template', 'apply', 'outreach', '--start', 'tomorrow', '--goal', 'Get fit'],
    ];
    for (const argv of script) {
      const [there, here] = [await remote(...argv), await local(...argv)];
      expect({ argv, code: there.code, stdout: normalize(there.stdout), stderr: normalize(there.stderr) }).toEqual({
        argv, code: here.code, stdout: normalize(here.stdout), stderr: normalize(here.stderr),
      });
    }
    // The remote side really wrote to the server.
    const routines = (await s.call(me, e.listRoutines, { includeArchived: true })).json().items;
    expect(routines.map((r: { name: string }) => r.name)).toEqual(['Write 200 words', 'Run', 'Piano', 'Later']);
    const check = await remote('check', 'Write 200 words', '--day', 'tomorrow');
    expect(check.stderr).toMatch(/2026-11-19 has not come yet/);
  });
});
