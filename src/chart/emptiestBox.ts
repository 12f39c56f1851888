/** A polyline in plot pixels. */
export interface Polyline {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

/**
 * Where to put a box of `size` (a legend) inside a `width` × `height` plot so
 * that the given polylines cross it least: each candidate spot (the plot's
 * corners and side middles, inset by a margin) is scored by how many polyline
 * segments pass through it (Liang–Barsky clipping), and the first spot with
 * the fewest wins — lower right first, then lower left, where a
 * precision-recall curve seldom goes. Returns the box's top-left corner.
 */
export function emptiestBox(lines: Polyline[], size: { width: number; height: number }, width: number, height: number, inset = 10): { x: number; y: number } {
  const left = inset;
  const right = Math.max(inset, width - size.width - inset);
  const top = inset;
  const bottom = Math.max(inset, height - size.height - inset - 24); // clear of the chance label's line at the bottom
  const middle = Math.max(inset, (height - size.height) / 2);
  const candidates = [
    { x: right, y: bottom },
    { x: left + 40, y: bottom },
    { x: right, y: middle },
    { x: left + 40, y: middle },
    { x: (width - size.width) / 2, y: bottom },
    { x: right, y: top },
  ];
  let best = candidates[0];
  let bestHits = Infinity;
  for (const c of candidates) {
    const hits = lines.reduce((n, l) => n + crossings(l, c.x, c.y, c.x + size.width, c.y + size.height), 0);
    if (hits < bestHits) {
      best = c;
      bestHits = hits;
      if (hits === 0) break;
    }
  }
  return best;
}

/** How many segments of `l` pass through the rectangle [x0, x1] × [y0, y1]. */
export function crossings(l: Polyline, x0: number, y0: number, x1: number, y1: number): number {
  let n = 0;
  for (let k = 1; k < l.x.length; k++) if (segmentHitsBox(l.x[k - 1], l.y[k - 1], l.x[k], l.y[k], x0, y0, x1, y1)) n++;
  return n;
}

/** Liang–Barsky: does the segment (ax, ay)–(bx, by) meet the rectangle? */
function segmentHitsBox(ax: number, ay: number, bx: number, by: number, x0: number, y0: number, x1: number, y1: number): boolean {
  if (!Number.isFinite(ax + ay + bx + by)) return false;
  const dx = bx - ax;
  const dy = by - ay;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, ax - x0],
    [dx, x1 - ax],
    [-dy, ay - y0],
    [dy, y1 - ay],
  ]) {
    if (p === 0) {
      if (q < 0) return false;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}
