import { csvRows } from './csvRows';
import { IssueLog } from './inputIssue';
import { parsePairLabel } from './pairLabel';
import { LABEL_NAMES, parseScore, ScoresBuilder, scoreColumns, SCORES_COLUMNS_HELP, type ParsedScores } from './scoresTable';

/**
 * Scores CSV: `score,label[,a,b]` — one pair per line, higher score = more
 * alike; label 1/0, true/false or same/different; a, b optional pair ids.
 *
 * The header is optional (a first row whose score cell is not a number and
 * whose label cell is not a label, e.g. `abc,1` is a bad data row, not a
 * header; a header that names no known column is read positionally, with a
 * warning). A
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
  let scoreColumn = 'score';
  const head = rows[0]?.fields ?? [];
  if (rows.length > 0 && parseScore(head[0] ?? '') === null) {
    const named = scoreColumns(head);
    if (named) {
      cols = named;
      start = 1;
      scoreColumn = head[named.score].trim();
    } else if (!looksLikeDataRow(head)) {
      start = 1;
      log.warning(1, `first row "${head.join(',')}" is not a recognised header (no score and label column names); read it as a header and skipped it, then read column 1 as the score and column 2 as the label`, SCORES_COLUMNS_HELP);
    }
    // else: a data row with a bad score (`abc,1`): read as data, so it is reported and counted as a bad row, not lost as a "header"
  }
  const firstRowIsBadData = start === 0 && rows.length > 0 && (head[0] ?? '').trim() !== '' && parseScore(head[0]) === null;
  if (cols.distance) log.warning(1, 'has a distance column; using score = −distance (smaller distance = more alike)', 'write a score column instead if your numbers are similarities');
  const first = rows[start];
  const withIds = cols.a >= 0 && cols.b >= 0 && first !== undefined && first.fields.length > Math.max(cols.a, cols.b);
  const builder = new ScoresBuilder(log, withIds, cols.distance, scoreColumn);
  const need = Math.max(cols.score, cols.label) + 1;
  const decimalCommas: number[] = [];
  for (const row of rows.slice(start)) {
    const f = row.fields;
    if (f.length < need) {
      log.error(row.line, `has ${f.length} field(s), needs at least ${need} (score, label)`, 'write each pair as: score,label[,a,b]');
      continue;
    }
    if (firstRowIsBadData && row === rows[0]) {
      log.error(row.line, `first row "${f.join(',')}" was read as data (its label "${f[1].trim()}" is a pair label), but its score "${f[0]}" is not a number`, 'fix the score; if the row is a header, name the columns score,label[,a,b]', 'score');
      continue;
    }
    // "0,95": a comma inside a field is a decimal comma (fields are split on ';' or tab, or it was quoted) — as the spreadsheet that wrote it meant.
    const score = DECIMAL_COMMA.test(f[cols.score]) ? f[cols.score].replace(',', '.') : f[cols.score];
    if (score !== f[cols.score]) decimalCommas.push(row.line);
    builder.add(row.line, score, f[cols.label], withIds ? f[cols.a] : undefined, withIds ? f[cols.b] : undefined);
  }
  if (decimalCommas.length > 0) {
    const n = decimalCommas.length;
    log.warning(decimalCommas[0], `${n.toLocaleString('en-US')} score${n === 1 ? ' is' : 's are'} written with a decimal comma ("0,95"), read as ${n === 1 ? 'a decimal' : 'decimals'} (0.95)`, 'nothing, if the file comes from a spreadsheet in a decimal-comma locale');
  }
  const doubled = duplicateColumn(head, start === 1 ? cols.score : -1);
  if (doubled) log.warning(1, doubled, 'remove or rename the other column');
  if (rows.length === start) log.error(undefined, 'has no rows', 'add lines of the form score,label[,a,b]');
  return { table: builder.build(), issues: log.issues };
}

/** A first row whose second cell is a pair label (and not a header word such as "same") is data, whatever its first cell. */
function looksLikeDataRow(fields: readonly string[]): boolean {
  const second = fields[1]?.trim() ?? '';
  return fields.length >= 2 && parsePairLabel(second) !== null && !LABEL_NAMES.includes(second.toLowerCase());
}

const DECIMAL_COMMA = /^[-+]?\d*,\d+(e[-+]?\d+)?$/i;

/** A header naming the used score column twice ("score,label,score"): which one is read, said once. */
function duplicateColumn(head: readonly string[], used: number): string | null {
  if (used < 0) return null;
  const name = head[used].trim().toLowerCase();
  const other = head.findIndex((h, k) => k !== used && h.trim().toLowerCase() === name);
  return other < 0 ? null : `the header names "${head[used].trim()}" twice (columns ${used + 1} and ${other + 1}); column ${used + 1} is read as the score`;
}
