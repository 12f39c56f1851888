import { csvRows } from './csvRows';
import { IssueLog } from './inputIssue';
import { isImagePath, normalizePath, shortPath } from './pathRules';
import { PairListBuilder } from './pairList';
import type { ParsedPairs } from './pairsCsv';

const LEFT_OUT = 'the triplet is left out (both its pairs)';

/**
 * Triplets CSV: `anchor,positive,negative`, one triplet per line. Each gives
 * two pairs: (anchor, positive) labelled 1 and (anchor, negative) labelled 0,
 * both carrying the triplet's line number. The header is optional (a first
 * row with no image file name in it, e.g. `anchor,positive,negative`).
 * Extra columns are ignored.
 *
 * Contract: `text` is the decoded file; `file` names it in issues. Bad rows
 * are dropped whole (never half a triplet: paths are compared normalised,
 * so `./a.png,a.png,b.png` is refused here, not half-added) and reported.
 */
export function parseTripletsCsv(text: string, file: string): ParsedPairs {
  const log = new IssueLog(file);
  const rows = csvRows(text);
  const builder = new PairListBuilder(log);
  const start = rows.length > 0 && !rows[0].fields.some(isImagePath) ? 1 : 0;
  const names = ['anchor', 'positive', 'negative'];
  for (const row of rows.slice(start)) {
    const f = row.fields;
    if (f.length < 3) {
      log.error(row.line, `has ${f.length} field(s), a triplet needs 3; ${LEFT_OUT}`, 'write each triplet as: anchor,positive,negative');
      continue;
    }
    const empty = f.slice(0, 3).findIndex((x) => x === '');
    if (empty >= 0) {
      log.error(row.line, `the ${names[empty]} path is empty; ${LEFT_OUT}`, 'fill in all three image paths', names[empty]);
      continue;
    }
    const [anchor, positive, negative] = f;
    const norm = [anchor, positive, negative].map(normalizePath);
    const same = [
      [0, 1],
      [0, 2],
      [1, 2],
    ].find(([i, j]) => norm[i] === norm[j]);
    if (same) {
      const [i, j] = same;
      log.error(row.line, `uses the same image twice (${names[i]} "${shortPath(f[i])}" and ${names[j]} "${shortPath(f[j])}"); ${LEFT_OUT}`, 'a triplet needs three different images');
      continue;
    }
    builder.add(anchor, positive, 1, row.line);
    builder.add(anchor, negative, 0, row.line);
  }
  if (rows.length === start) {
    const what = rows.length === 0 ? 'is empty: it has no triplets' : 'has only a header row: it has no triplets';
    log.error(undefined, `${what} (expected columns anchor,positive,negative)`, 'add one triplet per line after the header: anchor,positive,negative');
  }
  return { pairs: builder.build(), issues: log.issues };
}
