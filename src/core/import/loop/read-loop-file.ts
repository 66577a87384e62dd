import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../errors.js';
import { notLoop, type LoopExport } from './loop-export.js';
import { readCsvExport, type FileSource } from './read-csv-export.js';
import { readDbBackup } from './read-db-backup.js';
import { readZip, ZipFormatError } from './zip-reader.js';

const MAX_FILE_BYTES = 200 * 1024 * 1024;
const MAX_FILES = 10_000;

function folderSource(root: string): FileSource {
  const paths: string[] = [];
  // An export is Habits.csv plus one folder per habit; three levels cover a zip unpacked into a folder.
  const walk = (dir: string, prefix: string, depth: number): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (paths.length >= MAX_FILES) return;
      if (entry.isDirectory() && depth < 3) walk(join(dir, entry.name), `${prefix}${entry.name}/`, depth + 1);
      else if (entry.isFile()) paths.push(`${prefix}${entry.name}`);
    }
  };
  walk(root, '', 0);
  return { label: root, paths: () => paths, read: (p) => readFileSync(join(root, p)) };
}

function zipSource(file: string): FileSource {
  const entries = readZip(readFileSync(file));
  return {
    label: file,
    paths: () => [...entries.keys()],
    read(p) {
      const entry = entries.get(p);
      if (!entry) throw notLoop(file, `"${p}" is missing from the archive`);
      return entry.read();
    },
  };
}

function magic(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(16);
    const n = readSync(fd, head, 0, 16, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/**
 * Read whatever Loop wrote at `path`: a CSV export as a folder or .zip, Habits.csv itself, or a
 * full backup .db. Anything else is refused with a validation error that says what is expected.
 */
export function readLoopFile(path: string): LoopExport {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new AppError('validation', `Nothing exists at "${path}". Give the path of a Loop export: a .zip, its unzipped folder, or a .db backup.`, [{ path: 'path', message: 'does not exist' }]);
  }
  try {
    if (stat.isDirectory()) return readCsvExport(folderSource(path));
    if (stat.size > MAX_FILE_BYTES) throw new AppError('payload_too_large', `"${path}" is ${Math.round(stat.size / 1048576)} MB; a Loop export over ${MAX_FILE_BYTES / 1048576} MB is not accepted.`);
    const head = magic(path);
    if (head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) || head.subarray(0, 4).equals(Buffer.from('PK\x05\x06', 'latin1'))) {
      return readCsvExport(zipSource(path));
    }
    if (head.toString('latin1') === 'SQLite format 3\0') return readDbBackup(path, path);
    if (basename(path).toLowerCase() === 'habits.csv') return readCsvExport(folderSource(dirname(path)));
    if (head.length === 0) throw notLoop(path, 'the file is empty');
    if (/\.csv$/i.test(path)) throw notLoop(path, 'it is a lone CSV file, while Loop exports Habits.csv together with the Checkmarks of each habit');
    throw notLoop(path, 'it is neither a zip archive, a folder with Habits.csv, nor an SQLite backup');
  } catch (error) {
    if (error instanceof ZipFormatError) throw notLoop(path, `the zip archive cannot be read: ${error.message}`);
    throw error;
  }
}
