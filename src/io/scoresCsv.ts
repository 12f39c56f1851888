import { csvRows } from './csvRows';
import { IssueLog } from './inputIssue';
import { parseScore, ScoresBuilder, scoreColumns, type ParsedScores } from './scoresTable';

/**
 * Scores CSV: `score,label[,a,b]` — one pair per line, higher score = more
 * alike; label 1/0, true/false or same/different; a, b optional pair ids.
 *
 * The header is optional (a first row whose score cell is not a number). A
 * header may name the columns in any order (score/similarity, label/y_true,
 * a/path_a, b/path_b). A `distance` column instead of `score` is read as
 * score = −distance, with a warning, so the smallest distance ranks first.
 *
 * Contract: `text` is the decoded file; `file` names it in issues. Bad rows
 * are dropped and reported by line; the rest is kept.
 */
export function parseScoresCsv(text: string, file: string): ParsedScores {
  const log = new IssueLog(file);
  const rows = csvRows(text);
  let cols = { score: 0, distance: false, label: 1, a: 2, b: 3 };
  let start = 0;
  if (rows.length > 0 && parseScore(rows[0].fields[0] ?? '') === null) {
    start = 1;
    const named = scoreColumns(rows[0].fields);
    if (named) cols = named;
    else if (rows[0].fields.length >= 2 && rows.length > 1 && parseScore(rows[1].fields[0] ?? '') === null) {
      log.warning(1, `header "${rows[0].fields.join(',')}" names no score and label columns; reading columns 1 and 2`, 'name the columns score,label[,a,b]');
    }
  }
  if (cols.distance) log.warning(1, 'has a distance column; using score = −distance (smaller distance = more alike)', 'write a score column instead if your numbers are similarities');
  const first = rows[start];
  const withIds = cols.a >= 0 && cols.b >= 0 && first !== undefined && first.fields.length > Math.max(cols.a, cols.b);
  const builder = new ScoresBuilder(log, withIds, cols.distance);
  const need = Math.max(cols.score, cols.label) + 1;
  for (const row of rows.slice(start)) {
    const f = row.fields;
    if (f.length < need) {
      log.error(row.line, `has ${f.length} field(s), needs at least ${need} (score, label)`, 'write each pair as: score,label[,a,b]');
      continue;
    }
    builder.add(row.line, f[cols.score], f[cols.label], withIds ? f[cols.a] : undefined, withIds ? f[cols.b] : undefined);
  }
  if (rows.length === start) log.error(undefined, 'has no rows', 'add lines of the form score,label[,a,b]');
  return { table: builder.build(), issues: log.issues };
}
