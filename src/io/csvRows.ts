import { dsvFormat } from 'd3-dsv';
import { stripBom } from './bytes';

/** One parsed row and the 1-based line it starts on. */
export interface CsvRow {
  line: number;
  fields: string[];
}

/**
 * Splits CSV text into rows of trimmed fields (RFC 4180 quoting via d3-dsv),
 * keeping each row's line number so errors can name it. Blank lines are
 * dropped. The delimiter is ',' unless the first non-blank line has none and
 * has a tab or ';' (what spreadsheet exports in some locales write).
 *
 * Contract: `text` is the whole decoded file (see `decodeText`).
 */
export function csvRows(text: string): CsvRow[] {
  const body = stripBom(text);
  const parsed = dsvFormat(detectDelimiter(body)).parseRows(body);
  const rows: CsvRow[] = [];
  let line = 1;
  for (const fields of parsed) {
    const trimmed = fields.map((f) => f.trim());
    if (!(trimmed.length === 1 && trimmed[0] === '')) rows.push({ line, fields: trimmed });
    // A quoted field may span lines; the next row starts after them.
    line += 1 + fields.reduce((n, f) => n + countNewlines(f), 0);
  }
  return rows;
}

function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}

function countNewlines(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) n++;
  return n;
}
