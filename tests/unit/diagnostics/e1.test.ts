import { describe, expect, it } from 'vitest';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { pairIndex } from '../../../src/metrics/pairs';
import { diagnoseTopFalsePositives } from '../../../src/diagnostics/tagPairs';
import { counterfactual } from '../../../src/diagnostics/counterfactual';

// CASES.md E1. Images: 0 = A1, 1 = A2 (class A = 0), 2 = B1 (class B = 1), a byte copy of A1.
// 2-D embeddings: A1 = B1 = (1, 0), A2 = (0.5, 0.5): ‖A1 − A2‖² = 0.25 + 0.25 = 0.5.
const emb = Float32Array.from([1, 0, 0.5, 0.5, 1, 0]);
const classes = Int32Array.from([0, 0, 1]);
const hashes = ['sha256:a1', 'sha256:a2', 'sha256:a1'];
const ev = evaluateEmbeddings(emb, 3, 2, classes, 'neg-sq-l2');
const A1 = 0;
const A2 = 1;
const B1 = 2;

describe('case E1: a byte copy of A1 filed under class B', () => {
  it('scores the three pairs (A1,A2) +, (A1,B1) −, (A2,B1) − as −0.5, 0, −0.5 and never pairs an image with itself', () => {
    expect(Array.from(ev.scores)).toEqual([-0.5, 0, -0.5]);
    expect(Array.from(ev.labels)).toEqual([1, 0, 0]);
    expect(Object.is(ev.scores[pairIndex(A1, B1, 3)], 0)).toBe(true); // +0, not −0
  });

  it('gives thresholds [−0.5, 0], precision [1/3, 0, 1], recall [1, 0, 0], AP 1/3', () => {
    expect(Array.from(ev.curve.thresholds)).toEqual([-0.5, 0]);
    expect(ev.curve.precision[0]).toBeCloseTo(1 / 3, 15);
    expect(Array.from(ev.curve.precision.slice(1))).toEqual([0, 1]);
    expect(Array.from(ev.curve.recall)).toEqual([1, 0, 0]);
    expect(ev.curve.ap).toBeCloseTo(1 / 3, 15);
  });

  it('tags (A1,B1), the first false positive, as exact-duplicate (by content hash)', () => {
    const d = diagnoseTopFalsePositives({ evaluation: ev, embeddings: emb, dim: 2, classes, classNames: ['A', 'B'], contentHashes: hashes });
    expect(Array.from(d.context.top.pairs)).toEqual([pairIndex(A1, B1, 3), pairIndex(A2, B1, 3)]);
    expect(d.context.top.ranks[0]).toBe(1);
    expect(d.tags[0]).toEqual(['exact-duplicate']);
    expect(d.tags[1]).toEqual([]);
  });

  it('tags (A1,B1) as exact-duplicate from the identical embeddings alone, without hashes', () => {
    const d = diagnoseTopFalsePositives({ evaluation: ev, embeddings: emb, dim: 2, classes });
    expect(d.tags[0]).toEqual(['exact-duplicate']);
  });

  it('excluding the pair (A1,B1) leaves a tie at −0.5 → AP 0.5', () => {
    const cf = counterfactual(ev, classes, [{ kind: 'exclude-pair', i: B1, j: A1, tag: 'exact-duplicate' }]);
    expect(Array.from(cf.curve.thresholds)).toEqual([-0.5]);
    expect(Array.from(cf.curve.precision)).toEqual([0.5, 1]);
    expect(Array.from(cf.curve.recall)).toEqual([1, 0]);
    expect(cf.curve.ap).toBe(0.5);
    expect(cf.excludedPairs).toBe(1);
  });

  it('excluding image B1 leaves only (A1,A2) → AP 1.0', () => {
    const cf = counterfactual(ev, classes, [{ kind: 'exclude-image', image: B1 }]);
    expect(cf.curve.n).toBe(1);
    expect(cf.curve.ap).toBe(1);
    expect(Array.from(cf.kept)).toEqual([1, 0, 0]);
  });

  it('marking (A1,B1) as a label error makes it a true positive: 0 (+), then a tie at −0.5 (+, −) → AP ½·1 + ½·⅔ = 5/6', () => {
    const cf = counterfactual(ev, classes, [{ kind: 'label-error', i: A1, j: B1 }]);
    expect(Array.from(cf.labels)).toEqual([1, 1, 0]);
    expect(cf.curve.ap).toBeCloseTo(5 / 6, 15);
    expect(cf.changedLabels).toBe(1);
  });

  it('relabelling B1 to class A recomputes both of its pairs: (A1,B1) and (A2,B1) become positives → AP 1.0', () => {
    const cf = counterfactual(ev, classes, [{ kind: 'relabel-image', image: B1, toClass: 0 }]);
    expect(Array.from(cf.labels)).toEqual([1, 1, 1]);
    expect(cf.curve.ap).toBe(1);
    expect(Array.from(cf.classes)).toEqual([0, 0, 0]);
  });

  it('leaves the evaluation untouched', () => {
    counterfactual(ev, classes, [{ kind: 'exclude-image', image: B1 }, { kind: 'label-error', i: A1, j: A2 }]);
    expect(Array.from(ev.labels)).toEqual([1, 0, 0]);
    expect(ev.curve.ap).toBeCloseTo(1 / 3, 15);
    expect(Array.from(classes)).toEqual([0, 0, 1]);
  });
});
