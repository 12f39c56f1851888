import { formatIssue, InputError, type InputIssue } from './inputIssue';
import { decodeTextLoosely } from './bytes';
import { parseScoresCsv } from './scoresCsv';
import { parseScoresParquet } from './scoresParquet';
import type { ParsedScores, ScoresTable } from './scoresTable';

/** A scores table read from a drop: ready to run, no model needed. */
export interface ScoresInspection {
  kind: 'scores';
  /** The file's name without folders (the dataset name). */
  name: string;
  table: ScoresTable;
  /** Rows dropped for a bad score or label (at most 1 %), one line each, naming file and line. */
  rowErrors: string[];
  /** Assumptions made and things worth knowing (distance → −distance, repeated pairs), one line each. */
  warnings: string[];
  /** NaN/±Infinity scores: kept in the table, excluded and counted by the curve (case P3). */
  nonFinite: number;
  /** Rows read from the file (kept + dropped). */
  rowsRead: number;
}

/** At most this share of rows may be dropped for a bad score or label; more, and the table is refused (the curve would mean something else). */
export const MAX_BAD_ROW_SHARE = 0.01;
const LISTED = 5;

/**
 * Reads a scores CSV or Parquet file and decides whether it can be run:
 * good rows around a few bad ones are kept, each bad row named by file and
 * line; but when more than 1 % of the rows are bad (a label coding we do not
 * read, such as −1/+1, a shifted column) or no row is good, the table is
 * refused with an `InputError` naming the file, the first bad lines and the
 * fix — dropping that many rows would silently change which pairs the curve is about.
 * A table whose every score is NaN/±Infinity/missing is refused too: every
 * pair would be excluded, leaving nothing to rank.
 *
 * Contract: `bytes` is the whole file; `path` names it as dropped.
 */
export async function readScoresDrop(path: string, bytes: ArrayBuffer, kind: 'scores-csv' | 'scores-parquet'): Promise<ScoresInspection> {
  const name = path.split('/').pop() || path;
  const parsed: ParsedScores = kind === 'scores-parquet' ? await parseScoresParquet(bytes, name) : parseScoresCsv(decodeTextLoosely(bytes), name);
  const { table, issues } = parsed;
  const bad = issues.filter((i) => i.severity === 'error');
  const rowsRead = table.scores.length + bad.filter((i) => i.line !== undefined).length;
  if (table.scores.length === 0 || bad.length > MAX_BAD_ROW_SHARE * rowsRead) refuse(name, table.scores.length, rowsRead, bad);
  let nonFinite = 0;
  for (const s of table.scores) if (!Number.isFinite(s)) nonFinite++;
  if (nonFinite === table.scores.length) {
    const n = nonFinite.toLocaleString('en-US');
    throw new InputError({
      file: name,
      field: 'score',
      message: `has no finite score: all ${n} score${nonFinite === 1 ? ' is' : 's are'} NaN, infinite or missing, so there is no curve to draw — not evaluated`,
      fix: 'check the score column holds the model\'s scores (NaN only for pairs that could not be scored); for a distance, name the column distance',
    });
  }
  const rowErrors = bad.map((i) => `${formatIssue(i)} (row skipped)`);
  const warnings = issues.filter((i) => i.severity !== 'error').map(formatIssue);
  return { kind: 'scores', name, table, rowErrors, warnings, nonFinite, rowsRead };
}

function refuse(file: string, good: number, rowsRead: number, bad: InputIssue[]): never {
  const first = bad[0];
  if (!first) throw new InputError({ file, message: 'has no rows', fix: 'add lines of the form score,label[,a,b]' });
  // A problem with the whole file (a header and no rows) is said as it is, not counted as a bad row.
  if (good === 0 && bad.every((i) => i.line === undefined)) throw new InputError({ file, field: first.field, message: first.message, fix: first.fix });
  const lines = bad.filter((i) => i.line !== undefined).slice(0, LISTED).map((i) => i.line);
  const labels = new Set(bad.filter((i) => i.field === 'label').map((i) => /"(.*)"/.exec(i.message)?.[1] ?? ''));
  const minusOne = labels.size > 0 && [...labels].every((l) => l.trim() === '-1');
  const share = rowsRead > 0 ? ` (${((100 * bad.length) / rowsRead).toFixed(1)} % of ${rowsRead.toLocaleString('en-US')} rows; at most ${MAX_BAD_ROW_SHARE * 100} % can be skipped)` : '';
  throw new InputError({
    file,
    line: first.line,
    field: first.field,
    message: `${first.message}; ${bad.length.toLocaleString('en-US')} bad row${bad.length === 1 ? '' : 's'}${lines.length > 0 ? ` (${first.lineKind ?? 'line'}${lines.length === 1 ? '' : 's'} ${lines.join(', ')}${bad.length > lines.length ? ', …' : ''})` : ''}${share}, ${good.toLocaleString('en-US')} good — not evaluated`,
    fix: minusOne ? 'the labels look like −1/+1: write 0 for different (−1) and 1 for same' : first.fix,
  });
}
