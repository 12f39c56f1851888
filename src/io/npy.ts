import { asUint8, type Bytes } from './bytes';
import { InputError } from './inputIssue';

/**
 * NumPy `.npy` reader (format versions 1.0, 2.0 and 3.0), strict by design;
 * the one parser behind the browser drops (`readNpy`) and the CLI
 * (`parseNpyRaw` via src/cli/npy.ts, which keeps the data as a view).
 * Reference: numpy/lib/format.py ("A simple format for saving numpy arrays
 * to disk", NEP 1).
 *
 * Supported `descr` (byte order `<` little or `>` big endian; `|`/`=` where numpy writes them),
 * and what `readNpy` decodes them to (all exact):
 *   f2 → Float32Array      f4 → Float32Array      f8 → Float64Array
 *   u1 → Uint8Array        b1 → Uint8Array (0/1; other bytes refused)
 *   i1, u2, i2, i4 → Int32Array
 *   u4 → Float64Array      i8, u8 → Float64Array (refused past ±(2^53 − 1): not a safe number)
 *   U<n> / S<n> → string[] (for label files: np.save('labels.npy', np.array(['cat', 'dog'])))
 * C order only: a Fortran-order array is refused with the fix, because reading
 * it as C order would transpose the data silently — unless at most one
 * dimension is larger than 1, where both orders are the same bytes.
 */

export type NpyData = Float32Array | Float64Array | Uint8Array | Int32Array | string[];

export interface NpyArray {
  /** The header's `descr`, e.g. '<f4'. */
  dtype: string;
  shape: number[];
  /** Row-major (C order) elements, always a fresh copy (the input bytes may be released). */
  data: NpyData;
}

/** numpy's `dtype.kind` of the element types this reader knows. */
export type NpyKind = 'f' | 'u' | 'i' | 'b' | 'U' | 'S';

