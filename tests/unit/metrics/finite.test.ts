import { describe, expect, test } from 'vitest';
import { splitFinite } from '../../../src/metrics';

describe('splitFinite(scores, labels) drops NaN/±Infinity, reports them and normalises −0', () => {
  test('removes NaN and ±Infinity with their labels and names their original indices', () => {
    const s = Float64Array.from([0.5, NaN, -Infinity, 0.25, Infinity, -0]);
    const y = Uint8Array.from([1, 0, 1, 0, 1, 1]);
    const r = splitFinite(s, y);
    expect(r.scores).toBeInstanceOf(Float64Array);
    expect(Array.from(r.scores)).toEqual([0.5, 0.25, 0]);
    expect(Object.is(r.scores[2], 0)).toBe(true);
    expect(Array.from(r.labels)).toEqual([1, 0, 1]);
    expect(Array.from(r.keptIndex!)).toEqual([0, 3, 5]);
    expect(Array.from(r.excludedIndices)).toEqual([1, 2, 4]);
    expect(Object.is(s[5], -0)).toBe(true); // input untouched
  });

  test('keeps the input array type (Float32Array in, Float32Array out)', () => {
    const r = splitFinite(Float32Array.from([1, NaN, 2]), Uint8Array.from([0, 1, 0]));
    expect(r.scores).toBeInstanceOf(Float32Array);
    expect(Array.from(r.scores)).toEqual([1, 2]);
  });

  test('nothing to remove: keptIndex is null and the input arrays are returned as they are', () => {
    const s = Float32Array.from([3, 1, 2]);
    const y = Uint8Array.from([1, 0, 1]);
    const r = splitFinite(s, y);
    expect(r.keptIndex).toBeNull();
    expect(r.scores).toBe(s);
    expect(r.labels).toBe(y);
    expect(r.excludedIndices.length).toBe(0);
  });

  test('only −0 to fix: a normalised copy, keptIndex still null, input untouched', () => {
    const s = Float64Array.from([-0, 1, -0]);
    const r = splitFinite(s, Uint8Array.from([1, 0, 0]));
    expect(r.keptIndex).toBeNull();
    expect(r.scores).not.toBe(s);
    expect(Array.from(r.scores).every((x) => !Object.is(x, -0))).toBe(true);
    expect(Object.is(s[0], -0)).toBe(true);
  });

  test('everything non-finite leaves empty arrays', () => {
    const r = splitFinite(Float64Array.from([NaN, NaN]), Uint8Array.from([1, 0]));
    expect(r.scores.length).toBe(0);
    expect(r.labels.length).toBe(0);
    expect(Array.from(r.excludedIndices)).toEqual([0, 1]);
  });

  test('mismatched lengths throw', () => {
    expect(() => splitFinite(Float64Array.from([1, 2]), Uint8Array.from([1]))).toThrow(/2 scores but 1 labels/);
  });
});
