import { describe, expect, it } from 'vitest';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { listPairs, matchingRanks, pairAtRank } from '../../../src/diagnostics/listPairs';

// 4 images in 1-D: a0=0, a1=0.1 (class 0); b0=0.05, b1=5 (class 1)
const emb = Float32Array.from([0, 0.1, 0.05, 5]);
const ev = evaluateEmbeddings(emb, 4, 1, Int32Array.from([0, 0, 1, 1]), 'neg-sq-l2');

describe('listPairs(evaluation, uptoRank, filter, limit)', () => {
  it('lists the false positives ranked at or above the point, most confident first', () => {
    const { pairs, total } = listPairs(ev, 3, 'fp', 10);
    // ranking: (0,2) d²=.0025 FP, (1,2) d²=.0025 FP (tie, pair order), (0,1) d²=.01 TP
    expect(total).toBe(2);
    expect(pairs.map((p) => [p.i, p.j, p.rank])).toEqual([
      [0, 2, 1],
      [1, 2, 2],
    ]);
    expect(pairs.every((p) => p.label === 0)).toBe(true);
  });

  it("with 'all' includes the true positives, and never pairs an image with itself", () => {
    const { pairs, total } = listPairs(ev, 6, 'all', 10);
    expect(total).toBe(6);
    expect(pairs.every((p) => p.i < p.j)).toBe(true);
    expect(pairs[2]).toMatchObject({ i: 0, j: 1, label: 1, rank: 3 });
  });

  it('caps the list at limit but counts every match', () => {
    const { pairs, total } = listPairs(ev, 6, 'fp', 1);
    expect(pairs).toHaveLength(1);
    expect(total).toBe(4);
  });
});

describe("listPairs(…, order 'threshold')", () => {
  it('walks up from the selected threshold: the pairs it just let in come first', () => {
    const { pairs, total } = listPairs(ev, 4, 'all', 2, 'threshold');
    expect(total).toBe(4);
    expect(pairs.map((p) => p.rank)).toEqual([4, 3]);
  });
});

describe('matchingRanks(evaluation, fromRank, toRank, filter, order)', () => {
  // ranking (1-based): #1 (0,2) FP, #2 (1,2) FP, #3 (0,1) TP, then the pairs with the far image 3: #4 (1,3) FP d²=24.01, #5 (2,3) TP d²=24.5025, #6 (0,3) FP d²=25
  it("'tp' lists the true positives inside the stretch", () => {
    expect(Array.from(matchingRanks(ev, 0, 6, 'tp'))).toEqual([2, 4]);
  });
  it("'fn' lists the positives ranked below the stretch (missed at that threshold)", () => {
    expect(Array.from(matchingRanks(ev, 0, 3, 'fn'))).toEqual([4]);
    expect(Array.from(matchingRanks(ev, 0, 6, 'fn'))).toEqual([]);
  });
  it('a brushed stretch starts below the top', () => {
    expect(Array.from(matchingRanks(ev, 1, 3, 'all'))).toEqual([1, 2]);
    expect(Array.from(matchingRanks(ev, 1, 3, 'fp', 'threshold'))).toEqual([1]);
  });
  it('pairAtRank gives the pair, its score and its 1-based rank', () => {
    expect(pairAtRank(ev, 2)).toMatchObject({ i: 0, j: 1, rank: 3, label: 1 });
  });
});
