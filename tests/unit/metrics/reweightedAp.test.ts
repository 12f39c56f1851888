import { describe, expect, it } from 'vitest';
import { reweightedAp } from '../../../src/metrics/reweightedAp';
import { prCurve } from '../../../src/metrics/prCurve';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { evaluateListedPairs } from '../../../src/metrics/listedPairs';
import { classFolderPairs } from '../../../src/io/classPairs';
import { seededRandom } from '../../../src/io/seededRandom';

describe('reweightedAp(curve, weight)', () => {
  it('weight 1 gives the curve AP (P1: ties at the top, AP 0.3667)', () => {
    const c = prCurve(Float32Array.from([0.8, 0.8, 0.8, 0.2, 0.2]), Uint8Array.from([0, 0, 1, 1, 0]));
    expect(reweightedAp(c, 1)).toBeCloseTo(c.ap, 12);
  });

  it('counting each negative w times equals the AP of the list with every negative repeated w times', () => {
    const s = Float32Array.from([0.9, 0.7, 0.6, 0.5, 0.4, 0.3]);
    const y = Uint8Array.from([1, 0, 1, 0, 1, 0]);
    const rep = { s: [] as number[], y: [] as number[] };
    s.forEach((v, k) => {
      for (let t = 0; t < (y[k] ? 1 : 3); t++) {
        rep.s.push(v);
        rep.y.push(y[k]);
      }
    });
    expect(reweightedAp(prCurve(s, y), 3)).toBeCloseTo(prCurve(Float32Array.from(rep.s), Uint8Array.from(rep.y)).ap, 12);
  });

  it('from a 10:1 negative sample of 600 images, the reweighted AP estimates the all-pairs AP within 0.02 (the sample AP itself is far off)', () => {
    const n = 600;
    const d = 8;
    const rnd = seededRandom(3);
    const classes = Int32Array.from({ length: n }, (_, i) => i % 30);
    const centres = Float32Array.from({ length: 30 * d }, () => rnd() * 2 - 1);
    const emb = Float32Array.from({ length: n * d }, (_, k) => centres[classes[Math.floor(k / d)] * d + (k % d)] + (rnd() - 0.5) * 1.6);
    const full = evaluateEmbeddings(emb, n, d, classes, 'neg-sq-l2');
    const p = classFolderPairs(classes, { limit: 0, negativeRatio: 10, seed: 1 });
    const sample = evaluateListedPairs(emb, n, d, p.a, p.b, p.label, 'neg-sq-l2');
    const w = p.counts.allNegatives / p.counts.negatives;
    expect(Math.abs(sample.curve.ap - full.curve.ap)).toBeGreaterThan(0.05);
    expect(Math.abs(reweightedAp(sample.curve, w) - full.curve.ap)).toBeLessThan(0.02);
  });
});

describe('AP never leaves [0, 1]', () => {
  // 9 positives, no negatives: recall steps k/9 sum to 1.0000000000000002 in float64.
  const P = 9;
  const noisy = {
    positives: P,
    tp: Float64Array.from({ length: P }, (_, k) => P - k),
    fp: new Float64Array(P),
    recall: Float64Array.from({ length: P + 1 }, (_, k) => (P - k) / P),
  };

  it('reweightedAp(curve, weight) clamps float noise above 1 to exactly 1 (a sample with no negatives)', () => {
    let raw = 0;
    for (let k = 0; k < P; k++) raw += noisy.recall[k] - noisy.recall[k + 1];
    expect(raw).toBeGreaterThan(1); // the noise this guards against
    expect(reweightedAp(noisy, 1)).toBe(1);
    expect(reweightedAp(noisy, 1e9)).toBe(1);
  });

  it('prCurve(scores, labels).ap is at most 1 for many positives and no negatives', () => {
    for (const n of [3, 7, 9, 10, 49, 1000, 12345]) {
      const c = prCurve(Float64Array.from({ length: n }, (_, k) => k / n), new Uint8Array(n).fill(1));
      expect(c.ap).toBeLessThanOrEqual(1);
      expect(c.ap).toBeCloseTo(1, 12);
    }
  });
});
