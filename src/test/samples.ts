import type { Ctx } from '#core/context.js';

/**
 * Ids of one object of each kind in a seeded workspace, by kind ("goal", "routine", …). Each part
 * of the product seeds its own objects (src/test/seeds/<area>.ts) and adds their ids here.
 */
export type SeedIds = Record<string, string>;

/** Add one object of each kind this area owns to the workspace of `ctx`, recording the ids. */
export type Seeder = (ctx: Ctx, ids: SeedIds) => Promise<void>;

/**
 * A valid input for each operation, by operationId, built from the ids of a seeded workspace. The
 * tenant-isolation matrix and the fuzz test call every operation with its sample; an operation
 * without one fails those tests, so no route goes unchecked.
 */
export type Samples = Record<string, (ids: SeedIds) => Record<string, unknown>>;
