import type { PrCurve } from '../metrics/prCurve';
import type { EmbeddingStats } from './embeddingStats';
import type { TopFalsePositives } from './topFalsePositives';

/** Signs of collapsed embeddings, for the whole set and for the top false positives. */
export interface CollapseStats {
  /** Pairs sharing the most common finite score (0 when there are none). */
  largestTieBlock: number;
  /** That score (NaN when there are no finite scores; the highest one on equal blocks). */
  largestTieScore: number;
  /** Distinct finite scores / finite scores (1 = no ties at all; 0 when empty). */
  distinctScoreFraction: number;
  /** Among the top false positives: pairs sharing their most common score. */
  topLargestTieBlock: number;
  /** That score (NaN when there are no top false positives). */
  topLargestTieScore: number;
  /** Images whose embedding is near zero (see tagOptions.zeroNormRatio). */
  nearZeroNormCount: number;
  /** Images whose embedding is identical to at least one other image's. */
  identicalEmbeddingCount: number;
  /** Largest group of images sharing one identical embedding. */
  largestIdenticalGroup: number;
}

/**
 * Tie and degeneracy statistics. Tie blocks are read off the full curve
 * (pairs at threshold k = tp[k] + fp[k] − tp[k+1] − fp[k+1]), so O(distinct
 * scores), no pass over the pairs; the top false positives are already in
 * score order, so their ties are runs. Contract: `curve` is the full curve of
 * prCurve (not drop-intermediate); `top` comes from the same evaluation.
 */
export function collapseStats(curve: PrCurve, top: TopFalsePositives, stats: EmbeddingStats): CollapseStats {
  const m = curve.thresholds.length;
  let largestTieBlock = 0;
  let largestTieScore = NaN;
  for (let k = m - 1; k >= 0; k--) {
    const block = tieBlockAt(curve, k);
    if (block > largestTieBlock) {
      largestTieBlock = block;
      largestTieScore = curve.thresholds[k];
    }
  }
  let topLargestTieBlock = 0;
  let topLargestTieScore = NaN;
  const s = top.scores;
  for (let a = 0; a < s.length; ) {
    let b = a + 1;
    while (b < s.length && s[b] === s[a]) b++;
    if (b - a > topLargestTieBlock) {
      topLargestTieBlock = b - a;
      topLargestTieScore = s[a] === 0 ? 0 : s[a]; // report −0 as 0
    }
    a = b;
  }
  return {
    largestTieBlock,
    largestTieScore,
    distinctScoreFraction: curve.n > 0 ? m / curve.n : 0,
    topLargestTieBlock,
    topLargestTieScore,
    nearZeroNormCount: stats.nearZeroCount,
    identicalEmbeddingCount: stats.identicalCount,
    largestIdenticalGroup: stats.largestIdenticalGroup,
  };
}

/** Number of pairs whose score equals thresholds[k]. */
export function tieBlockAt(curve: PrCurve, k: number): number {
  const m = curve.thresholds.length;
  const here = curve.tp[k] + curve.fp[k];
  return k + 1 < m ? here - curve.tp[k + 1] - curve.fp[k + 1] : here;
}

/**
 * Number of finite-score pairs whose score equals `score` (0 when none or not
 * finite): binary search over the increasing thresholds, O(log distinct scores).
 */
export function tieBlockOf(curve: PrCurve, score: number): number {
  if (!Number.isFinite(score)) return 0;
  const t = curve.thresholds;
  let lo = 0;
  let hi = t.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (t[mid] < score) lo = mid + 1;
    else hi = mid;
  }
  return lo < t.length && t[lo] === score ? tieBlockAt(curve, lo) : 0;
}
