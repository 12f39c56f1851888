import type { InputIssue, IssueLog } from './inputIssue';
import { PAIR_LABEL_HELP, parsePairLabel } from './pairLabel';

/**
 * Precomputed pair scores, ready for the metrics core: higher score = more
 * alike (a similarity, or a negated distance). `scores` stays float64 so the
 * curve equals scikit-learn's on the same numbers; NaN/±Infinity are kept
 * (the metrics core excludes and counts them, case P3).
 */
export interface ScoresTable {
  scores: Float64Array;
  /** 1 = same class (positive pair), 0 = different. */
  labels: Uint8Array;
  /** Optional identifiers of the two items of each pair (image paths or ids). */
  a: string[] | null;
  b: string[] | null;
  /** 1-based line (CSV) or row (Parquet) each entry came from. */
  row: Uint32Array;
  positives: number;
  negatives: number;
}

export interface ParsedScores {
  table: ScoresTable;
  issues: InputIssue[];
}

/** Header names, lower case, that identify each column. */
export const SCORE_NAMES = ['score', 'scores', 'similarity', 'sim', 'y_score', 'pred', 'prediction'];
export const DISTANCE_NAMES = ['distance', 'dist', 'd'];
export const LABEL_NAMES = ['label', 'labels', 'y_true', 'y', 'is_same', 'same', 'match', 'target'];
export const A_NAMES = ['a', 'path_a', 'image_a', 'img1', 'image1', 'id_a', 'left'];
export const B_NAMES = ['b', 'path_b', 'image_b', 'img2', 'image2', 'id_b', 'right'];

/** The columns a scores table needs and the header names accepted for each, for error messages. */
export const SCORES_COLUMNS_HELP =
  `name the columns score,label[,a,b] (score may also be called ${SCORE_NAMES.slice(1).join('/')}, or give ${DISTANCE_NAMES.join('/')} instead, read as −distance; ` +
  `label: ${LABEL_NAMES.slice(1).join('/')}; a, b: ${A_NAMES.slice(1).join('/')}, ${B_NAMES.slice(1).join('/')})`;

/**
 * Reads a score cell: a decimal number, or nan / inf / -inf in any case
 * (what NumPy and pandas write). Null when it is neither.
 */
export function parseScore(text: string): number | null {
  const s = text.trim().toLowerCase();
  if (s === 'nan') return NaN;
  if (s === 'inf' || s === '+inf' || s === 'infinity') return Infinity;
  if (s === '-inf' || s === '-infinity') return -Infinity;
  if (s === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) return null;
  return Number(s);
}

/** Integer scores beyond ±2^53 lose precision as float64 (neighbouring values become ties). */
const MAX_EXACT_INT = BigInt(Number.MAX_SAFE_INTEGER);
const LISTED = 5;

/** "lines 3, 8, …" (or "rows …" for a Parquet table) for the first few of `lines`. */
function someLines(lines: readonly number[], kind: 'line' | 'row' = 'line'): string {
  return `${kind}${lines.length === 1 ? '' : 's'} ${lines.slice(0, LISTED).join(', ')}${lines.length > LISTED ? ', …' : ''}`;
}

/**
 * Collects rows; bad ones are logged and skipped. `negate` turns distances
 * into scores; `scoreColumn` names the score column in warnings.
 *
 * A missing score (Parquet null, as pandas writes a missing value, or an
 * empty CSV cell) is read as NaN: kept, excluded from the curve and counted
 * (case P3), with one warning giving the count. A missing label is a bad row.
 * With a, b columns, a pair (either order) listed again is counted and warned
 * about once, separately when the copies disagree on the label.
 */
export class ScoresBuilder {
  private readonly scores: number[] = [];
  private readonly labels: number[] = [];
  private readonly a: string[] = [];
  private readonly b: string[] = [];
  private readonly rows: number[] = [];
  private missing = 0;
  private readonly unsafeInts: number[] = [];
  private readonly seen = new Map<string, number>();
  private readonly repeats: number[] = [];
  private readonly conflicts: number[] = [];

  constructor(
    private readonly log: IssueLog,
    private readonly withIds: boolean,
    private readonly negate: boolean,
    private readonly scoreColumn = 'score',
  ) {}

