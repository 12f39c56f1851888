import * as tf from '@tensorflow/tfjs';
import { registerL2Normalize } from './l2NormalizeLayer';
import { assertLoaderMatches, detectModelFormat } from './modelFormat';
import { fetchModelFiles } from './fetchModelFiles';

/** What the app needs from a model: one image batch in, one embedding per image out. */
export interface EmbeddingModel {
  /** [batch, H, W, C]; null for dynamic dimensions. */
  inputShape: (number | null)[];
  predict(x: tf.Tensor4D): tf.Tensor;
  dispose(): void;
}

export interface LoadedArtifacts {
  artifacts: tf.io.ModelArtifacts;
  format: 'layers-model' | 'graph-model';
  metadata: unknown;
}

/**
 * Fetches model.json and its weight shards once, so the same bytes can be built
 * into a model on every backend that is tried. The format is read from the file
 * before any loader runs (layers-model: `format` or a Keras `class_name`
 * topology; graph-model: a GraphDef with `node`).
 */
export async function fetchModelArtifacts(url: string): Promise<LoadedArtifacts> {
  const artifacts = await fetchModelFiles(url);
  return { artifacts, format: detectFormat(artifacts), metadata: artifacts.userDefinedMetadata };
}

/** The loader a model needs, from its topology's shape (then `format`); see modelFormat.ts (case M4). */
export function detectFormat(artifacts: Pick<tf.io.ModelArtifacts, 'format' | 'modelTopology'>): 'layers-model' | 'graph-model' {
  return detectModelFormat(artifacts).format;
}

/** Builds a model from fetched artifacts on the *current* tfjs backend. */
export async function buildModel(loaded: LoadedArtifacts): Promise<EmbeddingModel> {
  // A wrong `format` (hand-edited, or set by a caller) must not reach the wrong loader (M4).
  assertLoaderMatches({ format: loaded.format, modelTopology: loaded.artifacts.modelTopology }, loaded.format);
  if (loaded.format === 'layers-model') {
    registerL2Normalize();
    const model = await tf.loadLayersModel(tf.io.fromMemory(loaded.artifacts));
    const shape = model.inputs[0].shape;
    return {
      inputShape: shape,
      predict: (x) => model.predict(x) as tf.Tensor,
      dispose: () => model.dispose(),
    };
  }
  const graph = await tf.loadGraphModel(tf.io.fromMemory(loaded.artifacts));
  const shape = graph.inputs[0].shape ?? [null, null, null, 3];
  return {
    inputShape: shape.map((d) => (d == null || d < 0 ? null : d)),
    predict: (x) => {
      const y = graph.predict(x);
      if (Array.isArray(y) || !(y instanceof tf.Tensor)) throw new Error('graph model has several outputs; pick one (not supported yet)');
      return y;
    },
    dispose: () => graph.dispose(),
  };
}
