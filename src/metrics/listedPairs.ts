import { assert } from '../base/assert';
import type { Evaluation, ScoreMetric } from './evaluateEmbeddings';
import { rankedPrCurve } from './rankedCurve';
import { rowNorms } from './pairs';

/** An evaluation over an explicit pair list: pair k is (pairA[k], pairB[k]); scores, labels and `order` index the list. */
export type ListedEvaluation = Evaluation & { pairA: Uint32Array; pairB: Uint32Array };

/**
 * Scores of listed pairs (pairs CSV, LFW pairs.txt, triplets → two pairs
 * each), with exactly the arithmetic of `pairScores` (a sequential float64
 * sum over the dimensions, stored as float32), so a list of every pair in
 * row-major order gives bit-identical scores.
 * Contract: `emb` is n × d row-major; a[k], b[k] < n and a[k] ≠ b[k].
 */
export function listedPairScores(emb: Float32Array, n: number, d: number, a: Uint32Array, b: Uint32Array, metric: ScoreMetric): Float32Array {
  assert(emb.length === n * d, `listedPairScores: embedding length ${emb.length} ≠ n·d = ${n * d}`);
  assert(a.length === b.length, `listedPairScores: ${a.length} first and ${b.length} second images`);
  const norms = rowNorms(emb, n, d, metric);
  const cosine = metric === 'cosine';
  const out = new Float32Array(a.length);
  for (let p = 0; p < a.length; p++) {
    const i = a[p];
    const j = b[p];
    assert(i < n && j < n, `listedPairScores: pair ${p} = (${i}, ${j}) names an image ≥ n = ${n}`);
    assert(i !== j, `listedPairScores: pair ${p} pairs image ${i} with itself`);
    const x = i * d;
    const y = j * d;
    let acc = 0;
    if (cosine) {
      for (let k = 0; k < d; k++) acc += emb[x + k] * emb[y + k];
      out[p] = acc / (norms[i] * norms[j]);
    } else {
      for (let k = 0; k < d; k++) {
        const diff = emb[x + k] - emb[y + k];
        acc += diff * diff;
      }
      out[p] = 0 - acc; // 0 − 0 is +0
    }
  }
  return out;
}

/**
 * The exact PR curve (scikit-learn semantics, see prCurve.ts) over the
 * listed pairs only, with their labels as given (not derived from classes),
 * and the ranking of the finite-score pairs (list indices, most confident
 * first, ties in list order) — like evaluateEmbeddings, for a pair list.
 */
export function evaluateListedPairs(emb: Float32Array, n: number, d: number, pairA: Uint32Array, pairB: Uint32Array, labels: Uint8Array, metric: ScoreMetric): ListedEvaluation {
  assert(labels.length === pairA.length, `evaluateListedPairs: ${pairA.length} pairs but ${labels.length} labels`);
  const scores = listedPairScores(emb, n, d, pairA, pairB, metric);
  const { curve, order } = rankedPrCurve(scores, labels); // one sort for both
  return { curve, order, scores, labels, n, metric, pairA, pairB };
}
