import { z } from 'zod';

export const EXPORT_FORMAT = 'smallwins-export';
export const EXPORT_VERSION = 1;

const Row = z.record(z.string(), z.unknown());

/** The envelope of a full workspace export. Rows are validated against the database's columns on restore. */
export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { message: `must be "${EXPORT_FORMAT}" (is this a Small Wins export?)` }),
  version: z
    .number()
    .int()
    .min(1)
    .max(EXPORT_VERSION, { message: `is newer than this version of Small Wins understands (${EXPORT_VERSION}); upgrade Small Wins first` }),
  exportedAt: z.string(),
  workspace: z.object({
    name: z.string().min(1).max(200),
    kind: z.enum(['personal', 'team']),
    focusLimit: z.number().int().min(1).max(100),
    conversationTarget: z.number().int().min(0).max(1000),
  }),
  tables: z.record(z.string(), z.array(Row)),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;
