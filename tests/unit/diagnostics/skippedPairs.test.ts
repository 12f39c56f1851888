import { describe, expect, it } from 'vitest';
import { pairsUsingImages } from '../../../src/diagnostics/skippedPairs';

/** Every pair i < j of n images that uses an image in `skipped`, counted one by one. */
function bruteForce(n: number, skipped: number[]): number {
  const s = new Set(skipped);
  let c = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) if (s.has(i) || s.has(j)) c++;
  return c;
}

describe('pairsUsingImages(n, skipped, pairs?): pairs left out because an image has no embedding', () => {
  it('all pairs i < j: equals counting them one by one (incl. both images skipped, repeats, none)', () => {
    for (const [n, skipped] of [[36, [3, 17]], [10, [0]], [10, [9, 9, 2]], [5, []], [4, [0, 1, 2, 3]], [1, [0]]] as [number, number[]][]) {
      expect(pairsUsingImages(n, skipped)).toBe(bruteForce(n, skipped));
    }
  });
  it('the I4 images (9 images, the .heic and the truncated JPEG skipped): 15 of the 36 pairs', () => {
    expect(pairsUsingImages(9, [4, 8])).toBe(15);
  });
  it('listed pairs: only the listed ones that use a skipped image, a repeated pair counted each time', () => {
    const a = Uint32Array.from([0, 1, 2, 0, 3]);
    const b = Uint32Array.from([1, 2, 3, 1, 4]);
    expect(pairsUsingImages(5, [1], { a, b })).toBe(3);
    expect(pairsUsingImages(5, [4], { a, b })).toBe(1);
    expect(pairsUsingImages(5, [], { a, b })).toBe(0);
  });
  it('ignores indices outside the set', () => {
    expect(pairsUsingImages(3, [-1, 7])).toBe(0);
  });
});
