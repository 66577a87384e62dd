import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { dataOperations as ops } from '#api/data.ops.js';
import { EXPORT_FORMAT, type ExportFile } from '#contracts/data.js';
import { backupDatabase } from '#core/data/backup.js';
import { loopUploadOf } from '#core/import/loop/read-loop-file.js';
import { AppError } from '#core/errors.js';
import type { CliApp } from '../app.js';
import { plural, table } from '../format.js';

export function registerDataCommands(program: Command, app: CliApp): void {
  const { c } = app;

  program
    .command('export')
    .description('Export the whole workspace as versioned JSON (or CSV files, one per table)')
    .option('-o, --out <file>', 'write the JSON to a file instead of standard output')
    .option('--csv <dir>', 'write one CSV file per table into this folder')
    .addHelpText('after', '\nExamples:\n  smallwins export > smallwins-backup.json\n  smallwins export --out backup.json\n  smallwins export --csv ./csv')
    .action(async (opts: { out?: string; csv?: string }) => {
      if (opts.csv) {
        const { files } = await app.call(ops.exportCsv, {});
        mkdirSync(opts.csv, { recursive: true });
        for (const { name, content } of files) writeFileSync(join(opts.csv, name), content);
        app.io.err(`${c.green('✓')} ${plural(files.length, 'CSV file')} written to ${opts.csv}`);
        if (!opts.out) return;
      }
      const file = await app.call(ops.exportWorkspace, {});
      const json = JSON.stringify(file, null, 2);
      if (opts.out) {
        writeFileSync(opts.out, `${json}\n`);
        const rows = Object.values(file.tables).reduce((n, t) => n + t.length, 0);
        app.io.err(`${c.green('✓')} ${plural(rows, 'row')} exported to ${opts.out}`);
      } else {
        app.io.out(json);
      }
    });

  program
    .command('import')
    .description('Restore a Small Wins export into an empty workspace, or import from another tracker')
    .argument('<source>', 'an export file (.json), or "loop" followed by a Loop Habit Tracker export')
    .argument('[path]', 'with "loop": the Loop CSV export (.zip or folder) or backup (.db)')
    .addHelpText('after', '\nExamples:\n  smallwins import smallwins-backup.json\n  smallwins import loop ~/Downloads/Loop\\ Habits\\ CSV\\ 2026-11-20.zip\n  smallwins import loop ~/Downloads/Loop\\ Habits\\ Backup.db')
    .action(async (source: string, path: string | undefined) => {
      if (source === 'loop') {
        const target = await app.need(path, 'Path of the Loop export (.zip, folder or .db)?', 'path: smallwins import loop <zip|folder|.db>');
        const upload = loopUploadOf(target);
        const result = await app.call(ops.importLoop, upload.files
          ? { filename: upload.filename, files: upload.files.map((f) => ({ path: f.path, content: f.bytes.toString('base64') })) }
          : { filename: upload.filename, content: upload.content.toString('base64') });
        app.print(result, () => {
          const lines = [`${c.green('✓')} Imported ${plural(result.routines.length, 'routine')} and ${plural(result.checkIns, 'check-in')} from a ${result.format}`];
          const rows = result.routines.map((r) => [`  ${r.name}`, r.archived ? c.dim('archived') : '', `${plural(r.checkIns, 'check-in')}`]);
          if (rows.length > 0) lines.push(table(rows));
          for (const w of result.warnings) lines.push(`${c.yellow('!')} ${w}`);
          lines.push(c.dim('  Next: smallwins routine list · smallwins routine scores <routine>'));
          return lines.join('\n');
        });
        return;
      }
      const file = readJson(source);
      if (typeof file !== 'object' || file === null || (file as { format?: unknown }).format !== EXPORT_FORMAT) {
        // Say the one thing that matters instead of listing every missing field of a foreign file.
        throw new AppError('validation', `${source} is not a Small Wins export (its "format" is not "${EXPORT_FORMAT}"). Use a file written by \`smallwins export\`.`);
      }
      const result = await app.call(ops.restoreWorkspace, file as ExportFile);
      const total = Object.values(result.rows).reduce((a, b) => a + b, 0);
      app.print(result, () => `${c.green('✓')} Restored ${plural(total, 'row')} from ${source}${result.renumbered ? c.dim(' (ids renumbered: they already existed here)') : ''}`);
    });

  program
    .command('backup')
    .description('Make a consistent copy of the live SQLite database')
    .argument('[file]', 'where to write it (default: backups/ in the data directory)')
    .addHelpText('after', '\nExamples:\n  smallwins backup\n  smallwins backup /mnt/usb/smallwins.db')
    .action(async (file: string | undefined) => {
      await app.withCtx(async (ctx, { config }) => {
        let target = file;
        if (!target) {
          const dir = join(config.dataDir, 'backups');
          mkdirSync(dir, { recursive: true });
          target = join(dir, `smallwins-${ctx.clock.now().toISOString().replace(/[:.]/g, '-')}.db`);
        }
        const result = await backupDatabase(ctx.db, target);
        app.print(result, () => `${c.green('✓')} Backup written to ${result.path}`);
      });
    });
}

function readJson(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new AppError('not_found', `Cannot read ${path}: check the path.`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new AppError('validation', `${path} is not valid JSON (${error instanceof Error ? error.message : 'parse error'}). Is it a Small Wins export?`);
  }
}
