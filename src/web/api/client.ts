import type { z } from 'zod';
import type { Endpoint } from '../../contracts/api/endpoint.js';
import { buildRequest } from '../../contracts/api/request.js';

export type Input<E extends Endpoint> = z.input<E['input']>;
/** What an endpoint answers: a list endpoint's output schema describes one item. */
export type Output<E extends Endpoint> = z.output<E['output']>;
export type Page<T> = { items: T[]; nextCursor: string | null };

export interface FieldError {
  path: string;
  message: string;
}

/** A failed call, as the API described it: `details` carry per-field messages for forms. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The message for one input field (`minutes`, `title`…), if the API gave one. */
  field(name: string): string | undefined {
    return this.details.find((d) => d.path === name || d.path.endsWith(`.${name}`))?.message;
  }
}

let workspaceId: string | undefined;
let onUnauthorized: (() => void) | undefined;

/** The workspace workspace-scoped calls go to (the personal one after sign-in). */
export function setWorkspace(id: string | undefined): void {
  workspaceId = id;
}

/** What to do when the session has ended (the app shows the login page). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

async function send(
  e: Endpoint,
  input: object,
  paging: { cursor?: string; limit?: number } = {},
): Promise<unknown> {
  const request = buildRequest(e, input as Record<string, unknown>, { workspaceId, ...paging });
  let response: Response;
  try {
    response = await fetch(request.url, {
      method: request.method,
      credentials: 'same-origin',
      headers: request.body
        ? { 'content-type': 'application/json', accept: 'application/json' }
        : { accept: 'application/json' },
      body: request.body ? JSON.stringify(request.body) : undefined,
    });
  } catch {
    throw new ApiError(
      0,
      'network',
      'The server could not be reached. Check your connection and try again.',
    );
  }
  if (response.status === 204) return undefined;
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (
      body as { error?: { code?: string; message?: string; details?: FieldError[] } } | null
    )?.error;
    if (response.status === 401 && e.scope !== 'public') onUnauthorized?.();
    throw new ApiError(
      response.status,
      error?.code ?? 'http_error',
      error?.message ?? `The server answered ${response.status}.`,
      error?.details ?? [],
    );
  }
  // The server already parsed this through the endpoint's output schema; it is trusted as typed.
  return body;
}

/** Call a single-object endpoint. */
export async function call<E extends Endpoint<z.ZodType, z.ZodType, false>>(
  e: E,
  input: Input<E>,
): Promise<Output<E>> {
  return (await send(e, input as object)) as Output<E>;
}

/** One page of a list endpoint. */
export async function callPage<E extends Endpoint<z.ZodType, z.ZodType, true>>(
  e: E,
  input: Input<E>,
  paging: { cursor?: string; limit?: number } = {},
): Promise<Page<Output<E>>> {
  return (await send(e, input as object, paging)) as Page<Output<E>>;
}

/** Every item of a list endpoint, page after page (up to `max` items). */
export async function callAll<E extends Endpoint<z.ZodType, z.ZodType, true>>(
  e: E,
  input: Input<E>,
  max = 1000,
): Promise<Output<E>[]> {
  const items: Output<E>[] = [];
  let cursor: string | undefined;
  do {
    const page = await callPage(e, input, { cursor, limit: 200 });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && items.length < max);
  return items;
}
