import { Option, type Command } from 'commander';
import { accountOperations as ops } from '#api/accounts.ops.js';
import { AppError } from '#core/errors.js';
import { shortId } from '#core/ids.js';
import type { CliApp } from '../app.js';
import { table } from '../format.js';
import { RemoteClient, credentialsPath, readCredentials, removeCredentials, writeCredentials } from '../remote.js';

function serverUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new AppError('validation', `"${raw}" is not a URL. Give the server's address, e.g. http://127.0.0.1:4280`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new AppError('validation', 'The server URL must start with http:// or https://');
  return url.origin;
}

interface LoginOptions {
  server?: string;
  email?: string;
  token?: string;
  name: string;
}

/** Sign in with email and password, mint a personal API token for this machine, and end the login session. */
async function tokenFromPassword(server: string, email: string, password: string, name: string): Promise<{ token: string; workspaceId: string }> {
  const res = await fetch(new URL('/api/v1/auth/login', server), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server },
    body: JSON.stringify({ email, password }),
  }).catch((error: unknown) => {
    throw new AppError('internal', `Cannot reach the server at ${server} (${error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error)}).`);
  });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new AppError(res.status === 429 ? 'rate_limited' : 'unauthenticated', body?.error?.message ?? `Login failed (${res.status}).`);
  }
  const { personalWorkspaceId } = (await res.json()) as { personalWorkspaceId: string };
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).find((c) => c?.startsWith('sw_session='));
  if (!cookie) throw new AppError('internal', 'The server did not open a session.');
  const headers = { 'content-type': 'application/json', origin: server, cookie };
  const created = await fetch(new URL('/api/v1/me/tokens', server), { method: 'POST', headers, body: JSON.stringify({ name }) });
  if (!created.ok) throw new AppError('internal', `The server refused to create an API token (${created.status}).`);
  const { token } = (await created.json()) as { token: string };
  await fetch(new URL('/api/v1/auth/logout', server), { method: 'POST', headers: { origin: server, cookie } });
  return { token, workspaceId: personalWorkspaceId };
}

