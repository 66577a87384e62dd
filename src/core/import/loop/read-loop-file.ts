import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { AppError } from '../../errors.js';
import { notLoop, type LoopExport } from './loop-export.js';
import { readCsvExport, type FileSource } from './read-csv-export.js';
import { readDbBackup } from './read-db-backup.js';
import { readZip, ZipFormatError } from './zip-reader.js';

const MAX_FILE_BYTES = 200 * 1024 * 1024;
const MAX_FILES = 10_000;

/** The files under a folder, by path relative to it ("/" separators). */
function folderPaths(root: string): string[] {
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
  return paths;
}

function folderSource(root: string): FileSource {
  const paths = folderPaths(root);
  return { label: root, paths: () => paths, read: (p) => readFileSync(join(root, p)) };
}

function zipSource(label: string, bytes: Buffer): FileSource {
  const entries = readZip(bytes);
  // Each entry is capped by the reader; the whole is capped too, so a small archive cannot unpack into gigabytes.
  let unpacked = 0;
  return {
    label,
    paths: () => [...entries.keys()],
    read(p) {
      const entry = entries.get(p);
      if (!entry) throw notLoop(label, `"${p}" is missing from the archive`);
      const data = entry.read();
      unpacked += data.length;
      if (unpacked > MAX_FILE_BYTES) throw new AppError('payload_too_large', `"${label}" unpacks to more than ${MAX_FILE_BYTES / 1048576} MB; a Loop export that large is not accepted.`);
      return data;
    },
  };
}

type Kind = 'zip' | 'sqlite' | null;

function kindOf(head: Buffer): Kind {
  const four = head.subarray(0, 4);
  if (four.equals(Buffer.from('PK\x03\x04', 'latin1')) || four.equals(Buffer.from('PK\x05\x06', 'latin1'))) return 'zip';
  if (head.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  return null;
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
    if (stat.size > MAX_FILE_BYTES) throw tooLarge(path, stat.size);
    const head = magic(path);
    const kind = kindOf(head);
    if (kind === 'zip') return readCsvExport(zipSource(path, readFileSync(path)));
    if (kind === 'sqlite') return readDbBackup(path, path);
    if (basename(path).toLowerCase() === 'habits.csv') return readCsvExport(folderSource(dirname(path)));
    if (head.length === 0) throw notLoop(path, 'the file is empty');
    if (/\.csv$/i.test(path)) throw notLoop(path, 'it is a lone CSV file, while Loop exports Habits.csv together with the Checkmarks of each habit');
    throw notLoop(path, 'it is neither a zip archive, a folder with Habits.csv, nor an SQLite backup');
  } catch (error) {
    if (error instanceof ZipFormatError) throw notLoop(path, `the zip archive cannot be read: ${error.message}`);
    throw error;
  }
}

const tooLarge = (label: string, bytes: number): AppError =>
  new AppError('payload_too_large', `"${label}" is ${Math.round(bytes / 1048576)} MB; a Loop export over ${MAX_FILE_BYTES / 1048576} MB is not accepted.`);

/**
 * Read a Loop export received as bytes (an upload): a CSV export .zip or a .db backup. `label`
 * is the file's name as people know it, for messages. A backup is read from a private temporary
 * copy, removed at once.
 */
export function readLoopBytes(label: string, bytes: Buffer): LoopExport {
  if (bytes.length > MAX_FILE_BYTES) throw tooLarge(label, bytes.length);
  try {
    const kind = kindOf(bytes);
    if (kind === 'zip') return readCsvExport(zipSource(label, bytes));
    if (kind === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'smallwins-loop-'));
      try {
        const file = join(dir, 'backup.db');
        writeFileSync(file, bytes, { mode: 0o600 });
        return readDbBackup(file, label);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
    if (bytes.length === 0) throw notLoop(label, 'the file is empty');
    if (/\.csv$/i.test(label)) throw notLoop(label, 'it is a lone CSV file, while Loop exports Habits.csv together with the Checkmarks of each habit');
    throw notLoop(label, 'it is neither a zip archive nor an SQLite backup');
  } catch (error) {
    if (error instanceof ZipFormatError) throw notLoop(label, `the zip archive cannot be read: ${error.message}`);
    throw error;
  }
}

/** Read the files of an unzipped Loop CSV export received as content, by path relative to its folder. */
export function readLoopFiles(label: string, files: ReadonlyArray<{ path: string; bytes: Buffer }>): LoopExport {
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > MAX_FILE_BYTES) throw tooLarge(label, total);
  const byPath = new Map(files.map((f) => [f.path.replace(/\\/g, '/').replace(/^\.?\//, ''), f.bytes]));
  return readCsvExport({
    label,
    paths: () => [...byPath.keys()],
    read(p) {
      const bytes = byPath.get(p);
      if (!bytes) throw notLoop(label, `"${p}" is missing from the folder`);
      return bytes;
    },
  });
}

/** What `readLoopBytes` or `readLoopFiles` take, read from a path on this machine. */
export type LoopUpload = { filename: string; content: Buffer; files?: undefined } | { filename: string; content?: undefined; files: Array<{ path: string; bytes: Buffer }> };

/**
 * Read the Loop export at a local `path` so it can be sent elsewhere (to a server): a file as its
 * bytes, a folder (or the Habits.csv in one) as its files. Checks what `readLoopFile` checks first.
 */
export function loopUploadOf(path: string): LoopUpload {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    throw new AppError('validation', `Nothing exists at "${path}". Give the path of a Loop export: a .zip, its unzipped folder, or a .db backup.`, [{ path: 'path', message: 'does not exist' }]);
  }
  const folder = stat.isDirectory() ? path : basename(path).toLowerCase() === 'habits.csv' ? dirname(path) : null;
  if (folder !== null) {
    const files = folderPaths(folder).map((p) => ({ path: p, bytes: readFileSync(join(folder, p)) }));
    return { filename: basename(folder) || folder, files };
  }
  if (stat.size > MAX_FILE_BYTES) throw tooLarge(path, stat.size);
  return { filename: basename(path), content: readFileSync(path) };
}
