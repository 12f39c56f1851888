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

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const SIZES: Record<NpyDtype, number> = { f2: 2, f4: 4, f8: 8, b1: 1, u1: 1, i1: 1, u2: 2, i2: 2, u4: 4, i4: 4, u8: 8, i8: 8 };

/**
 * Parses a .npy file (format versions 1.0, 2.0 and 3.0) holding a plain
 * numeric or bool array. Strict: the magic string, the header dictionary
 * (exactly 'descr', 'fortran_order', 'shape'), a supported dtype and the
 * exact data length are checked; anything else is a `CliError` naming `name`.
 * C-order data is returned as is (no copy); Fortran order is accepted only
 * when it is the same layout (≤ 1 dimension larger than 1).
 *
 * Reference: "A Simple File Format for NumPy Arrays" (NEP 1,
 * numpy.lib.format), as written by `np.save`.
 */
export function parseNpy(file: Uint8Array, name: string): NpyArray {
  const bad = (why: string, fix = 'write it with numpy.save(path, array)') => new CliError(`${name}: ${why}; ${fix}.`);
  if (file.length < 10 || MAGIC.some((b, i) => file[i] !== b)) throw bad('not a .npy file (no \\x93NUMPY magic at the start)');
  const major = file[6];
  if (major < 1 || major > 3) throw bad(`unsupported .npy format version ${major}.${file[7]}`);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const lenBytes = major === 1 ? 2 : 4;
  const headerLen = major === 1 ? view.getUint16(8, true) : file.length >= 12 ? view.getUint32(8, true) : Infinity;
  const start = 8 + lenBytes;
  if (start + headerLen > file.length) throw bad('truncated header');
  const header = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(file.subarray(start, start + headerLen)).trim();

  const descr = /^\{.*'descr':\s*'([^']*)'/s.exec(header)?.[1];
  const fortran = /'fortran_order':\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape':\s*\(([^)]*)\)/.exec(header)?.[1];
  if (!header.startsWith('{') || !header.endsWith('}') || descr === undefined || fortran === undefined || shapeText === undefined) {
    throw bad(`unreadable header ${JSON.stringify(header.slice(0, 120))} (structured or object arrays are not supported)`);
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .map((s) => (/^\d+L?$/.test(s) ? Number.parseInt(s, 10) : NaN));
  if (shape.some((d) => !Number.isSafeInteger(d))) throw bad(`unreadable shape (${shapeText})`);

  const m = /^([<>|=])([a-zA-Z])(\d+)$/.exec(descr);
  const dtype = m ? ((m[2] + m[3]) as NpyDtype) : undefined;
  if (!m || dtype === undefined || !(dtype in SIZES) || m[2] === 'c') {
    throw bad(`unsupported dtype '${descr}'`, 'save numbers as float32/float64 or integers/bool (e.g. array.astype(numpy.float32))');
  }
  const itemSize = SIZES[dtype];
  const bigEndian = m[1] === '>' && itemSize > 1;

  const size = shape.reduce((a, b) => a * b, 1);
  if (fortran === 'True' && shape.filter((d) => d > 1).length > 1) {
    throw bad('Fortran-ordered arrays are not supported', 'save numpy.ascontiguousarray(array) instead');
  }
  const dataStart = start + headerLen;
  const expected = size * itemSize;
  const actual = file.length - dataStart;
  if (actual !== expected) {
    throw bad(`the header promises ${expected} data bytes (shape (${shape.join(', ')}), ${descr}) but the file has ${actual}`, 'the file is truncated or corrupt: write it again');
  }
  let bytes = file.subarray(dataStart);
  if (bigEndian) bytes = byteSwapped(bytes, itemSize);
  return { dtype, shape, bytes, size };
}

function byteSwapped(src: Uint8Array, itemSize: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i += itemSize) {
    for (let b = 0; b < itemSize; b++) out[i + b] = src[i + itemSize - 1 - b];
  }
  return out;
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
