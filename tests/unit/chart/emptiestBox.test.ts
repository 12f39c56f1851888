import { describe, expect, it } from 'vitest';
import { crossings, emptiestBox } from '../../../src/chart/emptiestBox';

const size = { width: 200, height: 38 };

describe('emptiestBox(lines, size, width, height): the legend goes where the curves are not', () => {
  it('crossings counts segments through a box, including one that crosses it without a vertex inside', () => {
    expect(crossings({ x: [0, 100], y: [50, 50] }, 40, 40, 60, 60)).toBe(1);
    expect(crossings({ x: [0, 100], y: [10, 10] }, 40, 40, 60, 60)).toBe(0);
    expect(crossings({ x: [0, 50, 100], y: [0, 50, 0] }, 40, 40, 60, 60)).toBe(2);
    expect(crossings({ x: [NaN, 50], y: [0, 50] }, 40, 40, 60, 60)).toBe(0);
  });
  it('a PR curve that falls at high recall (through the lower right): the legend is not put on it', () => {
    // Precision ≈ 1 up to x = 600, then a steep fall to the bottom right (y grows downwards).
    const curve = { x: [0, 300, 600, 640, 660, 670, 684], y: [2, 5, 20, 120, 250, 330, 360] };
    expect(crossings(curve, 474, 326, 674, 364)).toBeGreaterThan(0); // the lower-right spot is on it
    const spot = emptiestBox([curve], size, 684, 398);
    expect(crossings(curve, spot.x, spot.y, spot.x + size.width, spot.y + size.height)).toBe(0);
    expect(spot.x).toBeLessThan(684 - size.width - 10); // not the lower-right default
  });
  it('nothing drawn: the lower-right corner', () => {
    expect(emptiestBox([], size, 684, 398)).toEqual({ x: 684 - 200 - 10, y: 398 - 38 - 10 - 24 });
  });
  it('every spot crossed: the one crossed least', () => {
    const zigzag = { x: Array.from({ length: 200 }, (_, k) => (k % 2) * 684), y: Array.from({ length: 200 }, (_, k) => k * 2) };
    const spot = emptiestBox([zigzag], size, 684, 398);
    expect(spot).toBeDefined();
  });
});
