import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

/** One file written by scripts/make-metric-fixtures.py (scikit-learn 1.2.1). */
export interface MetricFixture {
  name: string;
  sklearn_version: string;
  note: string;
  /** null where the score is NaN (embedding cases only) */
  scores: (number | null)[];
  labels: number[];
  thresholds: number[];
  precision: number[];
  recall: number[];
  ap: number;
  sklearn_warnings: string[];
  metric?: 'neg-sq-l2' | 'cosine';
  n_items?: number;
  dim?: number;
  embeddings?: number[];
  classes?: number[];
  excluded_indices?: number[];
  // Derived metrics (null where sklearn returns NaN or raises: one class only).
  pr_drop_thresholds: number[];
  pr_drop_precision: number[];
  pr_drop_recall: number[];
  voc_ap: number;
  trapezoid_area: number;
  roc_fpr: (number | null)[];
  roc_tpr: (number | null)[];
  roc_thresholds: number[];
  roc_full_fpr: (number | null)[];
  roc_full_tpr: (number | null)[];
  roc_full_thresholds: number[];
  roc_auc: number | null;
  det_fmr: number[] | null;
  det_fnmr: number[] | null;
  det_thresholds: number[] | null;
  /** threshold null = the ROC origin (accept nothing) */
  tar_at_far: { target: number; tar: number; far: number; threshold: number | null }[] | null;
  best_f1: (FixtureConfusion & { threshold: number }) | null;
  at_thresholds: (FixtureConfusion & { threshold: number })[];
}

/** sklearn confusion_matrix + precision/recall/f1_score (zero_division=0) at one threshold. */
export interface FixtureConfusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

const DIR = fileURLToPath(new URL('../../fixtures/metrics/', import.meta.url));

export function loadFixtures(): MetricFixture[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(DIR + f, 'utf8')) as MetricFixture);
}

export function loadFixture(name: string): MetricFixture {
  return JSON.parse(readFileSync(`${DIR}${name}.json`, 'utf8')) as MetricFixture;
}

/** Fixture scores as float64, NaN for null. */
export function fixtureScores(f: MetricFixture): Float64Array {
  return Float64Array.from(f.scores, (v) => (v === null ? NaN : v));
}

/** Same length and every |actual − expected| ≤ tol (one assertion, readable failure). */
export function expectAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol = 1e-9, what = 'array'): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  let worst = -1;
  let worstDiff = 0;
  for (let i = 0; i < expected.length; i++) {
    const diff = Math.abs(actual[i] - expected[i]);
    if (!(diff <= tol) && (worst < 0 || diff > worstDiff || Number.isNaN(diff))) {
      worst = i;
      worstDiff = diff;
    }
  }
  const detail = worst < 0 ? '' : `${what}[${worst}] = ${actual[worst]}, expected ${expected[worst]}`;
  expect(detail, detail).toBe('');
}