/** A checked .npy before decoding: the header's fields and the element bytes. */
export interface NpyRaw {
  /** The header's `descr`, e.g. '>f8'. */
  descr: string;
  kind: NpyKind;
  /** Bytes per element (4 per character for 'U'). */
  itemSize: number;
  shape: number[];
  /** Number of elements: the product of `shape`. */
  size: number;
  /**
   * The element bytes in little-endian order, C order: a view on the input
   * (no copy) unless the file is big-endian, then a byte-swapped copy.
   */
  bytes: Uint8Array;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const RESAVE = 'in Python: np.save(path, np.ascontiguousarray(arr, dtype=np.float32))';
/** Item sizes per kind; null: any positive size (strings). */
const SIZES: Record<NpyKind, readonly number[] | null> = { f: [2, 4, 8], u: [1, 2, 4, 8], i: [1, 2, 4, 8], b: [1], U: null, S: null };

type Fail = (message: string, fix: string, field?: string) => never;

function failFor(file: string): Fail {
  return (message, fix, field) => {
    throw new InputError({ file, field, message, fix });
  };
}

/**
 * Parses `.npy` bytes and decodes the elements. `file` is used in error
 * messages only. Throws `InputError` naming the file, the header field and
 * the fix for: not an .npy, unsupported version or dtype, Fortran order, a
 * header that cannot be read, data shorter or longer than the shape says, a
 * bool byte other than 0/1, and 64-bit integers past ±(2^53 − 1).
 */
export function readNpy(bytes: Bytes, file: string): NpyArray {
  const raw = parseNpyRaw(bytes, file);
  return { dtype: raw.descr, shape: raw.shape, data: decodeNpy(raw, file) };
}

/**
 * Checks `.npy` bytes (the magic string, version, header dictionary with
 * exactly the fields numpy writes, dtype, order and the exact data length)
 * without decoding the elements: for callers that want to view large data
 * in place. Errors as `readNpy` (except the 64-bit range, checked when decoding).
 */
export function parseNpyRaw(bytes: Bytes, file: string): NpyRaw {
  const u8 = asUint8(bytes);
  const fail = failFor(file);
  if (u8.length < 10 || MAGIC.some((b, i) => u8[i] !== b)) {
    fail('is not a NumPy .npy file (it does not start with \\x93NUMPY)', `save the array with np.save (not np.savez, pickle or tofile); ${RESAVE}`);
  }
  const major = u8[6];
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  let headerLen: number;
  let headerStart: number;
  if (major === 1) {
    headerLen = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (u8.length < 12) fail('ends inside its header', 're-save the file; it was cut short');
    headerLen = view.getUint32(8, true);
    headerStart = 12;
  } else {
    return fail(`uses .npy format version ${major}.${u8[7]}, which this reader does not know`, `save with NumPy ≥ 1.0 defaults; ${RESAVE}`, 'version');
  }
  const dataStart = headerStart + headerLen;
  if (dataStart > u8.length) fail(`ends inside its header (header says ${headerLen} bytes)`, 're-save the file; it was cut short');
  const headerBytes = u8.subarray(headerStart, dataStart);
  const header = (major === 3 ? new TextDecoder('utf-8').decode(headerBytes) : latin1(headerBytes)).trim();

  if (!header.startsWith('{') || !header.endsWith('}')) {
    fail(`has an unreadable header ${JSON.stringify(header.slice(0, 120))} (not a dictionary)`, RESAVE, 'header');
  }
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined) return fail("has no readable 'descr' in its header (structured or record arrays are not supported)", RESAVE, 'descr');
  if (fortran === undefined) return fail("has no 'fortran_order' in its header", RESAVE, 'fortran_order');
  if (shapeText === undefined) return fail("has no 'shape' in its header", RESAVE, 'shape');
  const shape = parseShape(shapeText, fail);
  if (fortran === 'True' && shape.filter((d) => d > 1).length > 1) {
    fail(
      'is stored in Fortran (column-major) order; reading it as rows would transpose it silently',
      'in Python: np.save(path, np.ascontiguousarray(arr)) — or arr.copy(order="C") — then use the new file',
      'fortran_order',
    );
  }
  const { kind, itemSize, bigEndian } = parseDescr(descr, fail);
  const size = shape.reduce((a, b) => a * b, 1);
  const expected = size * itemSize;
  if (!Number.isSafeInteger(expected)) fail(`has shape (${shape.join(', ')}), too large to hold in memory`, RESAVE, 'shape');
  const actual = u8.length - dataStart;
  if (actual < expected) {
    fail(`holds ${actual} data bytes but shape (${shape.join(', ')}) of ${descr} needs ${expected}: the file is truncated`, 're-save or re-copy the file', 'shape');
  }
  if (actual > expected) {
    fail(`holds ${actual} data bytes but shape (${shape.join(', ')}) of ${descr} needs only ${expected}: extra bytes after the array`, `this is not a single np.save array; ${RESAVE}`, 'shape');
  }
  let body = u8.subarray(dataStart);
  if (bigEndian) body = byteSwapped(body, kind === 'U' ? 4 : itemSize); // UCS-4: per character
  if (kind === 'b') {
    for (let i = 0; i < body.length; i++) if (body[i] > 1) fail(`is a bool array with the byte ${body[i]} at element ${i} (not 0 or 1)`, RESAVE, 'descr');
  }
  return { descr, kind, itemSize, shape, size, bytes: body };
}

/** Dimensions of a header's shape tuple: non-negative integers (Python 2 may write `3L`). */
function parseShape(text: string, fail: Fail): number[] {
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const shape = parts.map((p) => (/^\d+L?$/.test(p) ? Number.parseInt(p, 10) : NaN));
  if (shape.some((d) => !Number.isSafeInteger(d))) fail(`has an unreadable shape (${text})`, RESAVE, 'shape');
  return shape;
}

