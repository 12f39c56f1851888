import { describe, expect, it } from 'vitest';
import { readNpy } from '../../../src/io/npy';
import { InputError } from '../../../src/io/inputIssue';
import { ioFixture } from './fixture';
import { npyBytes } from '../cli/npyWriter';

const EMB = [1, 0, 0.5, 0, 1, -0.5, 0.25, 0.25, 2, -1, 3.5, 0];

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return e as InputError;
  }
  throw new Error('expected an InputError');
}

describe('readNpy(bytes, file) on files written by numpy', () => {
  it('reads a v1 little-endian float32 [4, 3] array as Float32Array in C order', () => {
    const a = readNpy(ioFixture('emb-f4.npy'), 'emb-f4.npy');
    expect(a.dtype).toBe('<f4');
    expect(a.shape).toEqual([4, 3]);
    expect(a.data).toBeInstanceOf(Float32Array);
    expect(Array.from(a.data as Float32Array)).toEqual(EMB);
  });
  it('reads v2 and v3 headers the same way', () => {
    for (const f of ['emb-f4-v2.npy', 'emb-f4-v3.npy']) {
      expect(Array.from(readNpy(ioFixture(f), f).data as Float32Array)).toEqual(EMB);
    }
  });
  it('reads big-endian float64 into a Float64Array', () => {
    const a = readNpy(ioFixture('emb-f8-be.npy'), 'x.npy');
    expect(a.dtype).toBe('>f8');
    expect(a.data).toBeInstanceOf(Float64Array);
    expect(Array.from(a.data as Float64Array)).toEqual(EMB);
  });
  it('reads int32, big-endian int64 (as safe numbers), uint8 and bool', () => {
    expect(Array.from(readNpy(ioFixture('labels-i4.npy'), 'l').data as Int32Array)).toEqual([0, 0, 1, 1]);
    const i8 = readNpy(ioFixture('labels-i8-be.npy'), 'l');
    expect(i8.data).toBeInstanceOf(Float64Array);
    expect(Array.from(i8.data as Float64Array)).toEqual([7, 7, -2, 2 ** 40]);
    expect(Array.from(readNpy(ioFixture('labels-u1.npy'), 'l').data as Uint8Array)).toEqual([3, 0, 255]);
    expect(Array.from(readNpy(ioFixture('labels-b1.npy'), 'l').data as Uint8Array)).toEqual([1, 0, 1]);
  });
  it('reads unicode and byte-string arrays (label files) as string[]', () => {
    expect(readNpy(ioFixture('labels-str.npy'), 'l').data).toEqual(['cat', 'cat', 'dög', 'dog']);
    expect(readNpy(ioFixture('labels-bytes.npy'), 'l').data).toEqual(['a', 'bc']);
  });
  it('accepts a Uint8Array at an odd byte offset (copies instead of misreading)', () => {
    const raw = ioFixture('emb-f4.npy');
    const padded = new Uint8Array(raw.length + 1);
    padded.set(raw, 1);
    expect(Array.from(readNpy(padded.subarray(1), 'x').data as Float32Array)).toEqual(EMB);
  });
});

describe('readNpy refuses what it cannot read exactly, naming the file, the field and the fix', () => {
  it('a Fortran-order array: error names fortran_order and np.ascontiguousarray', () => {
    const e = thrown(() => readNpy(ioFixture('emb-fortran.npy'), 'emb-fortran.npy'));
    expect(e.issue).toMatchObject({ file: 'emb-fortran.npy', field: 'fortran_order' });
    expect(e.message).toMatch(/Fortran/);
    expect(e.issue.fix).toMatch(/np\.ascontiguousarray/);
  });
  it('a file one byte short: states expected and actual data bytes', () => {
    const e = thrown(() => readNpy(ioFixture('emb-truncated.npy'), 'emb.npy'));
    expect(e.message).toMatch(/holds 47 data bytes .* needs 48/);
  });
  it('pickled objects and unsupported dtypes: names the dtype', () => {
    expect(thrown(() => readNpy(ioFixture('objects.npy'), 'o.npy')).message).toMatch(/dtype '\|O'/);
    expect(thrown(() => readNpy(ioFixture('complex.npy'), 'c.npy')).message).toMatch(/dtype '<c8'/);
  });
  it('int64 beyond 2^53: refused rather than rounded', () => {
    expect(thrown(() => readNpy(ioFixture('labels-i8-huge.npy'), 'h.npy')).message).toMatch(/1152921504606846976/);
  });
  it('not an .npy at all (an .npz zip): says so', () => {
    const e = thrown(() => readNpy(new TextEncoder().encode('PK\u0003\u0004 zip bytes'), 'emb.npz'));
    expect(e.message).toMatch(/^emb\.npz: is not a NumPy \.npy file/);
    expect(e.issue.fix).toMatch(/np\.save/);
  });
});

