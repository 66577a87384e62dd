import type { z } from 'zod';
import type { Endpoint } from '#contracts/api/endpoint.js';
import type { Ctx } from '#core/context.js';

/** Who is on the other end of a call, as far as the transport knows. */
export interface Caller {
  ip: string;
  userAgent: string;
  /** The session the call came with (web app), or the API token (scripts, CLI). */
  sessionId: string | null;
  tokenId: string | null;
  /** Who may create an account on this server once the first one exists. */
  signUpMode: 'open' | 'invite' | 'closed';
}

/** A use-case context plus the caller: what every handler receives. */
export interface ApiCtx extends Ctx {
  caller: Caller;
}

/**
 * The code behind an endpoint: validated input in, a value of the endpoint's output shape out.
 * The same handler serves HTTP (the server) and the local CLI, so both transports run one code path.
 */
export type Handler<E extends Endpoint> = (ctx: ApiCtx, input: z.output<E['input']>) => Promise<HandlerResult<E>>;

/** A list endpoint's handler returns every row; the transport pages through them. */
export type HandlerResult<E extends Endpoint> = E extends Endpoint<z.ZodType, z.ZodType, true> ? Array<z.input<E['output']>> : z.input<E['output']>;

/** One handler for every endpoint of a group, checked against the group's definitions. */
export type Handlers<G extends Record<string, Endpoint>> = { [K in keyof G]: Handler<G[K]> };

/** An endpoint with its handler: what the server registers and the CLI calls. */
export interface Operation<E extends Endpoint = Endpoint> {
  endpoint: E;
  handler: Handler<E>;
}

/** What a caller gets back: the parsed output, or every item of a list. */
export type OperationResult<E extends Endpoint> = E extends Endpoint<z.ZodType, z.ZodType, true> ? Array<z.output<E['output']>> : z.output<E['output']>;

/** Pair each endpoint of a group with its handler, by the endpoint's key. */
export function operations<G extends Record<string, Endpoint>>(group: G, handlers: Handlers<G>): { [K in keyof G]: Operation<G[K]> } {
  const out = {} as { [K in keyof G]: Operation<G[K]> };
  for (const key of Object.keys(group) as Array<keyof G>) out[key] = { endpoint: group[key], handler: handlers[key] };
  return out;
}

/** Every operation of some groups, as one list. */
export function flatten(...groups: Array<Record<string, Operation<Endpoint>>>): Operation[] {
  return groups.flatMap((g) => Object.values(g));
}
