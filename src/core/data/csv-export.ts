import type { ExportFile } from '#contracts/data.js';

/** One CSV document per table of an export (RFC 4180 quoting), named `<table>.csv`. */
export function exportToCsv(file: ExportFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const [table, rows] of Object.entries(file.tables)) {
    const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))];
    const lines = [columns.map(csvCell).join(',')];
    for (const row of rows) lines.push(columns.map((c) => csvCell(row[c])).join(','));
    out.set(`${table}.csv`, `${lines.join('\r\n')}\r\n`);
  }
  return out;
}

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'string' ? value : String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
