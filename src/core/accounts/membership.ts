import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '#db/schema.js';
import type { Role } from '../context.js';

/*
 * A person's role in the workspace a request names, read in the same statement that authenticates
 * them (a token or a session joined to its user), so an API request spends one statement on who
 * calls and where rather than two.
 */

/** A person's role in one workspace. */
export interface Membership {
  workspaceId: string;
  role: Role;
}

/** `memberRole`: the role in `workspaceId` of the row's user (null: not a member, or not asked). */
export function memberRole(workspaceId: string | undefined) {
  return (eb: ExpressionBuilder<Database, 'users'>) =>
    workspaceId === undefined
      ? sql<Role | null>`null`.as('memberRole')
      : eb
          .selectFrom('members')
          .select('members.role')
          .where('members.workspaceId', '=', workspaceId)
          .whereRef('members.userId', '=', 'users.id')
          .$asScalar()
          .$castTo<Role | null>()
          .as('memberRole');
}

/** The `membership` of an authentication result: absent when no workspace was asked about. */
export function membershipOf(workspaceId: string | undefined, role: Role | null): { membership?: Membership | null } {
  if (workspaceId === undefined) return {};
  return { membership: role === null ? null : { workspaceId, role } };
}
