import { describe, expect, test } from 'vitest';
import { binaryLabelsColumn, classIdsColumn, embeddingsMatrix, scoresColumn } from '../../../src/cli/columns';
import { parseNpy } from '../../../src/cli/npy';
import { npyBytes } from './npyWriter';

describe('parseNpy(bytes, name) reads .npy v1/v2/v3 strictly', () => {
  test('float32 scores come back as a view on the file bytes (no copy), in every format version', () => {
    for (const version of [1, 2, 3] as const) {
      const file = npyBytes(Float32Array.from([0.5, -1, 2]), { version });
      const a = parseNpy(file, 's.npy');
      expect(a).toMatchObject({ dtype: 'f4', shape: [3], size: 3 });
      const s = scoresColumn(a, 's.npy');
      expect(Array.from(s)).toEqual([0.5, -1, 2]);
      expect(s.buffer).toBe(file.buffer);
    }
  });

  test('big-endian float64 is byte-swapped; 2-D float32 embeddings keep their shape', () => {
    const be = Float64Array.from([1.5, -2.25]);
    const bytes = new Uint8Array(be.buffer);
    for (let i = 0; i < bytes.length; i += 8) bytes.subarray(i, i + 8).reverse();
    expect(Array.from(scoresColumn(parseNpy(npyBytes(be, { descr: '>f8' }), 'b.npy'), 'b.npy'))).toEqual([1.5, -2.25]);
    const e = embeddingsMatrix(parseNpy(npyBytes(Float32Array.from([1, 2, 3, 4, 5, 6]), { shape: [3, 2] }), 'e.npy'), 'e.npy');
    expect(e).toMatchObject({ n: 3, dim: 2, rounded: false });
  });

  test('labels: bool, uint8, int8, int16, int32, uint32, int64 holding 0/1 are accepted; class ids keep their values', () => {
    const inputs = [
      npyBytes(Uint8Array.from([0, 1, 1]), { descr: '|b1' }),
      npyBytes(Uint8Array.from([0, 1, 1])),
      npyBytes(Int8Array.from([0, 1, 1])),
      npyBytes(Int16Array.from([0, 1, 1])),
      npyBytes(Int32Array.from([0, 1, 1])),
      npyBytes(Uint32Array.from([0, 1, 1])),
      npyBytes(BigInt64Array.from([0n, 1n, 1n])),
    ];
    for (const f of inputs) expect(Array.from(binaryLabelsColumn(parseNpy(f, 'l.npy'), 'l.npy'))).toEqual([0, 1, 1]);
    const ids = classIdsColumn(parseNpy(npyBytes(BigInt64Array.from([7n, -3n, 2n ** 31n - 1n])), 'c.npy'), 'c.npy');
    expect(Array.from(ids)).toEqual([7, -3, 2 ** 31 - 1]);
  });

  test('errors name the file and the fix', () => {
    const f32 = Float32Array.from([1, 2]);
    const cases: [Uint8Array, RegExp][] = [
      [new TextEncoder().encode('score,label\n1,0\n'), /x\.npy: is not a NumPy \.npy file .*; save the array with np\.save/],
      [npyBytes(f32).subarray(0, npyBytes(f32).length - 6), /x\.npy: holds 2 data bytes but shape \(2\) of <f4 needs 8: the file is truncated; re-save/],
      [npyBytes(f32, { descr: '<c8' }), /x\.npy: unsupported dtype '<c8'/],
      [npyBytes(f32, { headerText: "{'descr': [('a', '<f4')], 'fortran_order': False, 'shape': (2,), }" }), /structured/],
      [npyBytes(Float32Array.from([1, 2, 3, 4]), { shape: [2, 2], fortran: true }), /x\.npy: is stored in Fortran \(column-major\) order.*; in Python: np\.save\(path, np\.ascontiguousarray\(arr\)\)/],
    ];
    for (const [bytes, message] of cases) expect(() => parseNpy(bytes, 'x.npy')).toThrow(message);
    const parse = (b: Uint8Array) => parseNpy(b, 'x.npy');
    expect(() => scoresColumn(parse(npyBytes(Int32Array.from([1]))), 'x.npy')).toThrow(/scores must be float32 or float64, got dtype i4; save scores\.astype/);
    expect(() => scoresColumn(parse(npyBytes(new Float32Array(0))), 'x.npy')).toThrow(/x\.npy: empty array/);
    expect(() => scoresColumn(parse(npyBytes(Float32Array.from([1, 2]), { shape: [2, 1] })), 'x.npy')).toThrow(/1-D .*array\.ravel\(\)/);
    expect(() => binaryLabelsColumn(parse(npyBytes(Float64Array.from([0, 1]))), 'x.npy')).toThrow(/labels must be bool or integer, got dtype f8/);
    expect(() => binaryLabelsColumn(parse(npyBytes(Int8Array.from([0, -1]))), 'x.npy')).toThrow(/label -1 at index 1/);
    expect(() => classIdsColumn(parse(npyBytes(BigInt64Array.from([2n ** 40n]))), 'x.npy')).toThrow(/does not fit in int32/);
    expect(() => embeddingsMatrix(parse(npyBytes(Float32Array.from([1, 2]))), 'x.npy')).toThrow(/2-D array/);
  });

  test('what the shared reader adds is refused or read the same way: strings, bad bools, unknown versions, 1-D Fortran order', () => {
    const parse = (b: Uint8Array) => parseNpy(b, 'x.npy');
    expect(() => parse(npyBytes(Uint32Array.from([0x61, 0x62]), { descr: '<U1' }))).toThrow(/x\.npy: unsupported dtype '<U1' \(strings\); map class names to integer ids/);
    expect(() => parse(npyBytes(Uint8Array.from([0, 3]), { descr: '|b1' }))).toThrow(/x\.npy: is a bool array with the byte 3 at element 1/);
    const v4 = npyBytes(Float32Array.from([1]));
    v4[6] = 4;
    expect(() => parse(v4)).toThrow(/x\.npy: uses \.npy format version 4\.0/);
    expect(Array.from(scoresColumn(parse(npyBytes(Float32Array.from([1, 2]), { fortran: true })), 'x.npy'))).toEqual([1, 2]);
  });
});
