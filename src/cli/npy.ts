import { InputError } from '../io/inputIssue';
import { parseNpyRaw } from '../io/npy';
import { CliError } from './errors';

/** Element types the CLI reads from .npy files (numpy dtype kind + size). */
export type NpyDtype = 'f4' | 'f8' | 'f2' | 'b1' | 'u1' | 'i1' | 'u2' | 'i2' | 'u4' | 'i4' | 'u8' | 'i8';

/** A parsed .npy array: raw little-endian element bytes plus dtype and shape. */
export interface NpyArray {
  dtype: NpyDtype;
  shape: number[];
  /** the element bytes (little-endian; big-endian files are byte-swapped into a copy) */
  bytes: Uint8Array;
  /** number of elements = product of shape */
  size: number;
}

/**
 * Parses a .npy file (format versions 1.0, 2.0 and 3.0) holding a plain
 * numeric or bool array, with the shared strict reader `parseNpyRaw`
 * (src/io/npy.ts): its `InputError`s become `CliError`s naming `name` and the
 * fix. C-order data is returned as is (no copy); Fortran order is accepted
 * only when it is the same layout (≤ 1 dimension larger than 1). String
 * arrays, which the browser reads as class names, are refused here: the CLI
 * takes integer class ids.
 *
 * Reference: "A Simple File Format for NumPy Arrays" (NEP 1,
 * numpy.lib.format), as written by `np.save`.
 */
export function parseNpy(file: Uint8Array, name: string): NpyArray {
  let raw;
  try {
    raw = parseNpyRaw(file, name);
  } catch (e) {
    if (e instanceof InputError) throw new CliError(`${name}: ${e.issue.message}; ${e.issue.fix}.`);
    throw e;
  }
  if (raw.kind === 'U' || raw.kind === 'S') {
    throw new CliError(`${name}: unsupported dtype '${raw.descr}' (strings); map class names to integer ids, e.g. numpy.unique(names, return_inverse=True)[1].`);
  }
  return { dtype: `${raw.kind}${raw.itemSize}` as NpyDtype, shape: raw.shape, bytes: raw.bytes, size: raw.size };
}

/**
 * A typed-array view of `bytes` as `T` (no copy when the offset is aligned
 * to the element size, else an aligned copy). Contract: little-endian data,
 * `bytes.length` a multiple of the element size.
 */
export function viewAs<T extends Float32Array | Float64Array | Uint8Array | Int32Array | Uint32Array>(
  bytes: Uint8Array,
  Ctor: { new (buffer: ArrayBufferLike, byteOffset: number, length: number): T; BYTES_PER_ELEMENT: number },
): T {
  const size = Ctor.BYTES_PER_ELEMENT;
  const src = bytes.byteOffset % size === 0 ? bytes : bytes.slice();
  return new Ctor(src.buffer, src.byteOffset, src.length / size);
}
