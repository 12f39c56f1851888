import { csvRows, type CsvRow } from './csvRows';
import { IssueLog, type InputIssue } from './inputIssue';
import { isImagePath, shortPath } from './pathRules';
import { PAIR_LABEL_HELP, parsePairLabel } from './pairLabel';
import { PairListBuilder, type PairList } from './pairList';

export interface ParsedPairs {
  pairs: PairList;
  /** Bad rows (dropped, severity 'error') and assumptions (severity 'warning'). */
  issues: InputIssue[];
}

const A_NAMES = ['path_a', 'patha', 'a', 'image_a', 'img_a', 'image1', 'img1', 'path1', 'file1', 'left', 'first'];
const B_NAMES = ['path_b', 'pathb', 'b', 'image_b', 'img_b', 'image2', 'img2', 'path2', 'file2', 'right', 'second'];
const LABEL_NAMES = ['label', 'is_same', 'issame', 'same', 'match', 'target', 'y'];

/**
 * Pairs CSV: `path_a,path_b,label`, one pair per line; label 1/0, true/false
 * or same/different (see `parsePairLabel`).
 *
 * The header is optional: the first row is a header when its label cell is
 * not a label and neither path cell names an image file. A header with known
 * names (path_a/path_b/label, img1/img2/is_same, …) may put the columns in any
 * order; otherwise the order is path_a, path_b, label. Extra columns are ignored.
 *
 * Contract: `text` is the decoded file; `file` names it in issues. Never
 * throws on bad rows: each is dropped and reported with its line and fix.
 */
export function parsePairsCsv(text: string, file: string): ParsedPairs {
  const log = new IssueLog(file);
  const rows = csvRows(text);
  const builder = new PairListBuilder(log);
  let cols = { a: 0, b: 1, label: 2 };
  let start = 0;
  if (rows.length > 0 && looksLikeHeader(rows[0], cols)) {
    cols = columnsFromHeader(rows[0].fields) ?? cols;
    start = 1;
  }
  const width = Math.max(cols.a, cols.b, cols.label) + 1;
  for (const row of rows.slice(start)) {
    const f = row.fields;
    if (f.length < width) {
      log.error(row.line, `has ${f.length} field(s), a pair needs ${width} (path_a, path_b, label)`, 'write each pair as: path_a,path_b,label');
      continue;
    }
    const label = parsePairLabel(f[cols.label]);
    if (label === null) {
      log.error(row.line, `label "${shortPath(f[cols.label], 40)}" is not a pair label`, PAIR_LABEL_HELP, 'label');
      continue;
    }
    if (f[cols.a] === '' || f[cols.b] === '') {
      log.error(row.line, 'has an empty image path', 'fill in both image paths', f[cols.a] === '' ? 'path_a' : 'path_b');
      continue;
    }
    builder.add(f[cols.a], f[cols.b], label, row.line);
  }
  if (rows.length === start) {
    const what = rows.length === 0 ? 'is empty: it has no pairs' : 'has only a header row: it has no pairs';
    log.error(undefined, `${what} (expected columns path_a,path_b,label)`, 'add one pair per line after the header: path_a,path_b,label with label 1 (same class) or 0 (different)');
  }
  return { pairs: builder.build(), issues: log.issues };
}

function looksLikeHeader(row: CsvRow, cols: { a: number; b: number; label: number }): boolean {
  const f = row.fields;
  if (columnsFromHeader(f)) return true;
  const labelCell = f[cols.label] ?? '';
  return parsePairLabel(labelCell) === null && !isImagePath(f[cols.a] ?? '') && !isImagePath(f[cols.b] ?? '');
}

function columnsFromHeader(fields: string[]): { a: number; b: number; label: number } | null {
  const lower = fields.map((f) => f.toLowerCase());
  const find = (names: string[]) => lower.findIndex((f) => names.includes(f));
  const a = find(A_NAMES);
  const b = find(B_NAMES);
  const label = find(LABEL_NAMES);
  return a >= 0 && b >= 0 && label >= 0 ? { a, b, label } : null;
}
