import { describe, expect, it } from 'vitest';
import { listedCounterfactual } from '../../../src/diagnostics/listedCounterfactual';
import { nameHubs } from '../../../src/diagnostics/nameHubs';
import { evaluateScores } from '../../../src/metrics/evaluateScores';
import { prCurve } from '../../../src/metrics/prCurve';

// Items x=0, y=1, z=2; rows: (x,y) twice, (y,z), (x,z), (z,y) with a NaN score.
const table = {
  n: 3,
  scores: Float64Array.from([0.9, 0.7, 0.8, 0.4, NaN]),
  labels: Uint8Array.from([0, 1, 1, 0, 1]),
  pairA: Uint32Array.from([0, 0, 1, 0, 2]),
  pairB: Uint32Array.from([1, 1, 2, 2, 1]),
};

describe('listedCounterfactual(rows, flags): the curve of a scores table replayed with flags', () => {
  it('exclude-pair drops every row pairing the two names (either order) and equals prCurve of the kept rows', () => {
    const cf = listedCounterfactual(table, [{ kind: 'exclude-pair', i: 1, j: 0 }]);
    expect(cf.excludedPairs).toBe(2);
    expect(cf.curve.ap).toBe(prCurve(Float64Array.from([0.8, 0.4, NaN]), Uint8Array.from([1, 0, 1])).ap);
    expect(Array.from(cf.curve.excludedIndices)).toEqual([4]); // row index, as in the original curve
  });
  it('label-error flips the rows of that pair once, however often flagged', () => {
    const cf = listedCounterfactual(table, [
      { kind: 'label-error', i: 2, j: 1 },
      { kind: 'label-error', i: 1, j: 2 },
    ]);
    expect(Array.from(cf.labels)).toEqual([0, 1, 0, 0, 0]);
    expect(cf.changedLabels).toBe(2); // kept rows whose label changed; the NaN row counts too (kept, then left out of the curve by prCurve)
    expect(cf.curve.ap).toBe(prCurve(table.scores, Uint8Array.from([0, 1, 0, 0, 0])).ap);
  });
  it('exclude-image drops every row with that name', () => {
    const cf = listedCounterfactual(table, [{ kind: 'exclude-image', image: 0 }]);
    expect(Array.from(cf.kept)).toEqual([0, 0, 1, 0, 1]);
  });
  it('refuses relabel-image (a table has pair labels, no classes) naming the flag', () => {
    expect(() => listedCounterfactual(table, [{ kind: 'relabel-image', image: 0, toClass: 0 }])).toThrow(/flags\[0\]: relabel-image needs classes/);
  });
});

describe('nameHubs(ev): names in many of the top false positives', () => {
  it('finds the name that occurs in most confident negatives (hub rule of tagOptions: ≥ 3 and ≥ 5 × median)', () => {
    // item 0 is in 5 negatives scored above everything; 10 more negatives pair distinct items 10..29
    const a = [0, 0, 0, 0, 0, ...Array.from({ length: 10 }, (_, k) => 10 + k)];
    const b = [1, 2, 3, 4, 5, ...Array.from({ length: 10 }, (_, k) => 20 + k)];
    const ev = { ...evaluateScores(Float64Array.from(a, (_, k) => 15 - k), new Uint8Array(15)), n: 30, pairA: Uint32Array.from(a), pairB: Uint32Array.from(b) };
    const h = nameHubs(ev);
    expect(h.images[0]).toBe(0);
    expect(h.counts[0]).toBe(5);
    expect(h.isHub[0]).toBe(1);
    expect(h.hubCount).toBe(1);
    expect(h.topFalsePositives).toBe(15);
  });
});