describe('readNpy reads every dtype the CLI reads too (one parser, src/io/npy.ts)', () => {
  it('float16 is widened to Float32Array exactly: normals, −0, subnormals, ±Infinity, NaN', () => {
    // 1, −2, 0.5, −0, 65504 (max), 2^−24 (min subnormal), +∞, −∞, NaN
    const half = Uint16Array.from([0x3c00, 0xc000, 0x3800, 0x8000, 0x7bff, 0x0001, 0x7c00, 0xfc00, 0x7e00]);
    const a = readNpy(npyBytes(half, { descr: '<f2' }), 'h.npy');
    expect(a.data).toBeInstanceOf(Float32Array);
    expect(Array.from(a.data as Float32Array)).toEqual([1, -2, 0.5, -0, 65504, 2 ** -24, Infinity, -Infinity, NaN]);
    expect(Object.is((a.data as Float32Array)[3], -0)).toBe(true);
    const be = new Uint16Array(half.map((h) => ((h & 0xff) << 8) | (h >>> 8)));
    expect(Array.from(readNpy(npyBytes(be, { descr: '>f2' }), 'h.npy').data as Float32Array)).toEqual(Array.from(a.data as Float32Array));
  });

  it('int8, uint16, int16 → Int32Array; uint32, uint64 → Float64Array; values kept exactly', () => {
    expect(Array.from(readNpy(npyBytes(Int8Array.from([-128, 0, 127])), 'l').data as Int32Array)).toEqual([-128, 0, 127]);
    expect(Array.from(readNpy(npyBytes(Uint16Array.from([0, 65535])), 'l').data as Int32Array)).toEqual([0, 65535]);
    expect(Array.from(readNpy(npyBytes(Int16Array.from([-32768, 5])), 'l').data as Int32Array)).toEqual([-32768, 5]);
    const u4 = readNpy(npyBytes(Uint32Array.from([0, 2 ** 32 - 1])), 'l');
    expect(u4.data).toBeInstanceOf(Float64Array);
    expect(Array.from(u4.data as Float64Array)).toEqual([0, 2 ** 32 - 1]);
    const u8 = readNpy(npyBytes(BigInt64Array.from([3n, 2n ** 53n - 1n]), { descr: '<u8' }), 'l');
    expect(Array.from(u8.data as Float64Array)).toEqual([3, 2 ** 53 - 1]);
    expect(thrown(() => readNpy(npyBytes(BigInt64Array.from([-1n]), { descr: '<u8' }), 'l')).message).toMatch(/uint64 value 18446744073709551615 at element 0/);
  });

  it('big-endian unicode strings are swapped per character', () => {
    const cps = Uint32Array.from([0x63, 0x61, 0x74, 0x64, 0xf6, 0x67]); // 'cat', 'dög'
    const be = new Uint8Array(cps.buffer);
    for (let i = 0; i < be.length; i += 4) be.subarray(i, i + 4).reverse();
    expect(readNpy(npyBytes(cps, { descr: '>U3', shape: [2] }), 'l').data).toEqual(['cat', 'dög']);
  });

  it('Fortran order is accepted where it is the same bytes as C order (≤ 1 dimension larger than 1), refused otherwise', () => {
    const f = Float32Array.from([1, 2, 3]);
    for (const shape of [[3], [1, 3], [3, 1]]) {
      expect(Array.from(readNpy(npyBytes(f, { shape, fortran: true }), 'x').data as Float32Array)).toEqual([1, 2, 3]);
    }
    const e = thrown(() => readNpy(npyBytes(Float32Array.from([1, 2, 3, 4]), { shape: [2, 2], fortran: true }), 'x.npy'));
    expect(e.issue.field).toBe('fortran_order');
  });

  it('a bool byte other than 0/1, a shape that is not whole numbers, a header that is not a dict: refused with the field', () => {
    expect(thrown(() => readNpy(npyBytes(Uint8Array.from([1, 2]), { descr: '|b1' }), 'b.npy')).issue).toMatchObject({ field: 'descr', message: expect.stringMatching(/byte 2 at element 1/) });
    const shape = thrown(() => readNpy(npyBytes(Float32Array.from([1]), { headerText: "{'descr': '<f4', 'fortran_order': False, 'shape': (1e0,), }" }), 's.npy'));
    expect(shape.issue.field).toBe('shape');
    const notDict = thrown(() => readNpy(npyBytes(Float32Array.from([1]), { headerText: "descr '<f4' fortran_order False shape (1,)" }), 'd.npy'));
    expect(notDict.issue.field).toBe('header');
  });
});
