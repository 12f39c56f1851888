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

/** Collects rows; bad ones are logged and skipped. `negate` turns distances into scores. */
export class ScoresBuilder {
  private readonly scores: number[] = [];
  private readonly labels: number[] = [];
  private readonly a: string[] = [];
  private readonly b: string[] = [];
  private readonly rows: number[] = [];

  constructor(
    private readonly log: IssueLog,
    private readonly withIds: boolean,
    private readonly negate: boolean,
  ) {}

  /** `score`/`label` as raw cell values (string, number, boolean or bigint from Parquet). */
  add(row: number, score: unknown, label: unknown, a?: unknown, b?: unknown): void {
    const s = typeof score === 'number' ? score : typeof score === 'bigint' ? Number(score) : typeof score === 'string' ? parseScore(score) : null;
    if (s === null) {
      this.log.error(row, `score "${String(score)}" is not a number`, 'write scores as decimal numbers (nan is allowed and counted)', 'score');
      return;
    }
    const l = typeof label === 'boolean' ? (label ? 1 : 0) : label === null || label === undefined ? null : parsePairLabel(String(label));
    if (l === null) {
      this.log.error(row, `label "${String(label)}" is not a pair label`, PAIR_LABEL_HELP, 'label');
      return;
    }
    this.scores.push(this.negate ? -s : s);
    this.labels.push(l);
    this.rows.push(row);
    if (this.withIds) {
      this.a.push(a === null || a === undefined ? '' : String(a));
      this.b.push(b === null || b === undefined ? '' : String(b));
    }
  }

  build(): ScoresTable {
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
