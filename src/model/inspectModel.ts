import * as tf from '@tensorflow/tfjs';
import { asUint8, type NamedBytes } from '../io/bytes';
import { assembleModelFiles } from './modelFiles';
import { planModel, type ModelOffer } from './planModel';
import type { LoadedArtifacts } from './loadModel';
import { registerL2Normalize } from './l2NormalizeLayer';
import { readPreprocessing, type Preprocessing, type PreprocessingSource } from './preprocess';
import { modelHash } from './weightsHash';
import { defaultOutput, judgeOutput, signatureOutputs, type OutputSummary, type TensorSummary } from './modelOutputs';
import { describeModelName, type DropOrigin } from './modelName';
import { inputLayout, layoutNote } from './inputLayout';

export type { OutputSummary, TensorSummary };

/** What the landing page shows about a dropped model that can be used. */
export interface ModelSummary {
  name: string;
  format: 'layers-model' | 'graph-model';
  inputs: TensorSummary[];
  /** Each output judged as an embedding (size, or the problem that rules it out). */
  outputs: OutputSummary[];
  /** The output used unless the user picks another (see defaultOutput), and why. */
  defaultOutput: string;
  defaultReason: string;
  /** Floats per embedding of the default output; null when its shape is dynamic (known after the first batch). */
  embeddingSize: number | null;
  /** Read from the model's input shape and metadata; the user can change it. */
  preprocessing: Preprocessing;
  /** 'metadata' when the model.json states its normalisation, 'default' when it is Dipscope's guess (to be checked by the user). */
  preprocessingSource: PreprocessingSource;
  /** Whether the input's height and width are fixed by the model (then the size cannot be edited). */
  fixedSize: boolean;
  /** The size is fixed or stated in the metadata; false: the model takes any size and 224 × 224 is a guess the user is asked to confirm. */
  sizeStated: boolean;
  /** The model fixes the number of channels (1 or 3). */
  fixedChannels: boolean;
  /** Topology + weights hash: the embedding cache and the remembered preprocessing are keyed by it. */
  hash: string;
  notes: string[];
  /** Dropped files the model does not use. */
  unused: string[];
}

export type ModelInspection =
  | { kind: 'ready'; summary: ModelSummary; loaded: LoadedArtifacts }
  | { kind: 'choose'; name: string; problem: string; offers: ModelOffer[]; notes: string[]; unused: string[] }
  | { kind: 'refused'; name: string; problem: string; fix: string; notes: string[] };

/**
 * A dropped model, checked before anything embeds: assembled from its files
 * (M5), planned without a loader (M1–M4), and when usable built once on the
 * CPU backend of this thread to read its inputs and outputs. Throws the
 * `ModelFileError` of assembleModelFiles for files that cannot make a model.
 */
export async function inspectModel(files: readonly NamedBytes[], origin: DropOrigin = {}): Promise<ModelInspection> {
  const assembled = await assembleModelFiles(files);
  const used = files.filter((f) => !assembled.unused.includes(f.name));
  const bytes = used.reduce((a, f) => a + asUint8(f.bytes).byteLength, 0);
  const name = describeModelName({ modelJson: assembled.modelJson, zipName: origin.zipName, shards: used.length - 1, bytes, topology: assembled.artifacts.modelTopology });
  return inspectArtifacts(assembled.artifacts, name, assembled.unused, assembled.notes);
}

/** Plans (and describes) artifacts, e.g. those an offer's `apply()` returned. */
export async function inspectArtifacts(artifacts: tf.io.ModelArtifacts, name: string, unused: string[], earlierNotes: string[]): Promise<ModelInspection> {
  const plan = planModel(artifacts);
  const notes = [...earlierNotes, ...plan.notes];
  if (plan.kind === 'choose') return { kind: 'choose', name, problem: plan.problem, offers: plan.offers, notes, unused };
  if (plan.kind === 'refused') return { kind: 'refused', name, problem: plan.problem, fix: plan.fix, notes };
  const summary = await describe(plan.loaded, name, notes, unused);
  return { kind: 'ready', summary, loaded: plan.loaded };
}

