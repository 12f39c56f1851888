import { CliError } from './errors';
import { viewAs, type NpyArray } from './npy';

/*
 * Typed columns from parsed .npy arrays, with the checks the metrics core
 * expects as preconditions turned into user-facing errors (exit code 2).
 */

const INTEGER: readonly string[] = ['b1', 'u1', 'i1', 'u2', 'i2', 'u4', 'i4', 'u8', 'i8'];

function oneDimensional(a: NpyArray, name: string, what: string): void {
  if (a.shape.length !== 1) {
    throw new CliError(`${name}: ${what} must be a 1-D array, got shape (${a.shape.join(', ')}); save array.ravel() instead.`);
  }
  if (a.size === 0) throw new CliError(`${name}: empty array (no ${what}); nothing to evaluate.`);
}

/** Scores from a 1-D float32/float64 array, as a view on the file bytes (no copy). */
export function scoresColumn(a: NpyArray, name: string): Float32Array | Float64Array {
  oneDimensional(a, name, 'scores');
  if (a.dtype === 'f4') return viewAs(a.bytes, Float32Array);
  if (a.dtype === 'f8') return viewAs(a.bytes, Float64Array);
  throw new CliError(`${name}: scores must be float32 or float64, got dtype ${a.dtype}; save scores.astype(numpy.float64) instead.`);
}

/** Integer element `i` of an integer array, or NaN when it is outside ±2^53 (only for 64-bit types). */
function integerAt(a: NpyArray, view: DataView, i: number): number {
  switch (a.dtype) {
    case 'b1':
    case 'u1':
      return a.bytes[i];
    case 'i1':
      return view.getInt8(i);
    case 'u2':
      return view.getUint16(2 * i, true);
    case 'i2':
      return view.getInt16(2 * i, true);
    case 'u4':
      return view.getUint32(4 * i, true);
    case 'i4':
      return view.getInt32(4 * i, true);
    default: {
      const lo = view.getUint32(8 * i, true);
      const hi = a.dtype === 'i8' ? view.getInt32(8 * i + 4, true) : view.getUint32(8 * i + 4, true);
      const v = hi * 2 ** 32 + lo;
      return Number.isSafeInteger(v) ? v : NaN;
    }
  }
}

function integerView(a: NpyArray, name: string, what: string, fix: string): DataView {
  if (!INTEGER.includes(a.dtype)) throw new CliError(`${name}: ${what} must be bool or integer, got dtype ${a.dtype}; ${fix}.`);
  return new DataView(a.bytes.buffer, a.bytes.byteOffset, a.bytes.byteLength);
}

/** 0/1 labels from a 1-D bool or integer array; a view for bool/uint8/int8, else a checked copy. */
export function binaryLabelsColumn(a: NpyArray, name: string): Uint8Array {
  oneDimensional(a, name, 'labels');
  const view = integerView(a, name, 'labels', 'save labels.astype(numpy.uint8) with 1 = positive, 0 = negative');
  const byteSized = a.dtype === 'b1' || a.dtype === 'u1' || a.dtype === 'i1';
  const out = byteSized ? a.bytes : new Uint8Array(a.size);
  for (let i = 0; i < a.size; i++) {
    const v = byteSized ? a.bytes[i] : integerAt(a, view, i);
    if (v !== 0 && v !== 1) {
      const shown = a.dtype === 'i1' ? view.getInt8(i) : v;
      throw new CliError(`${name}: label ${shown} at index ${i}; labels must be 0 (negative) or 1 (positive).`);
    }
    if (!byteSized) out[i] = v;
  }
  return out;
}

/** Class ids (any int32 value) from a 1-D bool or integer array. */
export function classIdsColumn(a: NpyArray, name: string): Int32Array {
  oneDimensional(a, name, 'class labels');
  const view = integerView(a, name, 'class labels', 'map class names to integer ids, e.g. numpy.unique(names, return_inverse=True)[1]');
  const out = new Int32Array(a.size);
  for (let i = 0; i < a.size; i++) {
    const v = integerAt(a, view, i);
    if (!(v >= -(2 ** 31) && v < 2 ** 31)) {
      throw new CliError(`${name}: class id ${Number.isNaN(v) ? 'beyond ±2^53' : v} at index ${i} does not fit in int32; renumber the classes 0 … k−1.`);
    }
    out[i] = v;
  }
  return out;
}

/** Row-major float32 embeddings from a 2-D float32 (view) or float64 (rounded copy) array. */
export function embeddingsMatrix(a: NpyArray, name: string): { emb: Float32Array; n: number; dim: number; rounded: boolean } {
  if (a.shape.length !== 2) {
    throw new CliError(`${name}: embeddings must be a 2-D array (items × dimensions), got shape (${a.shape.join(', ')}).`);
  }
  const [n, dim] = a.shape;
  if (n < 2 || dim < 1) throw new CliError(`${name}: need at least 2 embeddings of at least 1 dimension, got shape (${n}, ${dim}).`);
  if (a.dtype === 'f4') return { emb: viewAs(a.bytes, Float32Array), n, dim, rounded: false };
  if (a.dtype === 'f8') return { emb: Float32Array.from(viewAs(a.bytes, Float64Array)), n, dim, rounded: true };
  throw new CliError(`${name}: embeddings must be float32 or float64, got dtype ${a.dtype}; save emb.astype(numpy.float32) instead.`);
}
