import * as tf from '@tensorflow/tfjs';
import { registerL2Normalize } from './l2NormalizeLayer';

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
  let artifacts: tf.io.ModelArtifacts;
  try {
    artifacts = await tf.io.http(url).load!();
  } catch (e) {
    throw new Error(`could not load the model from ${url}: ${(e as Error).message}`);
  }
  return { artifacts, format: detectFormat(artifacts), metadata: artifacts.userDefinedMetadata };
}

export function detectFormat(artifacts: Pick<tf.io.ModelArtifacts, 'format' | 'modelTopology'>): 'layers-model' | 'graph-model' {
  if (artifacts.format === 'layers-model' || artifacts.format === 'graph-model') return artifacts.format;
  const topo = artifacts.modelTopology as Record<string, unknown> | undefined;
  if (topo && ('class_name' in topo || 'model_config' in topo)) return 'layers-model';
  if (topo && 'node' in topo) return 'graph-model';
  throw new Error('model.json is neither a layers-model nor a graph-model (no "format", no Keras topology, no GraphDef)');
}

/** Builds a model from fetched artifacts on the *current* tfjs backend. */
export async function buildModel(loaded: LoadedArtifacts): Promise<EmbeddingModel> {
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