async function describe(loaded: LoadedArtifacts, name: string, notes: string[], unused: string[]): Promise<ModelSummary> {
  if (tf.getBackend() !== 'cpu') await tf.setBackend('cpu');
  await tf.ready();
  const hash = await modelHash(loaded.artifacts);
  let inputs: TensorSummary[];
  let outputs: OutputSummary[];
  if (loaded.format === 'layers-model') {
    registerL2Normalize();
    const model = await tf.loadLayersModel(tf.io.fromMemory(loaded.artifacts)).catch((e: unknown) => {
      throw weightsDoNotFit(e);
    });
    try {
      inputs = model.inputs.map((t) => ({ name: t.name, shape: [...t.shape], dtype: t.dtype }));
      // The output layer's name is what the user knows (and what buildModel matches a choice against).
      outputs = model.outputs.map((t, i) => judgeOutput({ name: model.outputNames[i] ?? t.name, shape: [...t.shape], dtype: t.dtype }));
    } finally {
      model.dispose();
    }
  } else {
    const graph = await tf.loadGraphModel(tf.io.fromMemory(loaded.artifacts)).catch((e: unknown) => {
      throw weightsDoNotFit(e);
    });
    try {
      const dims = (s?: number[]) => (s ?? []).map((d) => (d == null || d < 0 ? null : d));
      inputs = graph.inputs.map((t) => ({ name: t.name, shape: dims(t.shape), dtype: String(t.dtype) }));
      // The signature states output shapes and dtypes (the loader's output nodes usually do not); its keys are what execute() takes.
      const declared = signatureOutputs(loaded.artifacts.signature);
      outputs = declared
        ? declared.map((t) => judgeOutput(t, t.tensor))
        : graph.outputs.map((t) => judgeOutput({ name: t.name, shape: dims(t.shape), dtype: t.dtype ? String(t.dtype) : '' }));
    } finally {
      graph.dispose();
    }
  }
  const inShape = inputs[0]?.shape ?? [];
  const { preprocessing, source: preprocessingSource, sizeStated, metadataProblems } = readPreprocessing(inShape, loaded.metadata, inputs[0]?.dtype);
  const layout = inputLayout(inShape);
  const adapted = layoutNote(layout);
  const intInput = inputs[0] && /int/.test(inputs[0].dtype) ? `the input is ${inputs[0].dtype}: images are fed as whole 0–255 values (normalisation "raw" unless the model says otherwise)` : null;
  const chosen = defaultOutput(outputs);
  const embeddingSize = outputs.find((o) => o.name === chosen.name)?.size ?? null;
  return {
    name,
    format: loaded.format,
    inputs,
    outputs,
    defaultOutput: chosen.name,
    defaultReason: chosen.reason,
    embeddingSize,
    preprocessing,
    preprocessingSource,
    fixedSize: layout.height !== null && layout.width !== null,
    sizeStated,
    fixedChannels: layout.channels !== null,
    hash,
    notes: [
      ...notes,
      ...metadataProblems.map((m) => `model.json's userDefinedMetadata: ${m} (fix the file: README, "State the preprocessing in the model").`),
      ...[adapted, intInput].filter((n): n is string => n !== null).map((n) => `${n[0].toUpperCase()}${n.slice(1)}.`),
    ],
    unused,
  };
}

/**
 * tfjs' own message when the weights do not fit the topology ("Shape mismatch:
 * [784,256] vs. [256,784]", "dtype of the new value (int32) and previous value
 * (float32) must match", "Provided weight data has no target variable:
 * renamed/kernel"), said as what it means for the files and what to do.
 */
export function weightsDoNotFit(e: unknown): Error {
  const reason = ((e as Error)?.message ?? String(e)).trim();
  return new Error(
    `model.json: its weightsManifest does not fit its modelTopology — TensorFlow.js says: ${reason}. The shards and model.json were probably written by different exports, or model.json was edited. Fix: drop the model.json and the .bin shards that one tensorflowjs_converter run wrote together`,
  );
}
