import { AddCommentSchema, CommentIdSchema, WinIdSchema, type AddCommentInput, type CommentIdInput, type WinIdInput } from '#contracts/feed.js';
import { nowIso, requireWriter, type Ctx } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';
import { newId } from '../ids.js';
import { reactableWin } from './feed-queries.js';

export interface WinComment {
  id: string;
  winId: string;
  body: string;
  author: { id: string; name: string };
  createdAt: string;
  canDelete: boolean;
}

const isAdmin = (ctx: Ctx) => ctx.actor.role === 'admin' || ctx.actor.role === 'owner';

function commentQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('winComments as c')
    .innerJoin('users as u', 'u.id', 'c.userId')
    .select(['c.id', 'c.winId', 'c.body', 'c.userId', 'c.createdAt', 'u.name as authorName'])
    .where('c.workspaceId', '=', ctx.actor.workspaceId)
    .where('c.deletedAt', 'is', null);
}

function toComment(ctx: Ctx, row: { id: string; winId: string; body: string; userId: string; createdAt: string; authorName: string }): WinComment {
  return {
    id: row.id,
    winId: row.winId,
    body: row.body,
    author: { id: row.userId, name: row.authorName },
    createdAt: row.createdAt,
    canDelete: row.userId === ctx.actor.userId || isAdmin(ctx),
  };
}

/** A shared win's comments, oldest first. */
export async function listComments(ctx: Ctx, input: WinIdInput): Promise<WinComment[]> {
  const { winId } = parseInput(WinIdSchema, input, 'comments');
  const win = await reactableWin(ctx, winId);
  const rows = await commentQuery(ctx).where('c.winId', '=', win.id).orderBy('c.createdAt').orderBy('c.id').execute();
  return rows.map((row) => toComment(ctx, row));
}

/** Comment on a shared win (your own included: answering a teammate's question is a comment too). */
export async function addComment(ctx: Ctx, input: AddCommentInput): Promise<WinComment> {
  requireWriter(ctx);
  const data = parseInput(AddCommentSchema, input, 'comment');
  const win = await reactableWin(ctx, data.winId);
  const id = newId();
  await ctx.db
    .insertInto('winComments')
    .values({ id, workspaceId: ctx.actor.workspaceId, winId: win.id, userId: ctx.actor.userId, body: data.body, createdAt: nowIso(ctx), deletedAt: null })
    .execute();
  const row = await commentQuery(ctx).where('c.id', '=', id).executeTakeFirstOrThrow();
  return toComment(ctx, row);
}

/**
 * Delete a comment: its author may, and so may admins and the owner (moderation). The row stays,
 * marked deleted and with its text erased, so what was deleted is gone from the server too.
 * Returns the win it was on.
 */
export async function deleteComment(ctx: Ctx, input: CommentIdInput): Promise<{ winId: string }> {
  requireWriter(ctx);
  const { commentId } = parseInput(CommentIdSchema, input, 'comment');
  const row = await commentQuery(ctx).where('c.id', '=', commentId).executeTakeFirst();
  if (!row) throw notFound('comment', commentId);
  await reactableWin(ctx, row.winId);
  if (row.userId !== ctx.actor.userId && !isAdmin(ctx)) {
    throw new AppError('forbidden', 'Only its author, an admin or the owner can delete a comment.');
  }
  await ctx.db
    .updateTable('winComments')
    .set({ deletedAt: nowIso(ctx), body: '' })
    .where('workspaceId', '=', ctx.actor.workspaceId)
    .where('id', '=', row.id)
    .execute();
  return { winId: row.winId };
}
