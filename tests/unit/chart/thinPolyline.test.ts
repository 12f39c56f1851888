import { describe, expect, it } from 'vitest';
import { thinPolyline } from '../../../src/chart/thinPolyline';

describe('thinPolyline(x, y, minPx)', () => {
  it('keeps both ends and the vertices at least minPx from the previous kept one', () => {
    const x = [0, 0.2, 0.4, 1.5, 1.6, 3, 3];
    const y = [0, 0, 0, 0, 0, 0, 0.1];
    expect(Array.from(thinPolyline(x, y, 1))).toEqual([0, 3, 5, 6]);
  });

  it('returns every index of a line of two or fewer points', () => {
    expect(Array.from(thinPolyline([5], [5], 1))).toEqual([0]);
    expect(Array.from(thinPolyline([], [], 1))).toEqual([]);
    expect(Array.from(thinPolyline([0, 0], [0, 0], 1))).toEqual([0, 1]);
  });

  it('keeps the corners of a staircase whose steps are wider than minPx', () => {
    // (0,0) → (0,10) → (10,10) → (10,20): vertical, horizontal, vertical
    const x = [0, 0, 0, 10, 10];
    const y = [0, 5, 10, 10, 20];
    expect(Array.from(thinPolyline(x, y, 6))).toEqual([0, 2, 3, 4]);
  });

  it('thins 500k sub-pixel steps to at most one vertex per pixel of travel', () => {
    const n = 500_000;
    const x = new Float64Array(n);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i] = (i / n) * 400;
      y[i] = Math.sqrt(i / n) * 300;
    }
    const kept = thinPolyline(x, y, 0.75);
    expect(kept.length).toBeLessThan(2 * (400 + 300) / 0.75);
    expect(kept[0]).toBe(0);
    expect(kept[kept.length - 1]).toBe(n - 1);
  });
});
