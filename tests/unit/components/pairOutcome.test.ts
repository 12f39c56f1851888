import { describe, expect, it } from 'vitest';
import { OUTCOME_LABEL, pairOutcome } from '../../../src/components/pairOutcome';
import { listedHeading } from '../../../src/components/listedHeading';

describe('pairOutcome(label, predicted)', () => {
  it('a positive ranked below the threshold is a false negative, never a true positive', () => {
    expect(pairOutcome(1, true)).toBe('tp');
    expect(pairOutcome(1, false)).toBe('fn');
    expect(pairOutcome(0, true)).toBe('fp');
    expect(pairOutcome(0, false)).toBe('tn');
    expect(OUTCOME_LABEL.fn).toMatch(/^false negative/);
  });
});

describe('listedHeading(filter, count, stretch)', () => {
  it('agrees in number and says where false negatives are', () => {
    expect(listedHeading('fp', 1, 'the top 29 pairs')).toBe('1 false positive among the top 29 pairs');
    expect(listedHeading('tp', 3, 'ranks 10–20')).toBe('3 true positives among ranks 10–20');
    expect(listedHeading('fn', 2496, 'the top 1,870 pairs')).toBe('2,496 false negatives: positives ranked below the top 1,870 pairs');
    expect(listedHeading('all', 1871, 'the top 1,871 pairs')).toBe('Every pair of the top 1,871 pairs');
    expect(listedHeading('all', 1, 'the top pair')).toBe('The top pair');
  });
});