  /** `score`/`label` as raw cell values (string, number, boolean or bigint from Parquet; null for a Parquet null). */
  add(row: number, score: unknown, label: unknown, a?: unknown, b?: unknown): void {
    const missing = score === null || score === undefined || (typeof score === 'string' && score.trim() === '');
    const s = missing ? NaN : typeof score === 'number' ? score : typeof score === 'bigint' ? Number(score) : typeof score === 'string' ? parseScore(score) : null;
    if (s === null) {
      const decimalComma = typeof score === 'string' && /^[-+]?\d*,\d+$/.test(score.trim());
      const fix = decimalComma
        ? `write the decimal point as "." (${score.trim().replace(',', '.')}): save the CSV with "." as the decimal separator`
        : 'write scores as decimal numbers (nan is allowed and counted)';
      this.log.error(row, `score "${String(score)}" is not a number${decimalComma ? ' (a decimal comma?)' : ''}`, fix, 'score');
      return;
    }
    const l = typeof label === 'boolean' ? (label ? 1 : 0) : label === null || label === undefined ? null : parsePairLabel(String(label));
    if (l === null) {
      this.log.error(row, `label "${String(label)}" is not a pair label`, PAIR_LABEL_HELP, 'label');
      return;
    }
    if (missing) this.missing++;
    if (typeof score === 'bigint' && (score > MAX_EXACT_INT || score < -MAX_EXACT_INT)) this.unsafeInts.push(row);
    this.scores.push(this.negate ? -s : s);
    this.labels.push(l);
    this.rows.push(row);
    if (this.withIds) {
      const na = a === null || a === undefined ? '' : String(a);
      const nb = b === null || b === undefined ? '' : String(b);
      this.a.push(na);
      this.b.push(nb);
      const key = na < nb ? `${na}\u0000${nb}` : `${nb}\u0000${na}`;
      const earlier = this.seen.get(key);
      if (earlier === undefined) this.seen.set(key, l);
      else if (earlier === l) this.repeats.push(row);
      else this.conflicts.push(row);
    }
  }

  build(): ScoresTable {
    this.warnOnce();
    const labels = Uint8Array.from(this.labels);
    const positives = labels.reduce((n, v) => n + v, 0);
    return {
      scores: Float64Array.from(this.scores),
      labels,
      a: this.withIds ? this.a : null,
      b: this.withIds ? this.b : null,
      row: Uint32Array.from(this.rows),
      positives,
      negatives: labels.length - positives,
    };
  }

  private warnOnce(): void {
    const col = this.scoreColumn;
    if (this.missing > 0) {
      this.log.warning(undefined, `${this.missing.toLocaleString('en-US')} missing score${this.missing === 1 ? '' : 's'} (null or empty) read as NaN: excluded from the curve and counted`, 'nothing to do if those pairs could not be scored; otherwise write their scores', col);
    }
    if (this.unsafeInts.length > 0) {
      const n = this.unsafeInts.length;
      this.log.warning(
        this.unsafeInts[0],
        `${n.toLocaleString('en-US')} integer score${n === 1 ? '' : 's'} beyond ±2^53 (${someLines(this.unsafeInts, this.log.lineKind)}) lose precision as float64, so nearby scores become ties and the curve may differ from the exact one`,
        `write column "${col}" as float64, or rescale it below 2^53 (9,007,199,254,740,991)`,
        col,
      );
    }
    if (this.repeats.length > 0) {
      const n = this.repeats.length;
      this.log.warning(this.repeats[0], `${n.toLocaleString('en-US')} row${n === 1 ? ' repeats' : 's repeat'} an earlier pair a,b with the same label (${someLines(this.repeats, this.log.lineKind)}); each copy counts in the curve`, 'remove the repeated rows if they are not intended');
    }
    if (this.conflicts.length > 0) {
      const n = this.conflicts.length;
      this.log.warning(
        this.conflicts[0],
        `${n.toLocaleString('en-US')} row${n === 1 ? ' repeats' : 's repeat'} an earlier pair a,b with a different label (${someLines(this.conflicts, this.log.lineKind)}); both labels count in the curve`,
        'decide which label is right and keep one row per pair',
        'label',
      );
    }
  }
}

/** Column positions from header names (lower-cased); null fields when absent. */
export function scoreColumns(names: readonly string[]): { score: number; distance: boolean; label: number; a: number; b: number } | null {
  const lower = names.map((n) => n.trim().toLowerCase());
  const find = (list: string[]) => lower.findIndex((n) => list.includes(n));
  let score = find(SCORE_NAMES);
  const distance = score < 0 && find(DISTANCE_NAMES) >= 0;
  if (distance) score = find(DISTANCE_NAMES);
  const label = find(LABEL_NAMES);
  if (score < 0 || label < 0) return null;
  const a = find(A_NAMES);
  const b = find(B_NAMES);
  return { score, distance, label, a: a >= 0 && b >= 0 ? a : -1, b: a >= 0 && b >= 0 ? b : -1 };
}