export function registerAccountCommands(program: Command, app: CliApp): void {
  const { c } = app;

  program
    .command('login')
    .description('Connect this CLI to a Small Wins server; every command then works on the server')
    .option('-s, --server <url>', 'the server, e.g. https://wins.example.org (default: $SMALLWINS_SERVER)')
    .option('-e, --email <email>', 'your account email (asked when missing)')
    .option('-t, --token <token>', 'use an API token made in Settings instead of your password')
    .option('-n, --name <name>', 'the name the new API token gets', `smallwins CLI on ${process.platform}`)
    .addHelpText('after', [
      '',
      'Examples:',
      '  smallwins login --server http://127.0.0.1:4280 --email ana@example.com',
      '  smallwins login --server https://wins.example.org --token sw_…',
      '',
      'The password is asked on the terminal (or read from $SMALLWINS_PASSWORD). It is used once to',
      'create a personal API token, which is kept, readable by you only, in ~/.config/smallwins/credentials.json.',
    ].join('\n'))
    .action(async (opts: LoginOptions) => {
      const server = serverUrl(await app.need(opts.server ?? app.io.env.SMALLWINS_SERVER, 'Server URL?', 'server: smallwins login --server <url>'));
      let token = opts.token;
      let workspaceId: string;
      let email = opts.email;
      if (token) {
        const me = (await new RemoteClient(server, token).send('GET', '/api/v1/me')) as { user: { email: string | null }; workspaces: Array<{ id: string; kind: string }> };
        workspaceId = me.workspaces.find((w) => w.kind === 'personal')?.id ?? me.workspaces[0]?.id ?? '';
        email = me.user.email ?? undefined;
      } else {
        email = await app.need(email, 'Email?', 'email: smallwins login --email <email>');
        const password = app.io.env.SMALLWINS_PASSWORD || (await app.need(undefined, 'Password?', 'password: type it on a terminal or set SMALLWINS_PASSWORD'));
        ({ token, workspaceId } = await tokenFromPassword(server, email, password, opts.name));
      }
      const file = writeCredentials(app.io.env, { server, token, workspaceId, ...(email ? { email } : {}) });
      app.print({ server, workspaceId, email: email ?? null, credentials: file }, () => `${c.green('✓')} Logged in to ${c.bold(server)}${email ? ` as ${email}` : ''}. Commands now work on the server (add --local for this machine's database).`);
    });

  program
    .command('logout')
    .description('Disconnect this CLI from its server (and revoke its API token there)')
    .addHelpText('after', '\nExamples:\n  smallwins logout')
    .action(async () => {
      const creds = readCredentials(app.io.env);
      if (!creds) {
        app.print({ loggedOut: false }, () => 'Not logged in to a server; commands work on the local database.');
        return;
      }
      // Revoke the token this CLI holds so a copy of the file is useless; a server that cannot be reached still gets the local file removed.
      try {
        const client = new RemoteClient(creds.server, creds.token);
        const tokens = (await client.call(ops.listApiTokens.endpoint, {}, creds.workspaceId)) as Array<{ id: string; prefix: string }>;
        const mine = tokens.find((t) => creds.token.startsWith(t.prefix));
        if (mine) await client.send('DELETE', `/api/v1/me/tokens/${mine.id}`);
      } catch {
        // fall through: forgetting the credentials is what matters here
      }
      removeCredentials(app.io.env);
      app.print({ loggedOut: true, server: creds.server }, () => `${c.green('✓')} Logged out of ${creds.server}. Commands work on the local database again.`);
    });

  program
    .command('whoami')
    .description('Who and where this CLI acts: the local database, or a server and account')
    .addHelpText('after', '\nExamples:\n  smallwins whoami')
    .action(async () => {
      const creds = app.remote();
      if (!creds) {
        app.print({ mode: 'local', database: app.config().databaseUrl }, () => `Local database: ${app.config().databaseUrl}`);
        return;
      }
      const me = await app.call(ops.me, {});
      app.print({ mode: 'remote', server: creds.server, ...me }, () =>
        [`${c.bold(me.user.name)} ${c.dim(me.user.email ?? '')} on ${creds.server}`, ...me.workspaces.map((w) => `  ${w.id === (app.io.env.SMALLWINS_WORKSPACE || creds.workspaceId) ? c.green('●') : ' '} ${w.name} ${c.dim(`(${w.kind}, ${w.role}, ${w.id})`)}`), c.dim(`Credentials: ${credentialsPath(app.io.env)}`)].join('\n'),
      );
    });

  const token = program.command('token').description('Personal API tokens for scripts (on the server this CLI is logged in to)');
  token
    .command('list')
    .description('Your API tokens (never the tokens themselves)')
    .addHelpText('after', '\nExamples:\n  smallwins token list')
    .action(async () => {
      const tokens = await app.call(ops.listApiTokens, {});
      app.print(tokens, () =>
        tokens.length === 0 ? 'No API tokens.' : table([['ID', 'NAME', 'STARTS WITH', 'LAST USED', 'EXPIRES'], ...tokens.map((t) => [shortId(t.id), t.name, `${t.prefix}…`, t.lastUsedAt?.slice(0, 10) ?? 'never', t.expiresAt?.slice(0, 10) ?? 'never'])], c),
      );
    });
  token
    .command('create')
    .description('Create an API token; it is shown this once')
    .argument('<name>', 'what the token is for, e.g. "backup script"')
    .option('--days <n>', 'expire after this many days')
    .addHelpText('after', '\nExamples:\n  smallwins token create "backup script" --days 90')
    .action(async (name: string, opts: { days?: string }) => {
      const created = await app.call(ops.createApiToken, { name, ...(opts.days ? { expiresInDays: Number(opts.days) } : {}) });
      app.print(created, () => `${c.green('✓')} Token ${c.bold(name)} created. Copy it now; it is not shown again:\n  ${created.token}`);
    });
  token
    .command('revoke')
    .description('Revoke an API token')
    .argument('<id>', 'the token id (from token list)')
    .addHelpText('after', '\nExamples:\n  smallwins token revoke 4k2m9x')
    .action(async (id: string) => {
      const tokens = await app.call(ops.listApiTokens, {});
      const match = tokens.filter((t) => t.id.startsWith(id));
      if (match.length !== 1) throw new AppError(match.length ? 'conflict' : 'not_found', match.length ? `"${id}" starts several token ids; type more of it.` : `No API token matches "${id}".`);
      await app.call(ops.revokeApiToken, { tokenId: match[0]!.id });
      app.print({ revoked: match[0]!.id }, () => `${c.green('✓')} Token ${match[0]!.name} revoked`);
    });

  const workspace = program.command('workspace').description('Workspaces: your personal one and the teams you belong to');
  workspace
    .command('list')
    .description('Your workspaces and your role in each')
    .addHelpText('after', '\nExamples:\n  smallwins workspace list')
    .action(async () => {
      const list = await app.call(ops.listWorkspaces, {});
      app.print(list, () => table([['ID', 'NAME', 'KIND', 'ROLE'], ...list.map((w) => [w.id, w.name, w.kind, w.role])], c));
    });
  workspace
    .command('create')
    .description('Create a team workspace; you become its owner')
    .argument('<name>')
    .addHelpText('after', '\nExamples:\n  smallwins workspace create "Volunteers"\n  smallwins --workspace <id> goal list')
    .action(async (name: string) => {
      const w = await app.call(ops.createWorkspace, { name });
      app.print(w, () => `${c.green('✓')} Workspace ${c.bold(w.name)} created (${w.id}). Act in it with: smallwins --workspace ${w.id} <command>`);
    });

  const member = program.command('member').description('Members of the current workspace and their roles');
  member
    .command('list')
    .description('Who is in the workspace')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> member list')
    .action(async () => {
      const list = await app.call(ops.listMembers, {});
      app.print(list, () => table([['USER', 'NAME', 'EMAIL', 'ROLE'], ...list.map((m) => [m.userId, m.name, m.email ?? '', m.role])], c));
    });
  member
    .command('role')
    .description("Change a member's role (admins; only owners make or unmake owners)")
    .argument('<userId>', 'the member (from member list)')
    .argument('<role>', 'owner, admin, member or viewer')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> member role 8d1k3m9q2x7v4b6n admin')
    .action(async (userId: string, role: string) => {
      const m = await app.call(ops.changeMemberRole, { userId, role: role as 'member' });
      app.print(m, () => `${c.green('✓')} ${m.name} is now ${m.role}`);
    });
  member
    .command('remove')
    .description('Remove a member (admins), or leave the workspace (your own id)')
    .argument('<userId>')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> member remove 8d1k3m9q2x7v4b6n')
    .action(async (userId: string) => {
      await app.call(ops.removeMember, { userId });
      app.print({ removed: userId }, () => `${c.green('✓')} Removed; their access ended.`);
    });

  const invite = program.command('invite').description('Invitations to the current team workspace');
  invite
    .command('create')
    .description('Invite someone: prints a link-token to send them (shown once)')
    .addOption(new Option('-r, --role <role>', 'their role').choices(['owner', 'admin', 'member', 'viewer']).default('member'))
    .option('-e, --email <email>', 'only the account with this email may accept')
    .option('--days <n>', 'days until it expires (1–30)', '7')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> invite create --role member --email sam@example.org')
    .action(async (opts: { role: 'member'; email?: string; days: string }) => {
      const created = await app.call(ops.createInvitation, { role: opts.role, email: opts.email ?? null, expiresInDays: Number(opts.days) });
      app.print(created, () => `${c.green('✓')} Invitation for a ${opts.role}${opts.email ? ` (${opts.email})` : ''}, valid until ${created.invitation.expiresAt.slice(0, 10)}. They join with:\n  smallwins join ${created.token}`);
    });
  invite
    .command('list')
    .description("The workspace's invitations and their status")
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> invite list')
    .action(async () => {
      const list = await app.call(ops.listInvitations, {});
      app.print(list, () => (list.length === 0 ? 'No invitations.' : table([['ID', 'ROLE', 'EMAIL', 'STATUS', 'EXPIRES'], ...list.map((i) => [shortId(i.id), i.role, i.email ?? 'anyone with the link', i.status, i.expiresAt.slice(0, 10)])], c)));
    });
  invite
    .command('revoke')
    .description('Revoke an invitation that has not been used')
    .argument('<id>', 'the invitation id')
    .addHelpText('after', '\nExamples:\n  smallwins --workspace <id> invite revoke 3n8q2x')
    .action(async (id: string) => {
      const list = await app.call(ops.listInvitations, {});
      const match = list.filter((i) => i.id.startsWith(id));
      if (match.length !== 1) throw new AppError(match.length ? 'conflict' : 'not_found', match.length ? `"${id}" starts several invitation ids; type more of it.` : `No invitation matches "${id}".`);
      const revoked = await app.call(ops.revokeInvitation, { invitationId: match[0]!.id });
      app.print(revoked, () => `${c.green('✓')} Invitation revoked`);
    });

  program
    .command('join')
    .description('Join a team workspace with an invitation token')
    .argument('<token>', 'the token from the invitation')
    .addHelpText('after', '\nExamples:\n  smallwins join 7Zq…')
    .action(async (tokenValue: string) => {
      const joined = await app.call(ops.acceptInvitation, { token: tokenValue });
      app.print(joined, () => `${c.green('✓')} You joined as ${joined.role}. Act in it with: smallwins --workspace ${joined.workspaceId} <command>`);
    });
}
