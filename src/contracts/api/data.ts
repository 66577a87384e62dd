import { z } from 'zod';
import { ExportFileSchema } from '../data.js';
import { ImportLoopUploadSchema } from '../insights.js';
import { endpoint } from './endpoint.js';

/** Restores and Loop imports carry whole files in their JSON body. */
export const DATA_BODY_LIMIT = 64 * 1024 * 1024;

export const CsvExportOut = z.object({
  files: z.array(z.object({ name: z.string().describe('`<table>.csv`'), content: z.string().describe('RFC 4180 CSV, CRLF line ends') })),
});

export const RestoreOut = z.object({
  rows: z.record(z.string(), z.number()).describe('Rows restored, by table'),
  renumbered: z.boolean().describe('True when the ids already existed on this server and every row got a new id'),
});

export const LoopImportOut = z.object({
  source: z.enum(['csv', 'db']),
  format: z.string().describe('The format found, e.g. "Loop CSV export (v2.3.1 or later)"'),
  routines: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      loopName: z.string().describe("The habit's name in Loop (the routine's may carry a \" (Loop)\" suffix)"),
      scheduleKind: z.enum(['daily', 'times']),
      timesPerPeriod: z.number().nullable(),
      periodDays: z.number().nullable(),
      targetKind: z.enum(['none', 'at_least', 'at_most']),
      targetValue: z.number().nullable(),
      unit: z.string(),
      numerical: z.boolean(),
      archived: z.boolean(),
      checkIns: z.number(),
    }),
  ),
  checkIns: z.number(),
  warnings: z.array(z.string()),
});

export const dataEndpoints = {
  exportWorkspace: endpoint({
    id: 'exportWorkspace', method: 'GET', path: '/export', scope: 'workspace', role: 'admin', tag: 'Data',
    summary: 'The whole workspace as versioned JSON',
    description: "Every row of every table of the workspace, every member's included: hence admins only. Restore it with POST /restore into an empty workspace.",
    input: z.object({}), output: ExportFileSchema,
  }),
  exportCsv: endpoint({
    id: 'exportCsv', method: 'GET', path: '/export/csv', scope: 'workspace', role: 'admin', tag: 'Data',
    summary: 'The whole workspace as CSV documents, one per table',
    input: z.object({}), output: CsvExportOut,
  }),
  restoreWorkspace: endpoint({
    id: 'restoreWorkspace', method: 'POST', path: '/restore', scope: 'workspace', role: 'admin', tag: 'Data', status: 201,
    bodyLimit: DATA_BODY_LIMIT,
    summary: 'Restore a Small Wins export into this workspace, which must be empty',
    description: 'The body is the export document as GET /export gave it. All rows go in one transaction: a bad row restores nothing. Ids that already exist on this server are renumbered. A workspace that already has content answers 409.',
    input: ExportFileSchema, output: RestoreOut,
  }),
  importLoop: endpoint({
    id: 'importLoop', method: 'POST', path: '/imports/loop', scope: 'workspace', role: 'admin', tag: 'Data', status: 201,
    bodyLimit: DATA_BODY_LIMIT,
    summary: 'Import a Loop Habit Tracker export as routines with their check-ins',
    description: "Send one file base64-encoded in `content` (the .zip of Loop's \"Export as CSV\", or a full .db backup), or the files of an unzipped CSV export in `files`. A file that cannot be read imports nothing and answers 400.",
    input: ImportLoopUploadSchema, output: LoopImportOut,
  }),
};
