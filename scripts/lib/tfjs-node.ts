/**
 * tfjs in plain Node without tfjs-node: the wasm backend, and a small
 * file-system save/load for layers models (the `file://` handler is
 * tfjs-node only).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';

export const SHARD_NAME = 'group1-shard1of1.bin';

/** Selects the wasm backend, loading the .wasm binaries from node_modules. */
export async function useWasmBackend(): Promise<void> {
  const require = createRequire(import.meta.url);
  // Resolves to <pkg>/dist/tf-backend-wasm.node.js; the .wasm files sit beside it.
  const dist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  setWasmPaths(dist + '/');
  if (!(await tf.setBackend('wasm'))) throw new Error('could not initialise the tfjs wasm backend');
  await tf.ready();
}

/**
 * Saves a layers model as `<dir>/model.json` + one weight shard, in the same
 * format `tf.loadLayersModel('…/model.json')` reads over HTTP.
 * Returns the byte sizes written.
 */
export async function saveLayersModel(
  model: tf.LayersModel,
  dir: string,
): Promise<{ modelJsonBytes: number; weightBytes: number }> {
  let sizes = { modelJsonBytes: 0, weightBytes: 0 };
  await model.save(
    tf.io.withSaveHandler(async (artifacts) => {
      if (!artifacts.weightData || !artifacts.weightSpecs) throw new Error('model has no weights');
      const weights = Buffer.from(tf.io.CompositeArrayBuffer.join(artifacts.weightData));
      const modelJson: tf.io.ModelJSON = {
        format: 'layers-model',
        generatedBy: `TensorFlow.js tfjs-layers v${tf.version_layers}`,
        convertedBy: null,
        modelTopology: artifacts.modelTopology as object,
        weightsManifest: [{ paths: [SHARD_NAME], weights: artifacts.weightSpecs }],
        ...(artifacts.userDefinedMetadata ? { userDefinedMetadata: artifacts.userDefinedMetadata } : {}),
      };
      const json = JSON.stringify(modelJson);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'model.json'), json);
      writeFileSync(join(dir, SHARD_NAME), weights);
      sizes = { modelJsonBytes: Buffer.byteLength(json), weightBytes: weights.length };
      return { modelArtifactsInfo: tf.io.getModelArtifactsInfoForJSON(artifacts) };
    }),
  );
  return sizes;
}

/** Loads `<dir>/model.json` and its shards from disk (custom layers must be registered first). */
export async function loadLayersModel(dir: string): Promise<tf.LayersModel> {
  const modelJson = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as tf.io.ModelJSON;
  const artifacts = await tf.io.getModelArtifactsForJSON(modelJson, async (manifest) => {
    const specs = manifest.flatMap((group) => group.weights);
    const buffers = manifest.flatMap((group) =>
      group.paths.map((p) => {
        const b = readFileSync(join(dir, p));
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      }),
    );
    return [specs, tf.io.concatenateArrayBuffers(buffers)];
  });
  return tf.loadLayersModel(tf.io.fromMemory(artifacts));
}
