/**
 * Images whose embedding row cannot give a score: a row holding NaN or ±∞
 * scores NaN with every other image, and under cosine similarity an all-zero
 * row does too (0/0). Case P3: such pairs are excluded and counted by the
 * curve; this names the images behind them. Any other excluded pair scored
 * ±∞ from finite rows (its squared distance passed float32's range):
 * `largest` names the three rows with the largest norms for that message.
 * Skipped images (listed apart, their rows are NaN) are in none of the lists.
 *
 * Input: `embeddings` is n × dim, row-major.
 */
export function unscorableImages(
  embeddings: Float32Array,
  n: number,
  dim: number,
  metric: 'neg-sq-l2' | 'cosine',
  skipped: ReadonlySet<number> = new Set(),
): { zeroNorm: number[]; nonFinite: number[]; largest: number[] } {
  const zeroNorm: number[] = [];
  const nonFinite: number[] = [];
  const norms: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    if (skipped.has(i)) continue;
    let sq = 0;
    let finite = true;
    for (let d = i * dim, end = d + dim; d < end; d++) {
      const v = embeddings[d];
      if (!Number.isFinite(v)) {
        finite = false;
        break;
      }
      sq += v * v;
    }
    if (!finite) nonFinite.push(i);
    else if (metric === 'cosine' && sq === 0) zeroNorm.push(i);
    else norms.push([sq, i]);
  }
  // Finite rows score ±∞ only when −squared L2 passes float32's range: the largest rows are the ones to name then.
  const largest = norms.sort((a, b) => b[0] - a[0] || a[1] - b[1]).slice(0, 3).map(([, i]) => i);
  return { zeroNorm, nonFinite, largest };
}
