import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { evaluateListedPairs } from '../../../src/metrics/listedPairs';
import { evaluateRequest } from '../../../src/workers/metricsCompute';
import { expectAllClose, fixtureScores, type MetricFixture } from './fixtures';

type ListedFixture = MetricFixture & { pair_a: number[]; pair_b: number[] };
const DIR = fileURLToPath(new URL('../../fixtures/metrics/listed/', import.meta.url));
const fixtures = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => JSON.parse(readFileSync(DIR + f, 'utf8')) as ListedFixture);

describe('evaluateListedPairs matches scikit-learn 1.2 on a listed-pair fixture (scripts/make-metric-fixtures.py)', () => {
  test('both fixtures (neg-sq-l2 and cosine with a zero row) are there and come from scikit-learn 1.2', () => {
    expect(fixtures.map((f) => f.name)).toEqual(['listed_cosine', 'listed_neg_sq_l2']);
    for (const f of fixtures) expect(f.sklearn_version).toMatch(/^1\.2\./);
  });

  test.each(fixtures.map((f) => [f.name, f] as const))(
    'scores equal the fixture bit for bit, the curve and AP equal precision_recall_curve / average_precision_score to 1e-9 over the finite listed pairs, labels as listed: %s',
    (_name, f) => {
      const r = evaluateListedPairs(Float32Array.from(f.embeddings!), f.n_items!, f.dim!, Uint32Array.from(f.pair_a), Uint32Array.from(f.pair_b), Uint8Array.from(f.labels), f.metric!);
      const expected = fixtureScores(f);
      for (let k = 0; k < expected.length; k++) {
        if (!Object.is(r.scores[k], expected[k]) && !(Number.isNaN(r.scores[k]) && Number.isNaN(expected[k]))) throw new Error(`pair ${k}: got ${r.scores[k]}, expected ${expected[k]}`);
      }
      expectAllClose(r.curve.thresholds, f.thresholds, 1e-9, 'thresholds');
      expectAllClose(r.curve.precision, f.precision, 1e-9, 'precision');
      expectAllClose(r.curve.recall, f.recall, 1e-9, 'recall');
      expect(Math.abs(r.curve.ap - f.ap)).toBeLessThanOrEqual(1e-9);
      expect(Array.from(r.curve.excludedIndices)).toEqual(f.excluded_indices);
      expect(r.order.length).toBe(f.labels.length - f.excluded_indices!.length);
    },
  );

  test.each(fixtures.map((f) => [f.name, f] as const))("the metrics worker's evaluate request with `pairs` gives the same evaluation: %s", (_name, f) => {
    const ev = evaluateRequest({
      embeddings: Float32Array.from(f.embeddings!),
      n: f.n_items!,
      dim: f.dim!,
      classes: Int32Array.from(f.classes!),
      metric: f.metric!,
      pairs: { a: Uint32Array.from(f.pair_a), b: Uint32Array.from(f.pair_b), labels: Uint8Array.from(f.labels) },
    });
    expect(Math.abs(ev.curve.ap - f.ap)).toBeLessThanOrEqual(1e-9);
    expect(ev.scores.length).toBe(f.pair_a.length);
  });
});
