import { assert } from '../base/assert';
import { pairCount, pairScores, type ClassIds, type PairMetric } from './pairs';
import { topPositions } from './select';

/** Retrieval metrics over all queries (each item a query against all others). */
export interface RetrievalMetrics {
  /** items used as queries: those whose class has at least one other item */
  queries: number;
  /** items skipped because no other item shares their class (pytorch-metric-learning's "lone" queries) */
  loneQueries: number;
  /** fraction of queries whose nearest neighbour shares their class */
  precisionAt1: number;
  /** Recall@K for each K of `options.ks`: fraction of queries with ≥ 1 same-class item among the K nearest */
  recallAtK: { k: number; value: number }[];
  /** mean over queries of (same-class items among the R nearest) / R, R = other items of the query's class */
  rPrecision: number;
  /** mean over queries of (1/R) Σ_{i ≤ R, item i same-class} precision@i (Musgrave et al. 2020) */
  mapAtR: number;
  /** pair scores that were NaN/±Infinity (ranked last, after every finite score) */
  nonFiniteScores: number;
}

/** Options of `retrievalMetrics`. */
export interface RetrievalOptions {
  /** the K of Recall@K; default [1, 5, 10] */
  ks?: readonly number[];
}

/**
 * Query-vs-rest retrieval metrics from the condensed all-pairs score vector
 * (pair (i, j), i < j, at `pairIndex(i, j, n)`, as `pairScores` writes it;
 * higher = more similar). Each item is a query; its ranking holds every
 * other item (never itself), best score first, ties broken by item index
 * (lower first), non-finite scores last.
 *
 * Definitions follow pytorch-metric-learning's `AccuracyCalculator` with
 * `embeddings_come_from_same_source=True`, `avg_of_avgs=False`:
 * `precision_at_1`, `r_precision`, `mean_average_precision_at_r` (MAP@R,
 * Musgrave, Belongie & Lim, "A Metric Learning Reality Check", ECCV 2020):
 * R = (size of the query's class) − 1; queries with R = 0 ("lone") are left
 * out of every mean; 0 when no query is left. Two deliberate differences:
 * R is never capped (PML retrieves at most k = 1023 neighbours through faiss,
 * which caps R for classes larger than 1024), and ties are broken by index
 * (faiss leaves them unspecified). Recall@K is the deep-metric-learning
 * Recall@K (Oh Song et al. 2016, "Deep Metric Learning via Lifted Structured
 * Feature Embedding"): a hit when at least one of the K nearest shares the class.
 *
 * Contract: `scores.length === pairCount(n)`, `classes.length === n`, each
 * K a positive integer (K > n − 1 means all n − 1 others). Memory O(n) besides
 * the input; time O(n² + Σ R log R).
 */
export function retrievalMetrics(
  scores: Float32Array | Float64Array,
  n: number,
  classes: ClassIds,
  options: RetrievalOptions = {},
): RetrievalMetrics {
  const ks = options.ks ?? [1, 5, 10];
  assert(scores.length === pairCount(n), `retrievalMetrics: ${scores.length} scores but ${n} items need ${pairCount(n)}`);
  assert(classes.length === n, `retrievalMetrics: ${n} items but ${classes.length} class ids`);
  for (const k of ks) assert(Number.isInteger(k) && k >= 1, `retrievalMetrics: K = ${k} is not a positive integer`);

  const classSize = new Map<number, number>();
  for (let i = 0; i < n; i++) classSize.set(classes[i], (classSize.get(classes[i]) ?? 0) + 1);
  const maxK = Math.min(n - 1, Math.max(0, ...ks));

  const row = new Float64Array(Math.max(0, n - 1));
  const scratch = new Float64Array(row.length);
  const hits = new Float64Array(ks.length);
  let queries = 0;
  let p1 = 0;
  let rPrecision = 0;
  let mapAtR = 0;
  let nonFinite = 0;
  for (let q = 0; q < n; q++) {
    const r = classSize.get(classes[q])! - 1;
    // Position p in `row` is item p (p < q) or item p + 1 (p ≥ q): increasing in the item index.
    let base = 0; // pairIndex(0, q) = q − 1, then it advances by n − 2 − j per row j
    for (let j = 0; j < q; j++) {
      row[j] = scores[base + q - j - 1];
      base += n - j - 1;
    }
    // Row q's own pairs (q, q+1 …) are contiguous, starting at pairIndex(q, q + 1) = base.
    for (let j = q + 1; j < n; j++) row[j - 1] = scores[base + j - q - 1];
    for (let p = 0; p < row.length; p++) {
      if (!(row[p] - row[p] === 0)) {
        if (q < (p < q ? p : p + 1)) nonFinite++; // count each pair once
        row[p] = -Infinity;
      }
    }
    if (r === 0) continue;
    queries++;
    const top = topPositions(row, Math.max(maxK, r), scratch);
    const cq = classes[q];
    const same = (t: number) => classes[top[t] < q ? top[t] : top[t] + 1] === cq;
    if (same(0)) p1++;
    for (let s = 0; s < ks.length; s++) {
      const kk = Math.min(ks[s], top.length);
      for (let t = 0; t < kk; t++) {
        if (same(t)) {
          hits[s]++;
          break;
        }
      }
    }
    let found = 0;
    let sumPrecision = 0;
    for (let t = 0; t < r; t++) {
      if (same(t)) {
        found++;
        sumPrecision += found / (t + 1);
      }
    }
    rPrecision += found / r;
    mapAtR += sumPrecision / r;
  }
  const mean = (x: number) => (queries > 0 ? x / queries : 0);
  return {
    queries,
    loneQueries: n - queries,
    precisionAt1: mean(p1),
    recallAtK: ks.map((k, s) => ({ k, value: mean(hits[s]) })),
    rPrecision: mean(rPrecision),
    mapAtR: mean(mapAtR),
    nonFiniteScores: nonFinite,
  };
}

/**
 * `retrievalMetrics` straight from embeddings (n × d, row-major), scored by
 * `pairScores` (−‖a − b‖² or cosine, float64 sums stored as float32), so the
 * ranking uses exactly the scores of the PR curve. Holds all pair scores
 * (4 bytes per pair: 200 MB for 10,000 items); see `pairScores` for limits.
 * Contract and reference: as `retrievalMetrics` and `pairScores`.
 */
export function retrievalFromEmbeddings(
  emb: Float32Array,
  n: number,
  d: number,
  classes: ClassIds,
  metric: PairMetric,
  options: RetrievalOptions = {},
): RetrievalMetrics {
  return retrievalMetrics(pairScores(emb, n, d, metric), n, classes, options);
}
