import { isIsoDate } from '../../time/plain-date.js';
import { parseCsv } from './csv.js';
import { notLoop, type LoopExport, type LoopHabit } from './loop-export.js';

/** The files of an export, by path relative to where it was opened ("/" separators). */
export interface FileSource {
  label: string;
  paths(): string[];
  read(path: string): Buffer;
}

const NAMED: Record<string, number> = { YES_MANUAL: 2, YES_AUTO: 1, NO: 0, SKIP: 3, UNKNOWN: -1 };

/** A Checkmarks cell in any of Loop's CSV formats: a name, an integer, or "Entry(…, value=N)". */
export function parseEntryValue(cell: string): number | null {
  const t = cell.trim();
  if (t in NAMED) return NAMED[t]!;
  if (/^-?\d+$/.test(t)) return Number(t);
  const entry = /^Entry\(.*value=(-?\d+)\)$/.exec(t);
  return entry ? Number(entry[1]) : null;
}

const text = (buf: Buffer): string => buf.toString('utf8');
const dirOf = (p: string): string => (p.includes('/') ? p.slice(0, p.lastIndexOf('/') + 1) : '');

function column(header: string[], ...names: string[]): number {
  return header.findIndex((h) => names.includes(h.trim()));
}

type Entries = LoopHabit['entries'];

function readHabitCheckmarks(source: FileSource, path: string): Entries {
  const entries: Entries = [];
  parseCsv(text(source.read(path))).forEach((row, i) => {
    if (row.length === 1 && row[0]!.trim() === '') return;
    if (i === 0 && row[0] === 'Date') return;
    const [date = '', cell = '', note = ''] = row;
    const value = parseEntryValue(cell);
    if (!isIsoDate(date) || value === null) throw notLoop(source.label, `line ${i + 1} of ${path} should be "YYYY-MM-DD,<value>" but is "${row.join(',')}"`);
    entries.push({ date, value, note });
  });
  return entries;
}

// The all-habits Checkmarks.csv: "Date,<name>,<name>,…," per line. Loop 2.0 wrote its cells as
// "Entry(timestamp=…, value=N)" without quoting, so those lines are read by pattern.
function readAllCheckmarks(source: FileSource, path: string): { columns: number; byColumn: Entries[]; legacy: boolean } {
  const lines = text(source.read(path)).replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l.trim() !== '');
  const header = (lines[0] ?? '').split(',');
  if (header[0] !== 'Date') throw notLoop(source.label, `${path} should start with "Date,"`);
  const columns = header.slice(1).filter((c, i, all) => c !== '' || i < all.length - 1).length;
  const byColumn: Entries[] = Array.from({ length: columns }, () => []);
  let legacy = false;
  lines.slice(1).forEach((line, i) => {
    const date = line.slice(0, line.indexOf(','));
    const rest = line.slice(line.indexOf(',') + 1);
    legacy ||= rest.includes('Entry(');
    const cells = rest.includes('Entry(') ? [...rest.matchAll(/Entry\([^)]*?value=(-?\d+)\)/g)].map((m) => m[1]!) : rest.split(',');
    for (let c = 0; c < columns; c++) {
      const value = parseEntryValue(cells[c] ?? '');
      if (!isIsoDate(date) || value === null) throw notLoop(source.label, `line ${i + 2} of ${path} is not "Date,<value>,…"`);
      byColumn[c]!.push({ date, value, note: '' });
    }
  });
  return { columns, byColumn, legacy };
}

/**
 * Read a Loop CSV export: Habits.csv (current columns, or the NumRepetitions/Interval columns of
 * v2.0–v2.3.0), each habit's own "NNN name/Checkmarks.csv" (it carries the notes) or else its
 * column of the all-habits Checkmarks.csv. YES_AUTO and UNKNOWN cells are kept for the caller.
 */
