import type * as tf from '@tensorflow/tfjs';
import { manifestByteLength } from './weightSubset';

/** Total bytes the weightsManifest promises (the same rule as for dropped files: weightSubset.ts). */
export function expectedWeightBytes(manifest: tf.io.WeightsManifestConfig): number {
  return manifestByteLength(manifest.flatMap((g) => g.weights));
}

async function fetchOk(url: string, name: string): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url);
  } catch (e) {
    throw new Error(`${name}: could not be fetched (${(e as Error).message})`);
  }
  // Static hosts with SPA fallbacks answer a missing file with index.html and status 200.
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok || type.includes('text/html')) {
    throw new Error(`${name} is missing on the server (${res.ok ? 'got an HTML page instead' : `HTTP ${res.status}`}): put it next to model.json`);
  }
  return res;
}

/**
 * Fetches model.json and every weight shard it names, and refuses — before any
 * tfjs loader runs — a model.json without weights (tfjs would build the model
 * with fresh random weights: case M5c), a missing shard (named: M5b) and shards
 * whose total size differs from what weightsManifest promises (M5d).
 */
export async function fetchModelFiles(url: string): Promise<tf.io.ModelArtifacts> {
  const jsonRes = await fetchOk(url, 'model.json');
  let json: { modelTopology?: unknown; weightsManifest?: tf.io.WeightsManifestConfig; format?: string; generatedBy?: string; convertedBy?: string | null; userDefinedMetadata?: { [key: string]: object }; signature?: unknown; modelInitializer?: unknown };
  try {
    json = await jsonRes.json();
  } catch (e) {
    throw new Error(`model.json is not valid JSON (${(e as Error).message}): re-export it with tensorflowjs_converter`);
  }
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0 || manifest.every((g) => !g.paths?.length)) {
    throw new Error('model.json has no weightsManifest: tfjs would run it with random weights and every curve would be noise — export the model with its weights (model.json + .bin shards)');
  }
  const chunks: Uint8Array[] = [];
  const sizes: string[] = [];
  for (const group of manifest) {
    for (const path of group.paths) {
      const res = await fetchOk(new URL(path, url).href, path);
      const bytes = new Uint8Array(await res.arrayBuffer());
      chunks.push(bytes);
      sizes.push(`${path}: ${bytes.byteLength.toLocaleString('en-US')}`);
    }
  }
  const got = chunks.reduce((a, c) => a + c.byteLength, 0);
  const expected = expectedWeightBytes(manifest);
  if (got !== expected) {
    throw new Error(
      `weight shards hold ${got.toLocaleString('en-US')} bytes but weightsManifest expects ${expected.toLocaleString('en-US')} (${sizes.join(', ')}): a shard is truncated or from another model — copy the .bin files again`,
    );
  }
  const weightData = new Uint8Array(got);
  let offset = 0;
  for (const c of chunks) {
    weightData.set(c, offset);
    offset += c.byteLength;
  }
  return {
    modelTopology: json.modelTopology as tf.io.ModelArtifacts['modelTopology'],
    weightSpecs: manifest.flatMap((g) => g.weights),
    weightData: weightData.buffer,
    format: json.format,
    generatedBy: json.generatedBy,
    convertedBy: json.convertedBy ?? undefined,
    userDefinedMetadata: json.userDefinedMetadata,
    signature: json.signature as object | undefined,
    modelInitializer: json.modelInitializer as object | undefined,
  };
}
