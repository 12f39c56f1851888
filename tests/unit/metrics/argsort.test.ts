import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { argsortDescending } from '../../../src/metrics';
import { HIGH_WORD, exactFloat32, keyToScore, scoreKey32, scoreKeyHi64, scoreKeyLo64, sortDescending } from '../../../src/metrics/argsort';

/** Reference: Array.prototype.sort (stable since ES2019), highest first, −0 == 0. */
function reference(scores: ArrayLike<number>): number[] {
  const idx = Array.from({ length: scores.length }, (_, i) => i);
  return idx.sort((a, b) => (scores[a] > scores[b] ? -1 : scores[a] < scores[b] ? 1 : 0));
}

const both = (xs: number[]) => [Float64Array.from(xs), Float32Array.from(xs)] as const;

describe('argsortDescending(scores) orders highest first, stable, like a stable reference sort', () => {
  test('equal scores keep their input order (stability)', () => {
    for (const s of both([1, 2, 1, 2, 1, 3, 2])) {
      expect(Array.from(argsortDescending(s))).toEqual([5, 1, 3, 6, 0, 2, 4]);
    }
  });

  test('−0 and +0 are one tie group, kept in input order', () => {
    for (const s of both([-0, 0, -1, -0, 1, 0])) {
      expect(Array.from(argsortDescending(s))).toEqual([4, 0, 1, 3, 5, 2]);
    }
  });

  test('negative numbers sort below positive ones and by magnitude', () => {
    for (const s of both([-3, -0.5, 2, -100, 0.25, -1e-30])) {
      expect(Array.from(argsortDescending(s))).toEqual(reference(s));
    }
  });

  test('±large values, ±Infinity, subnormals and float32 extremes', () => {
    const xs = [3.4028234663852886e38, -3.4028234663852886e38, Infinity, -Infinity, 1e-45, -1e-45, 1.1754943508222875e-38, 0, -0];
    for (const s of both(xs)) expect(Array.from(argsortDescending(s))).toEqual(reference(s));
    const big = Float64Array.from([1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 5e-324, -5e-324, 1, -1]);
    expect(Array.from(argsortDescending(big))).toEqual(reference(big));
  });

  test('float64 values that round to the same float32 are still told apart', () => {
    const s = Float64Array.from([1, 1 + 2 ** -40, 1 - 2 ** -50, 1, -(1 + 2 ** -45), -1]);
    expect(Array.from(argsortDescending(s))).toEqual([1, 0, 3, 2, 5, 4]);
  });

  test('empty and single-element input', () => {
    expect(argsortDescending(new Float64Array(0)).length).toBe(0);
    expect(Array.from(argsortDescending(Float32Array.of(7)))).toEqual([0]);
  });

  test('NaN is a caller error and throws', () => {
    expect(() => argsortDescending(Float32Array.of(1, NaN))).toThrow(/NaN/);
    expect(() => argsortDescending(Float64Array.of(NaN, 1))).toThrow(/NaN/);
    expect(() => argsortDescending(Float64Array.of(0.1, -NaN))).toThrow(/NaN/);
  });

  test('works on subarray views with a byte offset and does not modify the input', () => {
    const buf = Float64Array.from([9, 0.1, 3, 0.1, 7]);
    const view = buf.subarray(1, 4);
    expect(Array.from(argsortDescending(view))).toEqual([1, 0, 2]);
    const buf32 = Float32Array.from([9, 0.5, 3, -0, 7]);
    expect(Array.from(argsortDescending(buf32.subarray(2)))).toEqual([2, 0, 1]);
    expect(Object.is(buf32[3], -0)).toBe(true);
  });

  test('matches the reference sort on random inputs with many ties (fast-check)', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, 1, -1, 0.5, Infinity, -Infinity), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 200 }), (xs) => {
        const s64 = Float64Array.from(xs);
        expect(Array.from(argsortDescending(s64))).toEqual(reference(s64));
        const s32 = Float32Array.from(xs);
        expect(Array.from(argsortDescending(s32))).toEqual(reference(s32));
      }),
      { numRuns: 500 },
    );
  });

  test('sortDescending carries a payload and keyToScore decodes every sorted key back to its score', () => {
    const cases = [
      [Float32Array.from([0.5, -0, -3, Infinity, 0.5, -Infinity, 1e-45]), '32-bit keys'],
      [Float64Array.from([0.5, -0, -3, Infinity, 0.5, -Infinity, 2 ** -149]), '32-bit keys'], // all exact float32
      [Float64Array.from([0.1, -0, -0.3, Infinity, 0.1, -Infinity, 5e-324]), '64-bit keys'],
    ] as const;
    for (const [s, width] of cases) {
      const order = argsortDescending(s);
      const sorted = sortDescending(s, Uint32Array.from(s, (_, i) => 100 + i));
      expect(Array.from(sorted.payload)).toEqual(Array.from(order, (i) => 100 + i));
      const decoded = Array.from(sorted.hi, (h, k) => keyToScore(h, sorted.lo === null ? null : sorted.lo[k]));
      expect(decoded).toEqual(Array.from(order, (i) => (s[i] === 0 ? 0 : s[i])));
      expect(decoded.some((x) => Object.is(x, -0))).toBe(false);
      expect(sorted.lo === null ? '32-bit keys' : '64-bit keys').toBe(width);
    }
  });

  test('sorts 1 M float32 scores with ties: non-increasing and stable within ties', () => {
    const n = 1_000_000;
    const s = new Float32Array(n);
    let seed = 12345;
    for (let i = 0; i < n; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      s[i] = Math.round(((seed >>> 8) / 2 ** 24 - 0.5) * 2000) / 100; // ~2000 distinct values
    }
    const order = argsortDescending(s);
    const seen = new Uint8Array(n);
    for (let k = 0; k < n; k++) {
      seen[order[k]]++;
      if (k > 0) {
        const prev = s[order[k - 1]];
        const cur = s[order[k]];
        if (prev < cur || (prev === cur && order[k - 1] >= order[k])) throw new Error(`order broken at ${k}`);
      }
    }
    expect(seen.every((v) => v === 1)).toBe(true);
  });
});