export function readCsvExport(source: FileSource): LoopExport {
  const all = source.paths();
  const habitsPath = all.filter((p) => /(^|\/)habits\.csv$/i.test(p)).sort((a, b) => a.split('/').length - b.split('/').length)[0];
  if (!habitsPath) throw notLoop(source.label, 'it has no Habits.csv');
  const root = dirOf(habitsPath);
  const rows = parseCsv(text(source.read(habitsPath))).filter((r) => !(r.length === 1 && r[0]!.trim() === ''));
  const header = rows[0] ?? [];
  const col = {
    position: column(header, 'Position'),
    name: column(header, 'Name'),
    type: column(header, 'Type'),
    num: column(header, 'FrequencyNumerator', 'NumRepetitions'),
    den: column(header, 'FrequencyDenominator', 'Interval'),
    unit: column(header, 'Unit'),
    targetType: column(header, 'Target Type'),
    target: column(header, 'Target Value'),
    archived: column(header, 'Archived?'),
  };
  if (col.position < 0 || col.name < 0 || col.num < 0 || col.den < 0) {
    throw notLoop(source.label, `its Habits.csv has the columns "${header.join(',')}", not Loop's Position, Name, … FrequencyNumerator/NumRepetitions, FrequencyDenominator/Interval`);
  }

  const habitFiles = new Map<number, string>();
  for (const p of all) {
    const m = p.startsWith(root) ? /^(\d+)(?: [^/]*)?\/Checkmarks\.csv$/.exec(p.slice(root.length)) : null;
    if (m) habitFiles.set(Number(m[1]), p);
  }
  const allChecks = all.includes(`${root}Checkmarks.csv`) ? readAllCheckmarks(source, `${root}Checkmarks.csv`) : null;
  const habitRows = rows.slice(1);
  const cell = (row: string[], i: number): string => (i >= 0 ? (row[i] ?? '').trim() : '');

  const warnings: string[] = [];
  const habits = habitRows.map((row, i): LoopHabit => {
    const position = Number(cell(row, col.position));
    const numerator = Number(cell(row, col.num));
    const denominator = Number(cell(row, col.den));
    if (!Number.isInteger(position) || !Number.isInteger(numerator) || !Number.isInteger(denominator)) {
      throw notLoop(source.label, `line ${i + 2} of Habits.csv has a position or frequency that is not a whole number`);
    }
    const own = habitFiles.get(position);
    let entries: LoopHabit['entries'] = [];
    if (own) entries = readHabitCheckmarks(source, own);
    else if (allChecks && allChecks.columns === habitRows.length) entries = allChecks.byColumn[i]!;
    else if (allChecks) throw notLoop(source.label, `its Checkmarks.csv has ${allChecks.columns} habit columns but Habits.csv lists ${habitRows.length} habits`);
    else warnings.push(`No Checkmarks.csv was found for "${cell(row, col.name)}": it was imported without its history.`);
    const type = cell(row, col.type);
    if (type && type !== 'YES_NO' && type !== 'NUMERICAL') throw notLoop(source.label, `line ${i + 2} of Habits.csv has the unknown type "${type}"`);
    // Before v2.3.1 the type is not written: only numerical habits hold amounts beyond Loop's codes.
    const numerical = type ? type === 'NUMERICAL' : entries.some((e) => e.value < -1 || e.value > 3);
    const targetType = cell(row, col.targetType);
    const target = Number(cell(row, col.target));
    const known = numerical && (targetType === 'AT_LEAST' || targetType === 'AT_MOST') && cell(row, col.target) !== '' && Number.isFinite(target);
    return {
      position,
      name: cell(row, col.name),
      numerator,
      denominator,
      numerical,
      targetType: known ? (targetType === 'AT_MOST' ? 'at_most' : 'at_least') : null,
      target: known ? target : null,
      unit: numerical ? cell(row, col.unit) : '',
      archived: cell(row, col.archived) === 'true',
      reminderTime: null,
      entries,
    };
  });
  const format = col.type >= 0 ? 'v2.3.1 or later' : allChecks?.legacy ? 'v2.0' : allChecks ? 'v2.1–v2.3.0' : 'v2.0–v2.3.0';
  return { source: 'csv', format: `Loop CSV export (${format})`, habits, warnings };
}
