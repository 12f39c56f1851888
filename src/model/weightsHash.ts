import * as tf from '@tensorflow/tfjs';
import { toHex } from '../io/contentHash';

const CHUNK = 4 * 1024 * 1024;

/**
 * SHA-256 (hex) identifying a model's weights: the weight specs (names,
 * shapes, dtypes, quantisation) and every weight byte. Independent of how the
 * bytes are split into shards: the byte stream is hashed in fixed 4 MiB
 * chunks and the chunk digests hashed together (WebCrypto has no streaming
 * digest, and a 100 MB model should not be copied whole to hash it).
 * Contract: artifacts as from `assembleModelFiles` or `tf.io` loaders.
 */
export async function weightsHash(artifacts: Pick<tf.io.ModelArtifacts, 'weightSpecs' | 'weightData'>): Promise<string> {
  const specs = new TextEncoder().encode(JSON.stringify(artifacts.weightSpecs ?? []));
  const data = artifacts.weightData === undefined ? [] : Array.isArray(artifacts.weightData) ? artifacts.weightData : [artifacts.weightData];
  const digests: ArrayBuffer[] = [await crypto.subtle.digest('SHA-256', specs)];
  const total = data.reduce((s, b) => s + b.byteLength, 0);
  const all = new tf.io.CompositeArrayBuffer(data);
  for (let start = 0; start < total; start += CHUNK) digests.push(await crypto.subtle.digest('SHA-256', all.slice(start, Math.min(total, start + CHUNK))));
  return toHex(await crypto.subtle.digest('SHA-256', tf.io.concatenateArrayBuffers(digests)));
}

/**
 * SHA-256 (hex) of the topology and the weights: the key the embedding
 * cache should use, since the same weights under another topology (a Lambda
 * dropped, a tower extracted) give other embeddings.
 */
export async function modelHash(artifacts: Pick<tf.io.ModelArtifacts, 'modelTopology' | 'weightSpecs' | 'weightData'>): Promise<string> {
  const topo = artifacts.modelTopology instanceof ArrayBuffer ? toHex(await crypto.subtle.digest('SHA-256', artifacts.modelTopology)) : stableStringify(artifacts.modelTopology ?? null);
  const topology = new TextEncoder().encode(topo + '\n' + (await weightsHash(artifacts)));
  return toHex(await crypto.subtle.digest('SHA-256', topology));
}

/** JSON with object keys sorted, so key order in model.json does not change the hash. */
function stableStringify(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(stableStringify).join(',')}]`;
  if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .filter((k) => o[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(x) ?? 'null';
}
