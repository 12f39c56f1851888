import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { scoreHistograms } from '../../../src/diagnostics/histograms';

describe('scoreHistograms(scores, labels, bins)', () => {
  it('counts genuine (label 1) and impostor (label 0) scores over shared equal-width bins from min to max', () => {
    const scores = Float32Array.from([0, 1, 2, 3, 4, 4]);
    const labels = Uint8Array.from([0, 0, 1, 0, 1, 1]);
    const h = scoreHistograms(scores, labels, 4);
    expect(Array.from(h.edges)).toEqual([0, 1, 2, 3, 4]);
    // [0,1) [1,2) [2,3) [3,4]: the maximum falls in the last bin
    expect(Array.from(h.impostor)).toEqual([1, 1, 0, 1]);
    expect(Array.from(h.genuine)).toEqual([0, 0, 1, 2]);
    expect(h.genuineTotal).toBe(3);
    expect(h.impostorTotal).toBe(3);
    expect(h.skipped).toBe(0);
  });

  it('skips NaN and ±Infinity scores and counts them, leaving the range to the finite ones', () => {
    const scores = Float32Array.from([NaN, -1, Infinity, 1, -Infinity]);
    const labels = Uint8Array.from([1, 0, 1, 1, 0]);
    const h = scoreHistograms(scores, labels, 2);
    expect(h.skipped).toBe(3);
    expect(Array.from(h.edges)).toEqual([-1, 0, 1]);
    expect(Array.from(h.impostor)).toEqual([1, 0]);
    expect(Array.from(h.genuine)).toEqual([0, 1]);
  });

  it('spans [v − 0.5, v + 0.5] when every score is equal, and [0, 1] with zero counts when none is finite', () => {
    const same = scoreHistograms(Float64Array.from([-2, -2, -2]), Uint8Array.from([1, 0, 1]), 1);
    expect(Array.from(same.edges)).toEqual([-2.5, -1.5]);
    expect(Array.from(same.genuine)).toEqual([2]);
    expect(Array.from(same.impostor)).toEqual([1]);
    const none = scoreHistograms(Float32Array.from([NaN]), Uint8Array.from([1]), 3);
    expect(none.edges[0]).toBe(0);
    expect(none.edges[3]).toBe(1);
    expect(none.genuineTotal + none.impostorTotal).toBe(0);
    const empty = scoreHistograms(new Float32Array(0), new Uint8Array(0), 2);
    expect(Array.from(empty.genuine)).toEqual([0, 0]);
  });

  it('refuses mismatched lengths, a bad bin count and labels other than 0/1', () => {
    expect(() => scoreHistograms(new Float32Array(2), new Uint8Array(1), 2)).toThrow(/2 scores but 1 labels/);
    expect(() => scoreHistograms(new Float32Array(1), new Uint8Array(1), 0)).toThrow(/bins = 0/);
    expect(() => scoreHistograms(new Float32Array(1), new Uint8Array(1), 2.5)).toThrow(/bins = 2.5/);
    expect(() => scoreHistograms(Float32Array.from([0, 1]), Uint8Array.from([0, 2]), 2)).toThrow(/label 2 at index 1/);
  });

  it('puts every finite score in the bin whose edges hold it (numpy semantics), and the counts add up', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ s: fc.oneof(fc.double({ min: -50, max: 50, noNaN: true }), fc.constant(NaN)), y: fc.integer({ min: 0, max: 1 }) }), { maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        (rows, bins) => {
          const scores = Float64Array.from(rows.map((r) => r.s));
          const labels = Uint8Array.from(rows.map((r) => r.y));
          const h = scoreHistograms(scores, labels, bins);
          const want = { g: new Float64Array(bins), i: new Float64Array(bins) };
          for (let k = 0; k < scores.length; k++) {
            const s = scores[k];
            if (Number.isNaN(s)) continue;
            let b = 0;
            while (b < bins - 1 && s >= h.edges[b + 1]) b++;
            (labels[k] ? want.g : want.i)[b]++;
          }
          expect(Array.from(h.genuine)).toEqual(Array.from(want.g));
          expect(Array.from(h.impostor)).toEqual(Array.from(want.i));
          expect(h.genuineTotal + h.impostorTotal + h.skipped).toBe(rows.length);
          for (let b = 0; b < bins; b++) expect(h.edges[b + 1]).toBeGreaterThanOrEqual(h.edges[b]); // equal only when the range is a few ulps wide
        },
      ),
    );
  });

  it('bins 500k float32 scores (the demo\'s pair count): every score counted once, by its label', () => {
    const n = 500_000;
    const scores = new Float32Array(n);
    const labels = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      scores[i] = -Math.abs(Math.sin(i) * 4);
      labels[i] = i % 10 === 0 ? 1 : 0;
    }
    const h = scoreHistograms(scores, labels, 80);
    expect(h.genuineTotal).toBe(50_000);
    expect(h.impostorTotal).toBe(450_000);
    expect(h.genuine.reduce((a, b) => a + b, 0) + h.impostor.reduce((a, b) => a + b, 0)).toBe(n);
  });
});

describe('scoreHistograms on a range of a few subnormals', () => {
  it('keeps the edges non-decreasing and every score in a bin (fast-check counterexample [-5e-324, 1.5e-323], 6 bins)', () => {
    const h = scoreHistograms(Float64Array.of(-5e-324, 1.5e-323), Uint8Array.of(0, 0), 6);
    for (let b = 0; b < 6; b++) expect(h.edges[b + 1]).toBeGreaterThanOrEqual(h.edges[b]);
    expect([h.edges[0], h.edges[6]]).toEqual([-5e-324, 1.5e-323]);
    expect(h.impostor.reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe('scoreHistograms on scores near ±1.8e308 (hi − lo overflows)', () => {
  it('edges stay finite and ordered, and every score is counted in its bin', () => {
    const scores = Float64Array.from([-1.7e308, -1e308, 0, 1e308, 1.7e308]);
    const h = scoreHistograms(scores, Uint8Array.from([0, 0, 1, 1, 0]), 10);
    expect(Array.from(h.edges).every(Number.isFinite)).toBe(true);
    for (let b = 1; b < h.edges.length; b++) expect(h.edges[b]).toBeGreaterThan(h.edges[b - 1]);
    expect([h.edges[0], h.edges[10]]).toEqual([-1.7e308, 1.7e308]);
    expect(h.genuineTotal + h.impostorTotal).toBe(5);
    // Bins 3.4e307 wide from −1.7e308: −1e308 falls in bin 2, 0 in bin 5, 1e308 in bin 7, 1.7e308 in the last.
    expect(Array.from(h.impostor)).toEqual([1, 0, 1, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(h.genuine)).toEqual([0, 0, 0, 0, 0, 1, 0, 1, 0, 0]);
  });
});
