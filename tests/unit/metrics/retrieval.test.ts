import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { pairCount, pairIndex, pairScores, retrievalFromEmbeddings, retrievalMetrics } from '../../../src/metrics';

const i32 = (xs: number[]) => Int32Array.from(xs);

/** Straight from the definitions: full stable sort per query (score desc, index asc, non-finite last). */
function naive(scores: ArrayLike<number>, n: number, classes: number[], ks: number[]) {
  const score = (a: number, b: number) => {
    const s = scores[pairIndex(Math.min(a, b), Math.max(a, b), n)];
    return Number.isFinite(s) ? s : -Infinity;
  };
  let queries = 0;
  let p1 = 0;
  let rp = 0;
  let map = 0;
  const hits = ks.map(() => 0);
  for (let q = 0; q < n; q++) {
    const others = Array.from({ length: n }, (_, j) => j).filter((j) => j !== q);
    const r = others.filter((j) => classes[j] === classes[q]).length;
    if (r === 0) continue;
    queries++;
    others.sort((a, b) => score(q, b) - score(q, a) || a - b);
    const rel = others.map((j) => classes[j] === classes[q]);
    if (rel[0]) p1++;
    ks.forEach((k, s) => {
      if (rel.slice(0, k).some(Boolean)) hits[s]++;
    });
    let found = 0;
    let sum = 0;
    for (let t = 0; t < r; t++) {
      if (rel[t]) sum += ++found / (t + 1);
    }
    rp += found / r;
    map += sum / r;
  }
  const mean = (x: number) => (queries ? x / queries : 0);
  return { queries, precisionAt1: mean(p1), rPrecision: mean(rp), mapAtR: mean(map), recall: hits.map(mean) };
}

