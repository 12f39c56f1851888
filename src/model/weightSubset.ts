import * as tf from '@tensorflow/tfjs';

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8, uint8: 1, uint16: 2, float16: 2 };

/**
 * Bytes one weight occupies in the shards, as tfjs reads them: elements ×
 * the stored dtype's size (the quantised dtype when `quantization` is set).
 * Throws for string weights, whose length is not fixed by the manifest.
 */
export function weightByteLength(spec: tf.io.WeightsManifestEntry): number {
  const dtype = spec.quantization ? spec.quantization.dtype : spec.dtype;
  const size = DTYPE_BYTES[dtype];
  if (size === undefined) throw new WeightDtypeError(spec.name, dtype);
  return spec.shape.reduce((a, b) => a * b, 1) * size;
}

/** A weight stored in a dtype whose size TensorFlow.js does not know (a string, or int8 from a hand-made or foreign export). */
export class WeightDtypeError extends Error {
  readonly fix: string;
  constructor(readonly weight: string, readonly dtype: string) {
    super(
      dtype === 'string'
        ? `weight "${weight}" is stored as strings, whose byte size the manifest does not fix`
        : `weight "${weight}" is stored as ${dtype}, which is not a dtype TensorFlow.js stores weights in (${Object.keys(DTYPE_BYTES).join(', ')})`,
    );
    this.name = 'WeightDtypeError';
    this.fix = 'convert the model again with tensorflowjs_converter (add --quantize_uint8 or --quantize_float16 for smaller weights; both load)';
  }
}

/** Total bytes the specs need (what the shards must hold). */
export function manifestByteLength(specs: readonly tf.io.WeightsManifestEntry[]): number {
  return specs.reduce((s, w) => s + weightByteLength(w), 0);
}

/**
 * A new weight list holding the weights `rename` keeps, in their original
 * order and bytes: `rename(spec)` returns the name to store it under, or
 * null to drop it. Contract: `data` holds exactly the specs' bytes in order.
 */
export function selectWeights(
  specs: readonly tf.io.WeightsManifestEntry[],
  data: tf.io.WeightData,
  rename: (spec: tf.io.WeightsManifestEntry) => string | null,
): { weightSpecs: tf.io.WeightsManifestEntry[]; weightData: ArrayBuffer } {
  const all = new tf.io.CompositeArrayBuffer(data);
  const keptSpecs: tf.io.WeightsManifestEntry[] = [];
  const parts: ArrayBuffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const size = weightByteLength(spec);
    const name = rename(spec);
    if (name !== null) {
      keptSpecs.push({ ...spec, name });
      parts.push(all.slice(offset, offset + size));
    }
    offset += size;
  }
  return { weightSpecs: keptSpecs, weightData: tf.io.concatenateArrayBuffers(parts) };
}
