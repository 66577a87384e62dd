import { z } from 'zod';
import { endpoint } from './endpoint.js';
import { RefOut } from './shapes.js';

/** The kinds of object people refer to by name, id or id prefix. */
export const REF_KINDS = [
  'goal', 'metric', 'microGoal', 'task', 'routine', 'checklist', 'checklistRun', 'template',
  'experiment', 'contact', 'lesson', 'playbook', 'review',
] as const;
export type RefKind = (typeof REF_KINDS)[number];

export const refEndpoints = {
  resolveRef: endpoint({
    id: 'resolveRef', method: 'GET', path: '/refs/{kind}', scope: 'workspace', tag: 'Lookup',
    summary: 'Find the one object a name, an id or an id prefix means',
    description:
      'Matches an exact id, then an exact name (ignoring case), then a unique id prefix of 4+ characters, then a unique part of a name. Tasks and micro-goals prefer open ones of today and this week; a review is found by its period (2026-W47 or 2026-11). Several matches answer 409 with the candidates; none answers 404.',
    input: z.object({
      kind: z.enum(REF_KINDS, { message: `must be one of ${REF_KINDS.join(', ')}` }),
      ref: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    }),
    output: RefOut,
  }),
};
