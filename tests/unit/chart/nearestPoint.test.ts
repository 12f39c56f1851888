import { describe, expect, it } from 'vitest';
import { nearestPoint } from '../../../src/chart/nearestPoint';

describe('nearestPoint(points, x, y, band)', () => {
  // x non-increasing with index, as recall in scikit-learn order
  const pts = { x: Float32Array.from([100, 80, 80, 80, 40, 0]), y: Float32Array.from([90, 10, 50, 70, 20, 0]) };
  it('picks the 2-D nearest among points within the band', () => {
    expect(nearestPoint(pts, 82, 48, 5)).toBe(2);
    expect(nearestPoint(pts, 79, 72, 5)).toBe(3);
  });
  it('falls back to the horizontally nearest point outside any band', () => {
    expect(nearestPoint(pts, 60, 0, 5)).toBe(4);
    expect(nearestPoint(pts, 150, 0, 5)).toBe(0);
    expect(nearestPoint(pts, -30, 0, 5)).toBe(5);
  });
  it('returns null for an empty curve', () => {
    expect(nearestPoint({ x: new Float32Array(0), y: new Float32Array(0) }, 1, 1, 5)).toBeNull();
  });
});
