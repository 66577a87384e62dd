import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliRunner } from '#test/cli.js';

const ANCHORS = path.resolve(process.cwd(), '../shared/anchors/loop');

describe('smallwins export / import / backup on the local database', () => {
  it('exports JSON and CSV, and restores the export into another data directory', async () => {
    const sw = cliRunner();
    await sw('goal', 'add', 'First 10 customers', '--purpose', 'Prove people pay');
    await sw('routine', 'add', 'Morning run');
    await sw('checkin', 'Morning run');
    const stdout = await sw('export');
    expect(stdout.code).toBe(0);
    const doc = JSON.parse(stdout.stdout) as { format: string; tables: Record<string, unknown[]> };
    expect(doc.format).toBe('smallwins-export');
    expect(doc.tables.goals).toHaveLength(1);
    const file = path.join(sw.dataDir, 'backup.json');
    const csv = path.join(sw.dataDir, 'csv');
    const written = await sw('export', '--out', file, '--csv', csv);
    expect(written.stdout).toBe('');
    expect(written.stderr).toMatch(/✓ \d+ CSV files written to[\s\S]*✓ \d+ rows exported to/);
    expect(readFileSync(path.join(csv, 'goals.csv'), 'utf8')).toMatch(/^id,title,purpose,[\s\S]*First 10 customers,Prove people pay/);

    const other = cliRunner();
    const restored = await other('import', file);
    expect(restored.code).toBe(0);
    expect(restored.stdout).toMatch(/✓ Restored \d+ rows from .*backup\.json/);
    expect((await other('--json', 'routine', 'scores', 'Morning run')).json()).toEqual((await sw('--json', 'routine', 'scores', 'Morning run')).json());
    const twice = await other('import', file);
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(/restores into an empty workspace/);
  });

  it('says plainly when a file is not a Small Wins export', async () => {
    const sw = cliRunner();
    const file = path.join(sw.dataDir, 'other.json');
    writeFileSync(file, JSON.stringify({ habits: [] }));
    const res = await sw('import', file);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/other\.json is not a Small Wins export \(its "format" is not "smallwins-export"\)/);
    expect((await sw('import', path.join(sw.dataDir, 'missing.json'))).stderr).toMatch(/Cannot read/);
  });

  it('imports a Loop folder, and refuses a missing path', async () => {
    const sw = cliRunner();
    const res = await sw('import', 'loop', path.join(ANCHORS, 'uhabits-core-assets-test/csv_export'));
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/✓ Imported 2 routines and 7 check-ins from a Loop CSV export[\s\S]*Wake up early/);
    const missing = await sw('import', 'loop', path.join(sw.dataDir, 'nope.zip'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/Nothing exists at/);
  });

  it('backs up the live SQLite database', async () => {
    const sw = cliRunner();
    await sw('goal', 'add', 'Something');
    const target = path.join(sw.dataDir, 'copy.db');
    const res = await sw('backup', target);
    expect(res.stdout).toMatch(/✓ Backup written to/);
    expect(existsSync(target)).toBe(true);
  });
});
