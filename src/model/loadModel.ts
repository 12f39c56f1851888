import * as tf from '@tensorflow/tfjs';
import { registerL2Normalize } from './l2NormalizeLayer';
import { assertLoaderMatches, detectModelFormat } from './modelFormat';
import { fetchModelFiles } from './fetchModelFiles';
import { checkOutputTensor } from './modelOutputs';
import { inputLayout, type InputLayout } from './inputLayout';

/** What the app needs from a model: one image batch in, one embedding per image out. */
export interface EmbeddingModel {
  /** The model's own input shape (any layout inputLayout reads); null for dynamic dimensions. */
  inputShape: (number | null)[];
  /** The input's dtype ('float32', or 'int32' for a graph model taking whole pixel values). */
  inputDtype: string;
  /** Embeds prepared images, [batch, H, W, C] float32 whatever the model's layout (adapted here). */
  predict(x: tf.Tensor4D): tf.Tensor;
  dispose(): void;
}

/** The prepared [N, H, W, C] batch in the model's own layout and dtype (call inside tf.tidy). */
function adaptInput(x: tf.Tensor4D, layout: InputLayout, dtype: string): tf.Tensor {
  const [n, h, w] = x.shape;
  let t: tf.Tensor = x;
  if (layout.kind === 'nchw') t = tf.transpose(x, [0, 3, 1, 2]);
  else if (layout.kind === 'nhw') t = tf.reshape(x, [n, h, w]);
  else if (layout.kind === 'flat') t = tf.reshape(x, [n, -1]);
  return /int/.test(dtype) ? tf.cast(tf.round(t), 'int32') : t;
}

export interface LoadedArtifacts {
  artifacts: tf.io.ModelArtifacts;
  format: 'layers-model' | 'graph-model';
  metadata: unknown;
  /**
   * The output to embed with, for a model with several (the user's pick, see
   * ModelSummary.outputs): a graph model's signature key or output node name,
   * a layers model's output layer name. Absent: the model's only output.
   */
  output?: string;
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

/**
 * Builds a model from fetched artifacts on the *current* tfjs backend.
 * `predict` returns the chosen output (`loaded.output`, else the only one)
 * and throws, naming the output, when what comes out is not [batch, D]
 * (a feature map, one number per image, integers: see modelOutputs.ts).
 */
export async function buildModel(loaded: LoadedArtifacts): Promise<EmbeddingModel> {
  // A wrong `format` (hand-edited, or set by a caller) must not reach the wrong loader (M4).
  assertLoaderMatches({ format: loaded.format, modelTopology: loaded.artifacts.modelTopology }, loaded.format);
  const several = (names: string[]) =>
    new Error(`the model has ${names.length} outputs (${names.join(', ')}) and none was chosen: pick the embedding output in the model panel`);
  if (loaded.format === 'layers-model') {
    registerL2Normalize();
    const model = await tf.loadLayersModel(tf.io.fromMemory(loaded.artifacts));
    const names = model.outputNames;
    const index = loaded.output === undefined ? 0 : names.indexOf(loaded.output);
    if (index < 0 || (loaded.output === undefined && names.length > 1)) {
      model.dispose();
      throw index < 0 ? new Error(`the model has no output "${loaded.output}" (its outputs: ${names.join(', ')})`) : several(names);
    }
    const name = names[index];
    const inputShape = model.inputs[0].shape;
    const inputDtype = model.inputs[0].dtype;
    const layout = inputLayout(inputShape);
    return {
      inputShape,
      inputDtype,
      predict: (x) => {
        const all = model.predict(adaptInput(x, layout, inputDtype));
        const y = Array.isArray(all) ? all[index] : all;
        if (Array.isArray(all)) all.forEach((t, k) => k !== index && t.dispose());
        checkOutputTensor(name, y.shape, y.dtype);
        return y;
      },
      dispose: () => model.dispose(),
    };
  }
  const graph = await tf.loadGraphModel(tf.io.fromMemory(loaded.artifacts));
  const names = graph.outputNodes;
  if (loaded.output === undefined && names.length > 1) {
    graph.dispose();
    throw several(names);
  }
  const output = loaded.output ?? names[0];
  const inputShape = (graph.inputs[0].shape ?? [null, null, null, 3]).map((d) => (d == null || d < 0 ? null : d));
  const inputDtype = String(graph.inputs[0].dtype ?? 'float32');
  const layout = inputLayout(inputShape);
  return {
    inputShape,
    inputDtype,
    predict: (x) => {
      // execute() maps a signature key ('embedding') to its tensor ('Identity:0') and computes only what that output needs.
      const y = graph.execute(adaptInput(x, layout, inputDtype), output) as tf.Tensor;
      checkOutputTensor(output, y.shape, y.dtype);
      return y;
    },
    dispose: () => graph.dispose(),
  };
}
