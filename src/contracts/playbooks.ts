import { z } from 'zod';
import { FiniteNumber, IdSchema, IsoDateSchema, TextSchema, TitleSchema } from './common.js';
import { CreateChecklistSchema, CreateTemplateSchema, ScheduleSchema } from './systems.js';

export const PlaybookKeySchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'must be 2–40 lowercase letters, digits or dashes, e.g. my-launch');

const PromptTextSchema = z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters');
const UnitSchema = z.string().trim().max(40, 'must be at most 40 characters').default('');
const DirectionSchema = z.enum(['up', 'down']).default('up');

const PlaybookRoutineSchema = z
  .object({
    name: TitleSchema,
    // The same schedule a routine takes, so a playbook that imports is one that applies.
    schedule: ScheduleSchema.default({ kind: 'daily' }),
    minimumVersion: z.string().trim().max(200, 'must be at most 200 characters').default(''),
    target: z
      .object({ kind: z.enum(['at_least', 'at_most']), value: FiniteNumber.positive('must be more than 0'), unit: UnitSchema })
      .nullable()
      .default(null),
  })
  .refine((r) => r.schedule.kind !== 'times' || r.schedule.times <= r.schedule.periodDays, {
    message: 'times per period cannot exceed the days in the period',
    path: ['schedule', 'times'],
  });

/** At most this many checklists, and as many templates, travel in one playbook. */
export const PLAYBOOK_SYSTEMS_LIMIT = 20;

export const PlaybookBodySchema = z
  .object({
    goal: z.object({ title: TitleSchema, purpose: TextSchema.default(''), leveragePoint: TextSchema.default('') }),
    primaryMetric: z.object({
      name: TitleSchema,
      unit: UnitSchema,
      direction: DirectionSchema,
      baseline: FiniteNumber.nullable().default(null),
      target: FiniteNumber.nullable().default(null),
      /** Days from the day the playbook is applied to the target date. */
      targetInDays: z.number().int().min(1, 'must be at least 1 day').max(3650, 'must be at most 10 years').nullable().default(null),
    }),
    supportingMetrics: z
      .array(
        z.object({
          name: TitleSchema,
          unit: UnitSchema,
          direction: DirectionSchema,
          indicator: z.enum(['leading', 'lagging']),
          baseline: FiniteNumber.nullable().default(null),
          target: FiniteNumber.nullable().default(null),
        }),
      )
      .max(10, 'at most 10 supporting metrics')
      .default([]),
    microGoals: z.array(TitleSchema).max(12, 'at most 12 micro-goals for the first week').default([]),
    routines: z.array(PlaybookRoutineSchema).max(10, 'at most 10 routines').default([]),
    reviewPrompts: z
      .array(z.object({ kind: z.enum(['weekly', 'monthly']).default('weekly'), text: PromptTextSchema }))
      .max(10, 'at most 10 review prompts')
      .default([]),
    // The same shapes (and limits) as creating a checklist or a template, so a playbook that
    // imports is one that applies. Files saved before playbooks carried them read as empty.
    checklists: z
      .array(CreateChecklistSchema)
      .max(PLAYBOOK_SYSTEMS_LIMIT, `at most ${PLAYBOOK_SYSTEMS_LIMIT} checklists`)
      .default([]),
    templates: z
      .array(CreateTemplateSchema)
      .max(PLAYBOOK_SYSTEMS_LIMIT, `at most ${PLAYBOOK_SYSTEMS_LIMIT} templates`)
      .default([]),
  })
  .superRefine((body, ctx) => {
    const metricNames = [body.primaryMetric.name, ...body.supportingMetrics.map((m) => m.name)].map((n) => n.toLowerCase());
    if (new Set(metricNames).size !== metricNames.length) {
      ctx.addIssue({ code: 'custom', path: ['supportingMetrics'], message: 'metric names must differ from each other' });
    }
    const routineNames = body.routines.map((r) => r.name.toLowerCase());
    if (new Set(routineNames).size !== routineNames.length) {
      ctx.addIssue({ code: 'custom', path: ['routines'], message: 'routine names must differ from each other' });
    }
    const checklistNames = body.checklists.map((c) => c.name.toLowerCase());
    if (new Set(checklistNames).size !== checklistNames.length) {
      ctx.addIssue({ code: 'custom', path: ['checklists'], message: 'checklist names must differ from each other' });
    }
    const templateNames = body.templates.map((t) => t.name.toLowerCase());
    if (new Set(templateNames).size !== templateNames.length) {
      ctx.addIssue({ code: 'custom', path: ['templates'], message: 'template names must differ from each other' });
    }
  });
export type PlaybookBodyInput = z.input<typeof PlaybookBodySchema>;
export type PlaybookBody = z.output<typeof PlaybookBodySchema>;

/** A whole playbook as shown, exported and imported. */
export const PlaybookFileSchema = z.object({
  key: PlaybookKeySchema,
  name: TitleSchema,
  description: z.string().trim().max(2000, 'must be at most 2,000 characters').default(''),
  body: PlaybookBodySchema,
});
export type PlaybookFileInput = z.input<typeof PlaybookFileSchema>;

export const ApplyPlaybookSchema = z.object({
  key: z.string().trim().toLowerCase().min(1, 'say which playbook: smallwins playbook list shows the keys'),
  goalTitle: TitleSchema.optional(),
  targetDate: IsoDateSchema.optional(),
});
export type ApplyPlaybookInput = z.input<typeof ApplyPlaybookSchema>;

export const SavePlaybookSchema = z.object({
  key: PlaybookKeySchema,
  /** Defaults to the goal's title. */
  name: TitleSchema.optional(),
  description: z.string().trim().max(2000, 'must be at most 2,000 characters').default(''),
  fromGoalId: IdSchema,
  /**
   * Which of the workspace's checklists to take, by id or name: left out, all of them; [] for none.
   */
  checklists: z
    .array(z.string().trim().min(1, 'must not be empty: give a checklist id or name'))
    .max(PLAYBOOK_SYSTEMS_LIMIT, `at most ${PLAYBOOK_SYSTEMS_LIMIT} checklists`)
    .optional(),
  /** Which of the workspace's templates to take, by id or name: left out, all of them; [] for none. */
  templates: z
    .array(z.string().trim().min(1, 'must not be empty: give a template id or name'))
    .max(PLAYBOOK_SYSTEMS_LIMIT, `at most ${PLAYBOOK_SYSTEMS_LIMIT} templates`)
    .optional(),
});
export type SavePlaybookInput = z.input<typeof SavePlaybookSchema>;
