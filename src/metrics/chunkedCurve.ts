import { dropIntermediatePoints } from './dropIntermediate';
import { curveFromFiniteCounts, prCurve, type PrCurve, type PrCurveOptions } from './prCurve';

/** One slice of a larger score/label array, in input order. */
export interface ScoreChunk {
  scores: Float32Array | Float64Array;
  labels: Uint8Array;
}

/**
 * The curve of the concatenation of `a`'s and `b`'s inputs, from the two
 * curves alone: per-threshold counts are recovered from the cumulative ones,
 * merged (equal thresholds add up) and re-accumulated. O(|a| + |b|) in the
 * number of distinct thresholds; the scores are not needed again. The
 * result equals `prCurve` of the concatenated input exactly (integer counts).
 *
 * Contract: both curves from `prCurve`/`mergePrCurves` without
 * `dropIntermediate` (their counts must be complete). `b`'s excluded indices
 * are shifted by `bOffset`, the number of input items before `b` (default:
 * all of `a`'s, i.e. `a.n + a.excludedNonFinite`).
 * Reference: `sklearn.metrics.precision_recall_curve` of `np.concatenate`.
 */
export function mergePrCurves(a: PrCurve, b: PrCurve, bOffset = a.n + a.excludedNonFinite): PrCurve {
  const ta = a.thresholds;
  const tb = b.thresholds;
  const ma = ta.length;
  const mb = tb.length;
  // Distinct merged thresholds, counted first so the outputs are allocated once.
  let m = 0;
  for (let i = 0, j = 0; i < ma || j < mb; m++) {
    if (j >= mb || (i < ma && ta[i] < tb[j])) i++;
    else if (i >= ma || tb[j] < ta[i]) j++;
    else {
      i++;
      j++;
    }
  }
  const thresholds = new Float64Array(m);
  const tp = new Float64Array(m);
  const fp = new Float64Array(m);
  // Walk from the highest threshold down, accumulating per-threshold counts.
  let i = ma - 1;
  let j = mb - 1;
  let ctp = 0;
  let cfp = 0;
  const cnt = (c: Float64Array, k: number, len: number) => c[k] - (k + 1 < len ? c[k + 1] : 0);
  for (let k = m - 1; k >= 0; k--) {
    const takeA = i >= 0 && (j < 0 || ta[i] >= tb[j]);
    const takeB = j >= 0 && (i < 0 || tb[j] >= ta[i]);
    if (takeA) {
      ctp += cnt(a.tp, i, ma);
      cfp += cnt(a.fp, i, ma);
      thresholds[k] = ta[i--];
    }
    if (takeB) {
      ctp += cnt(b.tp, j, mb);
      cfp += cnt(b.fp, j, mb);
      thresholds[k] = tb[j--];
    }
    tp[k] = ctp;
    fp[k] = cfp;
  }
  const excludedIndices = new Uint32Array(a.excludedNonFinite + b.excludedNonFinite);
  excludedIndices.set(a.excludedIndices);
  for (let e = 0; e < b.excludedNonFinite; e++) excludedIndices[a.excludedNonFinite + e] = b.excludedIndices[e] + bOffset;
  return curveFromFiniteCounts({ thresholds, tp, fp }, excludedIndices);
}

/**
 * `prCurve` of the concatenation of `chunks`, computed one chunk at a time
 * (each chunk sorted on its own, then merged pairwise: O(n log chunks)), so
 * a caller can stream scores that never exist as one array — e.g. blocks of
 * pair scores from `pairScoresBlocked` — holding only the per-chunk curves.
 * Memory: O(distinct scores) instead of O(n).
 *
 * Contract: as `prCurve` for every chunk; excluded indices refer to the
 * position in the concatenated input. Equal to `prCurve(concat)` exactly.
 * Reference: `sklearn.metrics.precision_recall_curve` of the concatenation.
 */
export function prCurveChunked(chunks: Iterable<ScoreChunk>, options: PrCurveOptions = {}): PrCurve {
  // A binary-counter stack of merged curves keeps the merge tree balanced.
  const stack: { curve: PrCurve; size: number }[] = [];
  let offset = 0;
  for (const chunk of chunks) {
    let curve = prCurve(chunk.scores, chunk.labels);
    if (offset > 0) curve = mergePrCurves(emptyCurve(), curve, offset); // shift the exclusions
    offset += chunk.scores.length;
    let size = 1;
    while (stack.length > 0 && stack[stack.length - 1].size === size) {
      const below = stack.pop()!;
      curve = mergePrCurves(below.curve, curve, 0);
      size *= 2;
    }
    stack.push({ curve, size });
  }
  let result = stack.length > 0 ? stack.pop()!.curve : prCurve(new Float64Array(0), new Uint8Array(0));
  while (stack.length > 0) result = mergePrCurves(stack.pop()!.curve, result, 0);
  return options.dropIntermediate ? dropIntermediatePoints(result) : result;
}

function emptyCurve(): PrCurve {
  return prCurve(new Float64Array(0), new Uint8Array(0));
}
