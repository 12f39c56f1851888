import { describe, expect, it } from 'vitest';
import { readNpy } from '../../../src/io/npy';
import { InputError } from '../../../src/io/inputIssue';
import { ioFixture } from './fixture';

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
