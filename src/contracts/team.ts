import { z } from 'zod';
import { IdSchema } from './common.js';

/** A member, as people name one: their user id or their email (an exact name works too). */
export const MemberRefSchema = z.string().trim().min(1, 'must not be empty').max(320, 'is too long');

export const AssignTaskSchema = z.object({ taskId: IdSchema, assignee: MemberRefSchema.describe("The member's user id or email") });
export type AssignTaskInput = z.input<typeof AssignTaskSchema>;

export const AssignMicroGoalSchema = z.object({ microGoalId: IdSchema, assignee: MemberRefSchema.describe("The member's user id or email") });
export type AssignMicroGoalInput = z.input<typeof AssignMicroGoalSchema>;

export const TaskIdSchema = z.object({ taskId: IdSchema });
export type TaskIdInput = z.input<typeof TaskIdSchema>;

export const MicroGoalIdSchema = z.object({ microGoalId: IdSchema });
export type MicroGoalIdInput = z.input<typeof MicroGoalIdSchema>;

/** "My work": only what is still to do, or everything (open first, then the rest, newest first). */
export const ListMyWorkSchema = z.object({ status: z.enum(['open', 'all']).default('all') });
export type ListMyWorkInput = z.input<typeof ListMyWorkSchema>;
