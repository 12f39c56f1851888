import { describe, expect, it } from 'vitest';
import { indexAtRank } from '../../../src/state/derived';
import { prCurve } from '../../../src/metrics/prCurve';

describe('indexAtRank(curve, rank)', () => {
  // 6 pairs with a tie: ranks at the thresholds (high → low) are 1, 3, 4, 5, 6
  const c = prCurve(Float64Array.from([9, 8, 8, 7, 6, 5]), Uint8Array.from([1, 0, 1, 1, 0, 1]));
  const rankOf = (i: number) => c.tp[i] + c.fp[i];
  it('finds the point at exactly that depth of the ranking', () => {
    expect(rankOf(indexAtRank(c, 4))).toBe(4);
    expect(rankOf(indexAtRank(c, 1))).toBe(1);
  });
  it('inside a tied block, takes the threshold that includes the whole block', () => {
    expect(rankOf(indexAtRank(c, 2))).toBe(3);
  });
  it('clamps beyond the ends', () => {
    expect(indexAtRank(c, 100)).toBe(0);
    expect(rankOf(indexAtRank(c, 0))).toBe(1);
  });
});