describe('retrievalMetrics: each item a query against all others, pytorch-metric-learning definitions', () => {
  test('hand-worked: 1-D embeddings [0, 1, 1.5, 4, 10], classes [0, 0, 1, 1, 0], score −(a − b)²', () => {
    // Rankings (✓ = same class): q0: 1✓ 2 3 4✓ | q1: 2 0✓ 3 4✓ | q2: 1 0 3✓ 4 | q3: 2✓ 1 0 4 | q4: 3 2 1✓ 0✓
    // R = 2 for class 0, 1 for class 1.
    const m = retrievalFromEmbeddings(Float32Array.from([0, 1, 1.5, 4, 10]), 5, 1, i32([0, 0, 1, 1, 0]), 'neg-sq-l2', { ks: [1, 2, 5, 10] });
    expect(m.queries).toBe(5);
    expect(m.loneQueries).toBe(0);
    expect(m.precisionAt1).toBeCloseTo(2 / 5, 15); // q0, q3
    expect(m.rPrecision).toBeCloseTo((0.5 + 0.5 + 0 + 1 + 0) / 5, 15);
    expect(m.mapAtR).toBeCloseTo((0.5 + 0.25 + 0 + 1 + 0) / 5, 15); // q1: (0 + 1/2)/2
    expect(m.recallAtK.map((r) => r.k)).toEqual([1, 2, 5, 10]);
    expect(m.recallAtK[0].value).toBeCloseTo(0.4, 15);
    expect(m.recallAtK[1].value).toBeCloseTo(0.6, 15); // q0, q1, q3
    expect(m.recallAtK[2].value).toBe(1); // K ≥ n − 1: every query has a match somewhere
    expect(m.recallAtK[3].value).toBe(1);
  });

  test('MAP@R rewards the order inside the top R: x = [0, 1, 2, 3, 4], classes [0, 0, 1, 0, 0] (R = 3) gives 37/72', () => {
    // q0: 1✓ 2✗ 3✓ → (1 + 2/3)/3 = 5/9 | q1: 0✓ 2✗ (tie at −1, lower index first) 3✓ → 5/9
    // q2: lone | q3: 2✗ 4✓ (tie) 1✓ → (1/2 + 2/3)/3 = 7/18 | q4: 3✓ 2✗ 1✓ → 5/9
    const m = retrievalFromEmbeddings(Float32Array.from([0, 1, 2, 3, 4]), 5, 1, i32([0, 0, 1, 0, 0]), 'neg-sq-l2', { ks: [1] });
    expect(m.queries).toBe(4);
    expect(m.mapAtR).toBeCloseTo(37 / 72, 15);
    expect(m.rPrecision).toBeCloseTo(2 / 3, 15);
    expect(m.precisionAt1).toBe(0.75);
  });

  test('ties are broken by item index, and lone queries (the only item of their class) are left out', () => {
    // Identical embeddings: every score is 0. Item 1 is alone in class 1.
    const m = retrievalFromEmbeddings(new Float32Array(3), 3, 1, i32([0, 1, 0]), 'neg-sq-l2');
    expect(m.queries).toBe(2);
    expect(m.loneQueries).toBe(1);
    // q0 ranks 1 (wrong) before 2; q2 ranks 0 (right) first.
    expect(m.precisionAt1).toBe(0.5);
    expect(m.rPrecision).toBe(0.5);
    expect(m.mapAtR).toBe(0.5);
  });

  test('every class of size 1: no queries, every metric 0 (never NaN)', () => {
    const m = retrievalFromEmbeddings(Float32Array.from([0, 1, 2]), 3, 1, i32([0, 1, 2]), 'neg-sq-l2');
    expect(m).toMatchObject({ queries: 0, loneQueries: 3, precisionAt1: 0, rPrecision: 0, mapAtR: 0 });
    expect(m.recallAtK.every((r) => r.value === 0)).toBe(true);
  });

  test('a zero embedding under cosine gives NaN pairs: counted and ranked last', () => {
    const emb = Float32Array.from([1, 0, 0.9, 0.1, 0, 0, 0, 1]);
    const m = retrievalFromEmbeddings(emb, 4, 2, i32([0, 0, 0, 1]), 'cosine');
    expect(m.nonFiniteScores).toBe(3);
    // q0: 1✓ (0.99), 3✗ (0), 2✓ (NaN, last) → P@1 1, R = 2 → R-precision 1/2.
    const ref = naive(pairScores(emb, 4, 2, 'cosine'), 4, [0, 0, 0, 1], [1, 5, 10]);
    expect(m.precisionAt1).toBeCloseTo(ref.precisionAt1, 15);
    expect(m.rPrecision).toBeCloseTo(ref.rPrecision, 15);
    expect(m.mapAtR).toBeCloseTo(ref.mapAtR, 15);
  });

  test('rejects mismatched inputs', () => {
    expect(() => retrievalMetrics(new Float32Array(2), 3, i32([0, 0, 0]))).toThrow(/3 items need 3/);
    expect(() => retrievalMetrics(new Float32Array(3), 3, i32([0, 0]))).toThrow(/class ids/);
    expect(() => retrievalMetrics(new Float32Array(3), 3, i32([0, 0, 0]), { ks: [0] })).toThrow(/K = 0/);
  });

  test('agrees with a full-sort reference on random small inputs with heavy ties (fast-check)', () => {
    const input = fc.integer({ min: 0, max: 14 }).chain((n) =>
      fc.record({
        n: fc.constant(n),
        scores: fc.array(fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constant(NaN)), { minLength: pairCount(n), maxLength: pairCount(n) }),
        classes: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
      }),
    );
    fc.assert(
      fc.property(input, ({ n, scores, classes }) => {
        const ks = [1, 2, 5];
        const m = retrievalMetrics(Float64Array.from(scores), n, i32(classes), { ks });
        const ref = naive(scores, n, classes, ks);
        expect(m.queries).toBe(ref.queries);
        expect(m.precisionAt1).toBeCloseTo(ref.precisionAt1, 12);
        expect(m.rPrecision).toBeCloseTo(ref.rPrecision, 12);
        expect(m.mapAtR).toBeCloseTo(ref.mapAtR, 12);
        m.recallAtK.forEach((r, s) => expect(r.value).toBeCloseTo(ref.recall[s], 12));
      }),
      { numRuns: 300 },
    );
  });
});
