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
 * has a tab or ';', or every one of the first lines has the same number of ';'
 * (decimal-comma locales: "0,95;1"), or a first line "sep=X" (Excel) names it.
 *
 * Contract: `text` is the whole decoded file (see `decodeText`).
 */
export function csvRows(text: string): CsvRow[] {
  let body = stripBom(text);
  let line = 1;
  // Excel writes "sep=;" as a first line to name the delimiter: honour it, and keep counting lines from it.
  const sep = /^sep=(.)\r?\n/.exec(body);
  if (sep) {
    body = body.slice(sep[0].length);
    line = 2;
  }
  const parsed = dsvFormat(sep ? sep[1] : detectDelimiter(body)).parseRows(body);
  const rows: CsvRow[] = [];
  for (const fields of parsed) {
    const trimmed = fields.map((f) => f.trim());
    if (!(trimmed.length === 1 && trimmed[0] === '')) rows.push({ line, fields: trimmed });
    // A quoted field may span lines; the next row starts after them.
    line += 1 + fields.reduce((n, f) => n + countNewlines(f), 0);
  }
  return rows;
}

function detectDelimiter(text: string): string {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5);
  const first = lines[0] ?? '';
  // "0,95;1": semicolons between fields, commas as decimal points (spreadsheets in many locales): ';' when every line has the same number of them.
  const semis = lines.map((l) => l.split(';').length - 1);
  if (first.includes(',') && semis[0] > 0 && semis.every((n) => n === semis[0])) return ';';
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
