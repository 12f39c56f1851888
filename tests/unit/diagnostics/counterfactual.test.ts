import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateEmbeddings, type Evaluation } from '../../../src/metrics/evaluateEmbeddings';
import { pairCount, pairIndex } from '../../../src/metrics/pairs';
import { counterfactual } from '../../../src/diagnostics/counterfactual';
import type { Flag } from '../../../src/diagnostics/flags';
import { rng } from './world';

interface Case {
  name: string;
  metric: 'neg-sq-l2' | 'cosine';
  n_items: number;
  dim: number;
  class_count: number;
  embeddings: number[];
  classes: number[];
  flags: Flag[];
  scores: (number | null)[];
  kept_finite_pairs: number;
  nonfinite_pair_indices: number[];
  thresholds: number[];
  precision: number[];
  recall: number[];
  ap: number;
}

const fixture = JSON.parse(readFileSync(new URL('../../fixtures/diagnostics/counterfactual.json', import.meta.url), 'utf8')) as { sklearn_version: string; cases: Case[] };

describe('counterfactual(ev, classes, flags) against scikit-learn on the reduced, relabelled set', () => {
  it('uses fixtures from scikit-learn 1.2.1', () => {
    expect(fixture.sklearn_version).toBe('1.2.1');
    expect(fixture.cases.length).toBeGreaterThanOrEqual(3);
  });

  for (const c of fixture.cases) {
    it(`${c.name}: curve and AP equal precision_recall_curve / average_precision_score to 1e-12`, () => {
      const classes = Int32Array.from(c.classes);
      const ev = evaluateEmbeddings(Float32Array.from(c.embeddings), c.n_items, c.dim, classes, c.metric);
      // same inputs on both sides
      expect(Array.from(ev.scores, (v) => (Number.isFinite(v) ? v : null))).toEqual(c.scores);
      const cf = counterfactual(ev, classes, c.flags, c.class_count);
      expect(cf.curve.n).toBe(c.kept_finite_pairs);
      expect(Array.from(cf.curve.excludedIndices)).toEqual(c.nonfinite_pair_indices);
      expect(Array.from(cf.curve.thresholds)).toEqual(c.thresholds);
      expect(cf.curve.precision.length).toBe(c.precision.length);
      c.precision.forEach((p, k) => expect(Math.abs(cf.curve.precision[k] - p)).toBeLessThanOrEqual(1e-12));
      c.recall.forEach((r, k) => expect(Math.abs(cf.curve.recall[k] - r)).toBeLessThanOrEqual(1e-12));
      expect(Math.abs(cf.curve.ap - c.ap)).toBeLessThanOrEqual(1e-12);
      expect(cf.curve.ap).not.toBeCloseTo(ev.curve.ap, 6); // the flags do change the answer
    });
  }
});

/** A tiny evaluation: n images on a line, classes given. */
function lineEval(classes: number[]): Evaluation {
  const emb = Float32Array.from(classes.map((_, i) => i * 0.1));
  return evaluateEmbeddings(emb, classes.length, 1, Int32Array.from(classes), 'neg-sq-l2');
}

