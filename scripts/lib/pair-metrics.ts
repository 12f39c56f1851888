/**
 * Self-contained pair metrics for the demo evaluation (independent of the
 * app's metrics module): average precision exactly as scikit-learn's
 * average_precision_score, the PR points it is built from, precision@1.
 */

export interface PrPoint {
  threshold: number;
  tp: number;
  fp: number;
  precision: number;
  recall: number;
}

/**
 * PR curve over distinct score thresholds, highest score first (ties grouped,
 * as sklearn's _binary_clf_curve), and AP = Σ (R_n − R_{n−1}) · P_n.
 */
export function precisionRecall(scores: ArrayLike<number>, positive: ArrayLike<boolean>): { ap: number; curve: PrPoint[]; numPositive: number } {
  const n = scores.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let numPositive = 0;
  for (let i = 0; i < n; i++) if (positive[i]) numPositive++;
  if (numPositive === 0) throw new Error('no positive pairs: AP undefined');
  const curve: PrPoint[] = [];
  let tp = 0;
  let fp = 0;
  let ap = 0;
  let prevRecall = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    if (positive[i]) tp++;
    else fp++;
    // Close a threshold group only where the next score differs.
    if (k + 1 < n && scores[order[k + 1]] === scores[i]) continue;
    const precision = tp / (tp + fp);
    const recall = tp / numPositive;
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
    curve.push({ threshold: scores[i], tp, fp, precision, recall });
  }
  return { ap, curve, numPositive };
}

/** Pairs (i<j) of n items, row-major: index of pair (i,j). */
export function pairCount(n: number): number {
  return (n * (n - 1)) / 2;
}

/** Negative squared L2 distances of all pairs i<j of row-major [n, dim] embeddings. */
export function pairScores(emb: Float32Array, n: number, dim: number): { scores: Float64Array; a: Uint32Array; b: Uint32Array } {
  const m = pairCount(n);
  const scores = new Float64Array(m);
  const a = new Uint32Array(m);
  const b = new Uint32Array(m);
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      let s = 0;
      for (let k = 0; k < dim; k++) {
        const diff = emb[i * dim + k] - emb[j * dim + k];
        s += diff * diff;
      }
      scores[p] = -s;
      a[p] = i;
      b[p] = j;
      p++;
    }
  }
  return { scores, a, b };
}

/** Share of items whose nearest other item (highest pair score) has the same label. */
export function precisionAt1(scores: Float64Array, a: Uint32Array, b: Uint32Array, labels: number[]): number {
  const n = labels.length;
  const best = new Float64Array(n).fill(-Infinity);
  const nn = new Int32Array(n).fill(-1);
  for (let p = 0; p < scores.length; p++) {
    const i = a[p];
    const j = b[p];
    if (scores[p] > best[i]) { best[i] = scores[p]; nn[i] = j; }
    if (scores[p] > best[j]) { best[j] = scores[p]; nn[j] = i; }
  }
  let hits = 0;
  for (let i = 0; i < n; i++) if (nn[i] >= 0 && labels[nn[i]] === labels[i]) hits++;
  return hits / n;
}
