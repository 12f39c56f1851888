import { describe, expect, it } from 'vitest';
import { skippedPairsWarning } from '../../../src/components/skippedPairsNote';

describe('skippedPairsWarning(excluded, pairs of skipped images, skipped images)', () => {
  it('when every excluded pair uses a skipped image: says so, without "non-finite"', () => {
    expect(skippedPairsWarning(15, 15, 2)).toBe('15 pairs left out: they use the 2 skipped images (see above), which have no embedding.');
    expect(skippedPairsWarning(1, 1, 1)).toBe('1 pair left out: it uses the 1 skipped image (see above), which has no embedding.');
  });
  it('when other pairs scored NaN/±∞ too: gives both counts', () => {
    expect(skippedPairsWarning(1_020, 15, 2)).toBe(
      '1,020 pairs left out: 15 use the 2 skipped images (see above), which have no embedding; the other 1,005 scored NaN or ±∞ (an all-zero or non-finite embedding).',
    );
  });
});
