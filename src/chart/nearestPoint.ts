/** Screen coordinates of every curve point (same indexing as the curve arrays). */
export interface ScreenPoints {
  x: Float32Array;
  y: Float32Array;
}

const MAX_SCAN = 200_000;

/**
 * Index of the curve point nearest to (mx, my) among those within `band`
 * pixels horizontally, or the horizontally nearest one if none is.
 * Relies on x being non-increasing with the index (recall falls as the
 * threshold rises, scikit-learn order), so the band is found by bisection.
 */
export function nearestPoint(p: ScreenPoints, mx: number, my: number, band: number): number | null {
  const n = p.x.length;
  if (n === 0) return null;
  // first index with x ≤ mx + band, and first index with x < mx − band
  const lo = firstAtOrBelow(p.x, mx + band);
  const hi = firstAtOrBelow(p.x, mx - band - 1e-9);
  if (lo >= hi) {
    const a = Math.min(lo, n - 1);
    const b = Math.max(lo - 1, 0);
    return Math.abs(p.x[a] - mx) <= Math.abs(p.x[b] - mx) ? a : b;
  }
  const step = Math.max(1, Math.floor((hi - lo) / MAX_SCAN));
  let best = lo;
  let bestD = Infinity;
  for (let i = lo; i < hi; i += step) {
    const dx = p.x[i] - mx;
    const dy = p.y[i] - my;
    const dd = dx * dx + dy * dy;
    if (dd < bestD) {
      bestD = dd;
      best = i;
    }
  }
  return best;
}

/** First index whose x ≤ v (x non-increasing with the index); xs.length when none. */
export function firstAtOrBelow(xs: ArrayLike<number>, v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] <= v) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
