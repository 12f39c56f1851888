import { describe, expect, it } from 'vitest';
import { evaluateListedPairs } from '../../../src/metrics/listedPairs';
import { prCurve } from '../../../src/metrics/prCurve';
import { counterfactual } from '../../../src/diagnostics/counterfactual';
import { listPairs } from '../../../src/diagnostics/listPairs';
import { diagnoseTopFalsePositives } from '../../../src/diagnostics/tagPairs';
import type { Flag } from '../../../src/diagnostics/flags';

// 6 images, 2-d embeddings; a list of 7 pairs (pair (0,1) listed twice, both directions).
const emb = Float32Array.from([0, 0, 0.1, 0, 3, 3, 3.1, 3, 0.05, 0.05, 9, 9]);
const n = 6;
const a = Uint32Array.from([0, 1, 2, 4, 0, 3, 5]);
const b = Uint32Array.from([1, 0, 3, 0, 2, 4, 2]);
const labels = Uint8Array.from([1, 1, 1, 0, 0, 0, 1]);
const classes = Int32Array.from([0, 0, 1, 1, 2, 3]);
const ev = evaluateListedPairs(emb, n, 2, a, b, labels, 'neg-sq-l2');

/** The reference: prCurve (= scikit-learn, see sklearnFixtures) over the kept list entries with their new labels. */
function reference(keep: number[], y: Uint8Array = labels) {
  return prCurve(Float32Array.from(keep, (k) => ev.scores[k]), Uint8Array.from(keep, (k) => y[k]));
}

describe('diagnostics over a pair list (pairs as listed, not every i < j)', () => {
  it('listPairs names the listed images of each ranked pair, in list direction; only listed pairs appear', () => {
    const { pairs, total } = listPairs(ev, ev.order.length, 'all', 100);
    expect(total).toBe(7);
    for (const p of pairs) expect([p.i, p.j]).toEqual([a[p.pair], b[p.pair]]);
    expect(pairs[0].score).toBeGreaterThanOrEqual(pairs[6].score);
  });

  it('exclude-pair drops every listed copy of that pair (either order) and equals the curve of the reduced list', () => {
    const cf = counterfactual(ev, classes, [{ kind: 'exclude-pair', i: 1, j: 0 }]);
    expect(cf.excludedPairs).toBe(2);
    const ref = reference([2, 3, 4, 5, 6]);
    expect(cf.curve.ap).toBeCloseTo(ref.ap, 12);
    expect(Array.from(cf.curve.thresholds)).toEqual(Array.from(ref.thresholds));
  });

  it('exclude-image drops only the listed pairs that hold the image', () => {
    const cf = counterfactual(ev, classes, [{ kind: 'exclude-image', image: 4 }]);
    expect(cf.excludedPairs).toBe(2);
    expect(cf.curve.ap).toBeCloseTo(reference([0, 1, 2, 4, 6]).ap, 12);
  });

  it('label-error flips the listed label of that pair (every copy, once)', () => {
    const flags: Flag[] = [
      { kind: 'label-error', i: 0, j: 4 },
      { kind: 'label-error', i: 4, j: 0 },
    ];
    const cf = counterfactual(ev, classes, flags.slice(0, 1));
    const flipped = labels.slice();
    flipped[3] = 1;
    expect(cf.changedLabels).toBe(1);
    expect(cf.curve.ap).toBeCloseTo(reference([0, 1, 2, 3, 4, 5, 6], flipped).ap, 12);
    expect(counterfactual(ev, classes, flags).changedLabels).toBe(1);
  });

  it('a pair flag on two images that are not a listed pair is refused, naming the flag (never silently ignored)', () => {
    expect(() => counterfactual(ev, classes, [{ kind: 'exclude-pair', i: 1, j: 5 }])).toThrow(/flags\[0\]: images 1 and 5 are not a pair of the evaluated pair list/);
  });

  it('relabel-image recomputes the labels of the listed pairs of that image from the classes', () => {
    const cf = counterfactual(ev, classes, [{ kind: 'relabel-image', image: 4, toClass: 0 }]);
    expect(cf.labels[3]).toBe(1); // (4, 0): both class 0 now
    expect(cf.labels[5]).toBe(0); // (3, 4): classes 1 and 0
  });

  it('tags with classPairs false: no class consistency check (a negative may share a folder), no class confusion, never confused-class-pair', () => {
    const d = diagnoseTopFalsePositives({ evaluation: ev, embeddings: emb, dim: 2, classes: new Int32Array(n), classNames: ['unknown'], classPairs: false }, { confusedMinCount: 1 });
    expect(d.context.confusion.classCount).toBe(0);
    expect(d.context.confusion.entries).toEqual([]);
    expect(d.context.top.pairs.length).toBe(3);
    expect(d.tagCounts['confused-class-pair']).toBe(0);
    for (let t = 0; t < d.context.top.pairs.length; t++) expect([d.context.top.imageA[t], d.context.top.imageB[t]]).toEqual([a[d.context.top.pairs[t]], b[d.context.top.pairs[t]]]);
  });
});