describe('counterfactual semantics', () => {
  const classes = Int32Array.from([0, 0, 1, 1, 2]);
  const ev = lineEval(Array.from(classes));

  it('with no flags returns the original curve and AP', () => {
    const cf = counterfactual(ev, classes, []);
    expect(cf.curve.ap).toBe(ev.curve.ap);
    expect(Array.from(cf.curve.thresholds)).toEqual(Array.from(ev.curve.thresholds));
    expect(cf.excludedPairs).toBe(0);
    expect(cf.changedLabels).toBe(0);
  });

  it('never modifies the evaluation, its arrays or the classes', () => {
    const before = { scores: ev.scores.slice(), labels: ev.labels.slice(), order: ev.order.slice(), ap: ev.curve.ap, classes: classes.slice() };
    counterfactual(ev, classes, [
      { kind: 'relabel-image', image: 4, toClass: 0 },
      { kind: 'label-error', i: 0, j: 1 },
      { kind: 'exclude-image', image: 2 },
      { kind: 'exclude-pair', i: 3, j: 0 },
    ]);
    expect(ev.scores).toEqual(before.scores);
    expect(ev.labels).toEqual(before.labels);
    expect(ev.order).toEqual(before.order);
    expect(ev.curve.ap).toBe(before.ap);
    expect(classes).toEqual(before.classes);
  });

  it('applies relabels before label errors, whatever the flag order, and flips a pair once however often it is flagged', () => {
    const p = pairIndex(0, 4, 5);
    const a = counterfactual(ev, classes, [
      { kind: 'label-error', i: 4, j: 0 },
      { kind: 'label-error', i: 0, j: 4 },
      { kind: 'relabel-image', image: 4, toClass: 0 },
    ]);
    // relabel makes (0,4) positive, the label error flips it back to negative
    expect(a.labels[p]).toBe(0);
    expect(a.labels[pairIndex(1, 4, 5)]).toBe(1);
  });

  it('lets a later relabel of the same image win', () => {
    const cf = counterfactual(ev, classes, [
      { kind: 'relabel-image', image: 4, toClass: 0 },
      { kind: 'relabel-image', image: 4, toClass: 1 },
    ]);
    expect(cf.classes[4]).toBe(1);
    expect(cf.labels[pairIndex(2, 4, 5)]).toBe(1);
    expect(cf.labels[pairIndex(0, 4, 5)]).toBe(0);
  });

  it('excluding an image drops exactly its n − 1 pairs, and the kept mask says which', () => {
    const cf = counterfactual(ev, classes, [{ kind: 'exclude-image', image: 2 }]);
    expect(cf.excludedPairs).toBe(4);
    expect(cf.curve.n).toBe(pairCount(5) - 4);
    for (const j of [0, 1, 3, 4]) expect(cf.kept[pairIndex(Math.min(2, j), Math.max(2, j), 5)]).toBe(0);
  });

  it('throws an error naming the bad flag and field', () => {
    expect(() => counterfactual(ev, classes, [{ kind: 'exclude-image', image: 0 }, { kind: 'exclude-pair', i: 1, j: 1 }])).toThrow('flags[1]: a pair needs two different images, got (1, 1)');
    expect(() => counterfactual(ev, classes, [{ kind: 'exclude-image', image: 5 }])).toThrow('flags[0].image: 5 is not an image index in 0..4');
    expect(() => counterfactual(ev, classes, [{ kind: 'relabel-image', image: 1, toClass: 3 }], 3)).toThrow('flags[0].toClass: 3 is not a class id in 0..2');
    expect(() => counterfactual(ev, classes, [{ kind: 'drop' } as unknown as Flag])).toThrow('flags[0].kind: "drop" is not one of');
  });

  it('throws when the classes do not describe the evaluated images', () => {
    expect(() => counterfactual(ev, Int32Array.from([0, 1]), [])).toThrow('classes has 2 entries for 5 images');
  });
});

describe('counterfactual at scale', () => {
  it('replays 500k pairs (1000 images) with 1,040 image, pair and label flags: every pair of an excluded image is left out (the speed is in npm run bench:metrics territory, not asserted here)', () => {
    const n = 1000;
    const dim = 8;
    const rand = rng(7);
    const emb = Float32Array.from({ length: n * dim }, () => rand() - 0.5);
    const classes = Int32Array.from({ length: n }, () => Math.floor(rand() * 20));
    const ev = evaluateEmbeddings(emb, n, dim, classes, 'neg-sq-l2');
    expect(ev.scores.length).toBe(499500);
    const flags: Flag[] = [];
    for (let k = 0; k < 20; k++) flags.push({ kind: 'exclude-image', image: k * 7 });
    for (let k = 0; k < 20; k++) flags.push({ kind: 'relabel-image', image: 500 + k, toClass: k % 20 });
    for (let k = 0; k < 1000; k++) flags.push({ kind: k % 2 ? 'label-error' : 'exclude-pair', i: k % n, j: (k * 13 + 1) % n === k % n ? (k + 1) % n : (k * 13 + 1) % n });
    const cf = counterfactual(ev, classes, flags);
    expect(cf.curve.n).toBe(499500 - cf.excludedPairs);
    expect(cf.excludedPairs).toBeGreaterThanOrEqual(20 * 999 - 190); // 20 excluded images (190 pairs among them counted once)
  });
});
