import { assert } from '../base/assert';

/** Bins of the histograms the threshold panel shows (computed by the metrics worker with each evaluation). */
export const HIST_BINS = 80;

/** Genuine (positive pairs) and impostor (negative pairs) score counts over shared, equal-width bins. */
export interface ScoreHistograms {
  /** bins + 1 bin edges, increasing (non-decreasing when the range is only a few ulps wide); bin b is [edges[b], edges[b + 1]), the last bin also holds edges[bins] */
  edges: Float64Array;
  /** positive pairs (label 1) per bin */
  genuine: Float64Array;
  /** negative pairs (label 0) per bin */
  impostor: Float64Array;
  genuineTotal: number;
  impostorTotal: number;
  /** NaN / ±Infinity scores left out (the curve drops them too) */
  skipped: number;
}

/**
 * Histograms of the scores of positive ("genuine") and negative ("impostor")
 * pairs over the same `bins` equal-width bins spanning the finite scores
 * (min to max, max in the last bin). NaN and ±Infinity are skipped and
 * counted, as `prCurve` drops them. When every finite score is equal the
 * bins span [v − 0.5, v + 0.5]; with no finite score, [0, 1] and zero counts.
 * Counts are float64 (exact to 2^53). O(n), two passes, no sort.
 *
 * Contract: `scores.length === labels.length`; labels 0 or 1; `bins` a
 * positive integer. Reference: `numpy.histogram(scores[labels == y],
 * bins, range=(min, max))` for y = 1 and y = 0, with the range taken over
 * both classes together.
 */
export function scoreHistograms(scores: Float32Array | Float64Array, labels: Uint8Array, bins: number): ScoreHistograms {
  assert(scores.length === labels.length, `scoreHistograms: ${scores.length} scores but ${labels.length} labels`);
  assert(Number.isInteger(bins) && bins > 0, `scoreHistograms: bins = ${bins} is not a positive integer`);
  let lo = Infinity;
  let hi = -Infinity;
  let skipped = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!Number.isFinite(s)) {
      skipped++;
      continue;
    }
    if (s < lo) lo = s;
    if (s > hi) hi = s;
  }
  if (lo > hi) {
    lo = 0;
    hi = 1;
  } else if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = new Float64Array(bins + 1);
  // Scores near ±1.8e308 make hi − lo overflow to Infinity: then edges and bins are computed from halves, which cannot.
  const wide = !Number.isFinite(hi - lo);
  const width = (hi - lo) / bins;
  for (let b = 0; b <= bins; b++) edges[b] = wide ? 2 * (lo / 2 + (b / bins) * (hi / 2 - lo / 2)) : lo + b * width;
  edges[bins] = hi; // exact, whatever the rounding of lo + bins·width
  // A range of a few subnormals rounds lo + b·width out of order: keep the edges non-decreasing within [lo, hi].
  for (let b = 1; b <= bins; b++) edges[b] = Math.min(hi, Math.max(edges[b], edges[b - 1]));

  const genuine = new Float64Array(bins);
  const impostor = new Float64Array(bins);
  const scale = wide ? bins / (hi / 2 - lo / 2) : bins / (hi - lo);
  let genuineTotal = 0;
  let impostorTotal = 0;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!Number.isFinite(s)) continue;
    let b = Math.floor((wide ? s / 2 - lo / 2 : s - lo) * scale);
    if (b >= bins) b = bins - 1;
    else if (!(b >= 0)) b = 0; // also NaN: a range of a few subnormals makes scale infinite
    // The multiply can round across an edge: settle against the edges themselves, as numpy does.
    while (b > 0 && s < edges[b]) b--;
    while (b < bins - 1 && s >= edges[b + 1]) b++;
    const y = labels[i];
    if (y === 1) {
      genuine[b]++;
      genuineTotal++;
    } else if (y === 0) {
      impostor[b]++;
      impostorTotal++;
    } else {
      throw new Error(`scoreHistograms: label ${y} at index ${i}; labels must be 0 or 1`);
    }
  }
  return { edges, genuine, impostor, genuineTotal, impostorTotal, skipped };
}
