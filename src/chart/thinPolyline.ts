/**
 * Indices (increasing) of the vertices of a polyline worth drawing at screen
 * resolution: the first and the last, and every vertex that is at least
 * `minPx` pixels (in x or in y) from the previous kept one. The drawn line
 * stays within `minPx` of the full one, so a 500k-point ROC curve draws as a
 * few thousand vertices with no visible change. O(n).
 *
 * Contract: `x.length === y.length`; coordinates in pixels, finite; minPx ≥ 0.
 */
export function thinPolyline(x: ArrayLike<number>, y: ArrayLike<number>, minPx: number): Uint32Array {
  const n = x.length;
  if (n <= 2) return Uint32Array.from({ length: n }, (_, i) => i);
  const keep: number[] = [0];
  let lx = x[0];
  let ly = y[0];
  for (let i = 1; i < n - 1; i++) {
    if (Math.abs(x[i] - lx) >= minPx || Math.abs(y[i] - ly) >= minPx) {
      keep.push(i);
      lx = x[i];
      ly = y[i];
    }
  }
  keep.push(n - 1);
  return Uint32Array.from(keep);
}