function parseDescr(descr: string, fail: Fail): { kind: NpyKind; itemSize: number; bigEndian: boolean } {
  const m = /^([<>|=])([a-zA-Z])(\d+)$/.exec(descr);
  const kind = m?.[2] as NpyKind | undefined;
  const size = Number(m?.[3]);
  const sizes = kind !== undefined && kind in SIZES ? SIZES[kind] : undefined;
  if (!m || kind === undefined || sizes === undefined || (sizes === null ? size === 0 : !sizes.includes(size))) {
    return fail(
      `unsupported dtype '${descr}' (use float16/32/64, bool, 8- to 64-bit integers, or strings)`,
      'in Python: np.save(path, arr.astype(np.float32)) — or astype(np.int64) for class ids',
      'descr',
    );
  }
  // 'U' counts characters of 4 bytes; '=' is the writer's native order, little-endian on every machine numpy targets today.
  return { kind, itemSize: kind === 'U' ? 4 * size : size, bigEndian: m[1] === '>' && size > 1 };
}

function byteSwapped(src: Uint8Array, unit: number): Uint8Array {
  const out = new Uint8Array(src.length);
  for (let i = 0; i < src.length; i += unit) {
    for (let b = 0; b < unit; b++) out[i + b] = src[i + unit - 1 - b];
  }
  return out;
}

/** The elements of a checked .npy as a fresh array (see the table at the top). */
function decodeNpy(raw: NpyRaw, file: string): NpyData {
  const { kind, itemSize, size } = raw;
  if (kind === 'U' || kind === 'S') return decodeStrings(raw);
  const copy = raw.bytes.slice(); // fresh and aligned
  const buf = copy.buffer;
  if (kind === 'f') {
    if (itemSize === 2) return halfToFloat32(new Uint16Array(buf));
    return itemSize === 4 ? new Float32Array(buf) : new Float64Array(buf);
  }
  if (itemSize === 1) return kind === 'i' ? Int32Array.from(new Int8Array(buf)) : copy;
  if (itemSize === 2) return Int32Array.from(kind === 'i' ? new Int16Array(buf) : new Uint16Array(buf));
  if (itemSize === 4) return kind === 'i' ? new Int32Array(buf) : Float64Array.from(new Uint32Array(buf));
  const wide = kind === 'i' ? new BigInt64Array(buf) : new BigUint64Array(buf);
  const out = new Float64Array(size);
  const limit = BigInt(Number.MAX_SAFE_INTEGER);
  for (let i = 0; i < size; i++) {
    const v = wide[i];
    if (v > limit || v < -limit) {
      throw new InputError({
        file,
        field: 'descr',
        message: `holds the ${kind === 'i' ? 'int64' : 'uint64'} value ${v} at element ${i}, beyond what JavaScript numbers hold exactly (±2^53)`,
        fix: 'store smaller integers (e.g. arr.astype(np.int32)) or class names',
      });
    }
    out[i] = Number(v);
  }
  return out;
}

/** IEEE 754 binary16 → float32 (exact: every half value is a float32 value). */
function halfToFloat32(half: Uint16Array): Float32Array {
  const out = new Float32Array(half.length);
  for (let i = 0; i < half.length; i++) {
    const h = half[i];
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >>> 10) & 0x1f;
    const frac = h & 0x3ff;
    if (exp === 0) out[i] = sign * frac * 2 ** -24; // zero and subnormals
    else if (exp === 0x1f) out[i] = frac === 0 ? sign * Infinity : NaN;
    else out[i] = sign * (1024 + frac) * 2 ** (exp - 25);
  }
  return out;
}

function decodeStrings(raw: NpyRaw): string[] {
  const { bytes, size, itemSize } = raw;
  const out: string[] = new Array(size);
  const utf8 = new TextDecoder('utf-8');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < size; i++) {
    const start = i * itemSize;
    if (raw.kind === 'S') {
      let end = start + itemSize;
      while (end > start && bytes[end - 1] === 0) end--;
      out[i] = utf8.decode(bytes.subarray(start, end));
    } else {
      let s = '';
      for (let k = start; k < start + itemSize; k += 4) {
        const cp = view.getUint32(k, true);
        if (cp === 0) break;
        s += String.fromCodePoint(cp);
      }
      out[i] = s;
    }
  }
  return out;
}

/** Header bytes of format versions 1 and 2 (ISO 8859-1, one byte a character; TextDecoder's 'latin1' is windows-1252). */
function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
