import { asUint8, type Bytes } from './bytes';
import { InputError } from './inputIssue';

/**
 * NumPy `.npy` reader (format versions 1.0, 2.0 and 3.0), strict by design.
 * Reference: numpy/lib/format.py ("A simple format for saving numpy arrays
 * to disk", NEP 1).
 *
 * Supported `descr` (byte order `<` little or `>` big endian; `|`/`=` where numpy writes them):
 *   f4 → Float32Array      f8 → Float64Array
 *   u1 → Uint8Array        b1 → Uint8Array (0/1)
 *   i4 → Int32Array        i8 → Float64Array (throws past ±(2^53 − 1): not a safe number)
 *   U<n> / S<n> → string[] (for label files: np.save('labels.npy', np.array(['cat', 'dog'])))
 * C order only: a Fortran-order array is refused with the fix, because reading
 * it as C order would transpose the data silently.
 */

export type NpyData = Float32Array | Float64Array | Uint8Array | Int32Array | string[];

export interface NpyArray {
  /** The header's `descr`, e.g. '<f4'. */
  dtype: string;
  shape: number[];
  /** Row-major (C order) elements, always a fresh copy (the input bytes may be released). */
  data: NpyData;
}

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
const RESAVE = 'in Python: np.save(path, np.ascontiguousarray(arr, dtype=np.float32))';

/**
 * Parses `.npy` bytes. `file` is used in error messages only.
 * Throws `InputError` naming the file, the header field and the fix for:
 * not an .npy, unsupported version or dtype, Fortran order, a header that
 * cannot be read, and data shorter or longer than the shape says.
 */
export function readNpy(bytes: Bytes, file: string): NpyArray {
  const u8 = asUint8(bytes);
  const fail = (message: string, fix: string, field?: string): never => {
    throw new InputError({ file, field, message, fix });
  };
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
  const header = major === 3 ? new TextDecoder('utf-8').decode(headerBytes) : latin1(headerBytes);

  const descr = /'descr'\s*:\s*'([^']*)'/.exec(header)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(header)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(header)?.[1];
  if (descr === undefined) return fail('has no readable \'descr\' in its header (structured or record arrays are not supported)', RESAVE, 'descr');
  if (fortran === undefined) return fail('has no \'fortran_order\' in its header', RESAVE, 'fortran_order');
  if (shapeText === undefined) return fail('has no \'shape\' in its header', RESAVE, 'shape');
  if (fortran === 'True') {
    fail(
      'is stored in Fortran (column-major) order; reading it as rows would transpose it silently',
      'in Python: np.save(path, np.ascontiguousarray(arr)) — or arr.copy(order="C") — then drop the new file',
      'fortran_order',
    );
  }
  const shape = parseShape(shapeText, fail);
  const count = shape.reduce((a, b) => a * b, 1);
  const type = parseDescr(descr, fail);
  const expected = count * type.itemSize;
  const actual = u8.length - dataStart;
  if (actual < expected) {
    fail(`holds ${actual} data bytes but shape (${shape.join(', ')}) of ${descr} needs ${expected}: the file is truncated`, 're-save or re-copy the file', 'shape');
  }
  if (actual > expected) {
    fail(`holds ${actual} data bytes but shape (${shape.join(', ')}) of ${descr} needs only ${expected}: extra bytes after the array`, `this is not a single np.save array; ${RESAVE}`, 'shape');
  }
  const body = u8.subarray(dataStart, dataStart + expected);
  return { dtype: descr, shape, data: decodeBody(body, count, type, fail) };
}

type Fail = (message: string, fix: string, field?: string) => never;

interface ElementType {
  kind: 'f' | 'u' | 'b' | 'i' | 'U' | 'S';
  itemSize: number;
  littleEndian: boolean;
}

function parseShape(text: string, fail: Fail): number[] {
  const parts = text.split(',').map((s) => s.trim()).filter((s) => s !== '');
  const shape = parts.map((p) => Number(p.replace(/L$/, '')));
  if (shape.some((d) => !Number.isSafeInteger(d) || d < 0)) fail(`has an unreadable shape (${text})`, RESAVE, 'shape');
  return shape;
}

function parseDescr(descr: string, fail: Fail): ElementType {
  const m = /^([<>|=])([a-zA-Z])(\d+)$/.exec(descr);
  const unsupported = (): never =>
    fail(`has dtype '${descr}', which is not supported (use float32, float64, uint8, bool, int32, int64 or strings)`, `in Python: np.save(path, arr.astype(np.float32))`, 'descr');
  if (!m) return unsupported();
  const [, order, kind, sizeText] = m;
  const size = Number(sizeText);
  const littleEndian = order !== '>';
  switch (kind) {
    case 'f':
      if (size === 4 || size === 8) return { kind: 'f', itemSize: size, littleEndian };
      break;
    case 'u':
      if (size === 1) return { kind: 'u', itemSize: 1, littleEndian };
      break;
    case 'b':
      if (size === 1) return { kind: 'b', itemSize: 1, littleEndian };
      break;
    case 'i':
      if (size === 4 || size === 8) return { kind: 'i', itemSize: size, littleEndian };
      break;
    case 'U':
      if (size > 0) return { kind: 'U', itemSize: 4 * size, littleEndian };
      break;
    case 'S':
      if (size > 0) return { kind: 'S', itemSize: size, littleEndian };
      break;
  }
  return unsupported();
}

function decodeBody(body: Uint8Array, count: number, t: ElementType, fail: Fail): NpyData {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  if (t.kind === 'u' || t.kind === 'b') {
    const out = body.slice();
    if (t.kind === 'b' && out.some((v) => v > 1)) fail('is a bool array with values other than 0 and 1', RESAVE, 'descr');
    return out;
  }
  if (t.kind === 'f' && t.itemSize === 4) {
    if (t.littleEndian) return new Float32Array(body.slice().buffer);
    const out = new Float32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getFloat32(4 * i, false);
    return out;
  }
  if (t.kind === 'f') {
    if (t.littleEndian) return new Float64Array(body.slice().buffer);
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getFloat64(8 * i, false);
    return out;
  }
  if (t.kind === 'i' && t.itemSize === 4) {
    if (t.littleEndian) return new Int32Array(body.slice().buffer);
    const out = new Int32Array(count);
    for (let i = 0; i < count; i++) out[i] = view.getInt32(4 * i, false);
    return out;
  }
  if (t.kind === 'i') {
    const out = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      const v = view.getBigInt64(8 * i, t.littleEndian);
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) {
        fail(`holds the int64 value ${v} at element ${i}, beyond what JavaScript numbers hold exactly (±2^53)`, 'store smaller integers (e.g. arr.astype(np.int32)) or class names', 'descr');
      }
      out[i] = Number(v);
    }
    return out;
  }
  return decodeStrings(body, view, count, t);
}

function decodeStrings(body: Uint8Array, view: DataView, count: number, t: ElementType): string[] {
  const out: string[] = new Array(count);
  const utf8 = new TextDecoder('utf-8');
  for (let i = 0; i < count; i++) {
    const start = i * t.itemSize;
    if (t.kind === 'S') {
      let end = start + t.itemSize;
      while (end > start && body[end - 1] === 0) end--;
      out[i] = utf8.decode(body.subarray(start, end));
    } else {
      let s = '';
      for (let k = start; k < start + t.itemSize; k += 4) {
        const cp = view.getUint32(k, t.littleEndian);
        if (cp === 0) break;
        s += String.fromCodePoint(cp);
      }
      out[i] = s;
    }
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return s;
}
