import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PAGE_SIZE, type Endpoint } from '#contracts/api/endpoint.js';
import { buildRequest } from '#contracts/api/request.js';
import { AppError, ERROR_CODES, type ErrorCode } from '#core/errors.js';

/** What `smallwins login` keeps: the server, a personal API token and the workspace commands act in. */
export const CredentialsSchema = z.object({
  server: z.string().url(),
  token: z.string().min(1),
  workspaceId: z.string().min(1),
  email: z.string().optional(),
});
export type Credentials = z.infer<typeof CredentialsSchema>;

/** `$XDG_CONFIG_HOME/smallwins/credentials.json`, readable by its owner only. */
export function credentialsPath(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), '.config'), 'smallwins', 'credentials.json');
}

export function readCredentials(env: NodeJS.ProcessEnv): Credentials | null {
  if (env.SMALLWINS_SERVER && env.SMALLWINS_TOKEN) {
    return { server: env.SMALLWINS_SERVER, token: env.SMALLWINS_TOKEN, workspaceId: env.SMALLWINS_WORKSPACE ?? '' };
  }
  const file = credentialsPath(env);
  if (!existsSync(file)) return null;
  const parsed = CredentialsSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new AppError('validation', `${file} is not a credentials file this version understands. Run smallwins logout, then smallwins login again.`);
  return parsed.data;
}

export function writeCredentials(env: NodeJS.ProcessEnv, credentials: Credentials): string {
  const file = credentialsPath(env);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function removeCredentials(env: NodeJS.ProcessEnv): boolean {
  const file = credentialsPath(env);
  if (!existsSync(file)) return false;
  rmSync(file);
  return true;
}

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && code in ERROR_CODES;
}

/** A client for one server, speaking for one token. */
export class RemoteClient {
  constructor(
    readonly server: string,
    private readonly token: string | null,
  ) {}

  /** Send one request; an error answer becomes the same AppError the local mode would throw. */
  async send(method: string, url: string, body?: unknown): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(url, this.server), {
        method,
        headers: {
          accept: 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        body: body !== undefined ? JSON.stringify(body) : undefined,
      });
    } catch (error) {
      const reason = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
      throw new AppError('internal', `Cannot reach the server at ${this.server} (${reason}). Is it running? Log out with: smallwins logout`);
    }
    if (res.status === 204) return undefined;
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      throw new AppError('internal', `The server at ${this.server} answered ${res.status} with something that is not JSON. Is it a Small Wins server?`);
    }
    if (!res.ok) {
      const error = (json as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
      const code = isErrorCode(error?.code) ? error.code : 'internal';
      const message = typeof error?.message === 'string' ? error.message : `The server answered ${res.status}.`;
      const hint = code === 'unauthenticated' ? ' Log in again with: smallwins login --server <url>' : '';
      throw new AppError(code, message + hint, Array.isArray(error?.details) ? (error.details as Array<{ path: string; message: string }>) : undefined);
    }
    return json;
  }

  /** Call an endpoint; a list is fetched page by page until its end. */
  async call(e: Endpoint, input: Record<string, unknown>, workspaceId: string): Promise<unknown> {
    if (!e.list) {
      const req = buildRequest(e, input, { workspaceId });
      return this.send(req.method, req.url, req.body);
    }
    const items: unknown[] = [];
    let cursor: string | undefined;
    do {
      const req = buildRequest(e, input, { workspaceId, cursor, limit: DEFAULT_PAGE_SIZE * 4 });
      const page = (await this.send(req.method, req.url)) as { items: unknown[]; nextCursor: string | null };
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return items;
  }
}
