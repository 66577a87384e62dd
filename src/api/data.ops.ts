import { dataEndpoints } from '#contracts/api/data.js';
import { exportToCsv } from '#core/data/csv-export.js';
import { exportWorkspace } from '#core/data/export-workspace.js';
import { importWorkspace } from '#core/data/import-workspace.js';
import { importLoopUpload } from '#core/import/loop/import-loop.js';
import { operations, type Handlers } from './operation.js';

const handlers: Handlers<typeof dataEndpoints> = {
  exportWorkspace: (ctx) => exportWorkspace(ctx),
  async exportCsv(ctx) {
    const files = exportToCsv(await exportWorkspace(ctx));
    return { files: [...files].map(([name, content]) => ({ name, content })) };
  },
  restoreWorkspace: (ctx, input) => importWorkspace(ctx, input),
  importLoop: (ctx, input) => importLoopUpload(ctx, input),
};

export const dataOperations = operations(dataEndpoints, handlers);