describe('scoreKey32 / scoreKeyHi64+Lo64: the one score → key mapping shared by argsortDescending and cumulativeCounts', () => {
  const key32 = (x: number) => scoreKey32(new Uint32Array(Float32Array.of(x).buffer)[0]);
  const key64 = (x: number) => {
    const w = new Uint32Array(Float64Array.of(x).buffer);
    const h = w[HIGH_WORD];
    const l = w[1 - HIGH_WORD];
    return (BigInt(scoreKeyHi64(h, l)) << 32n) | BigInt(scoreKeyLo64(h, l));
  };
  const cmp = (x: number | bigint, y: number | bigint) => (x < y ? -1 : x > y ? 1 : 0);
  test('keys ascend exactly as scores descend, −0 and +0 share a key, and keyToScore inverts them (fast-check)', () => {
    const value = fc.oneof(fc.constantFrom(0, -0, Infinity, -Infinity, 1, -1), fc.double({ noNaN: true }));
    fc.assert(
      fc.property(value, value, (a, b) => {
        const [a32, b32] = [Math.fround(a), Math.fround(b)];
        expect(cmp(key32(b32), key32(a32))).toBe(cmp(a32, b32));
        expect(cmp(key64(b), key64(a))).toBe(cmp(a, b));
        expect(keyToScore(key32(a32), null)).toBe(a32 === 0 ? 0 : a32);
      }),
      { numRuns: 1000 },
    );
    expect(key32(-0)).toBe(key32(0));
    expect(key64(-0)).toBe(key64(0));
  });

  test('exactFloat32: float32 input as is, exact float64 as a float32 copy, otherwise null', () => {
    const f = Float32Array.of(1, 2);
    expect(exactFloat32(f)).toBe(f);
    expect(Array.from(exactFloat32(Float64Array.of(0.5, -0, Infinity))!)).toEqual([0.5, -0, Infinity]);
    expect(exactFloat32(Float64Array.of(0.1))).toBeNull();
    expect(exactFloat32(Float64Array.of(1, NaN))).toBeNull();
  });
});
