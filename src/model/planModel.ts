import * as tf from '@tensorflow/tfjs';
import { registerL2Normalize } from './l2NormalizeLayer';
import type { LoadedArtifacts } from './loadModel';
import { detectModelFormat } from './modelFormat';
import { normalizeKeras3Topology } from './keras3Topology';
import { endpoints, inputCount, modelEntryOf, type JsonObject } from './kerasTopology';
import { findUnsupportedLayers, removeOutputLayer, type UnsupportedLayer } from './lambdaLayers';
import { extractTower, findSharedTower } from './sharedTower';

/** A one-click way out of a problem; `apply` returns new artifacts to plan again (never loads). */
export interface ModelOffer {
  id: 'l2-normalize-in-app' | 'drop-output-layer' | 'extract-tower';
  label: string;
  /** Marks the offer the app recommends. */
  recommended: boolean;
  /** What the model is once applied, in words for the model panel (the outputs listed there are the rebuilt model's). */
  applied: string;
  apply(): tf.io.ModelArtifacts;
}

export type ModelPlan =
  /** Buildable as is: hand `loaded` to buildModel / chooseBackend. */
  | { kind: 'ready'; loaded: LoadedArtifacts; notes: string[] }
  /** Not buildable as is, but one of `offers` makes it so (cases M1, M2). */
  | { kind: 'choose'; problem: string; offers: ModelOffer[]; notes: string[] }
  /** Not buildable here; `fix` says what to do outside the app. */
  | { kind: 'refused'; problem: string; fix: string; notes: string[] };

const GRAPH_FIX = 're-export it as a graph model (tensorflowjs_converter --input_format tf_saved_model --output_format tfjs_graph_model; README "Convert your model")';

/**
 * Decides, without running any loader, whether model artifacts can be built
 * and what to offer when they cannot:
 * - graph-model: ready (the format comes from the topology, case M4);
 * - Keras 3 config: rewritten to what tfjs reads, noted (M3);
 * - several inputs sharing a nested model: offer that tower (M2);
 * - an unsupported output layer (Lambda, TFOpLambda, custom): offer to
 *   L2-normalise in the app instead, or to drop it (M1); anywhere else: refused.
 * Never returns a half-usable model: anything unknown is 'choose' or 'refused'.
 * Contract: `artifacts` as from assembleModelFiles; not modified.
 */
export function planModel(artifacts: tf.io.ModelArtifacts): ModelPlan {
  const detection = detectModelFormat(artifacts);
  const notes = detection.conflict ? [detection.conflict] : [];
  const metadata = artifacts.userDefinedMetadata;
  if (detection.format === 'graph-model') return { kind: 'ready', loaded: { artifacts, format: 'graph-model', metadata }, notes };

  const k3 = normalizeKeras3Topology(artifacts.modelTopology as JsonObject);
  if (k3.changes.length > 0) notes.push(`Keras 3 / newer Keras config rewritten for TensorFlow.js: ${k3.changes.join('; ')}`);
  const current: tf.io.ModelArtifacts = k3.changes.length > 0 ? { ...artifacts, modelTopology: k3.topology } : artifacts;
  const topology = current.modelTopology as JsonObject;
  const top = modelEntryOf(topology);

  if (inputCount(top) > 1) {
    const inputs = endpoints(top, 'input_layers').map((e) => e[0]);
    const tower = findSharedTower(topology);
    if (!tower) {
      return {
        kind: 'refused',
        problem: `The model has ${inputs.length} inputs (${inputs.join(', ')}) and no nested model shared between them; Dipscope needs an embedding model with one image input.`,
        fix: 'in Keras, save the embedding part alone (e.g. keras.Model(anchor_input, embedding_output)) and convert that',
        notes,
      };
    }
    return {
      kind: 'choose',
      problem: `This looks like a training model: ${inputs.length} inputs (${inputs.join(', ')}) all run through the nested model "${tower.name}" (${tower.className}, used ${tower.uses}×). Dipscope needs the embedding model: one image in, one embedding out.`,
      offers: [{ id: 'extract-tower', label: `Use "${tower.name}" as the embedding model`, recommended: true, applied: `The shared tower "${tower.name}" is the model now: one image in, its embedding out.`, apply: () => extractTower(current, tower.name) }],
      notes,
    };
  }

  registerL2Normalize();
  const known = tf.serialization.SerializationMap.getMap().classNameMap;
  const unsupported = findUnsupportedLayers(topology, (c) => c in known);
  if (unsupported.length === 0) return { kind: 'ready', loaded: { artifacts: current, format: 'layers-model', metadata }, notes };
  const [first] = unsupported;
  if (unsupported.length === 1 && first.isOutput) return { kind: 'choose', problem: describe(first), offers: outputLayerOffers(current, first), notes };
  const list = unsupported.map((u) => `"${[...u.path, u.name].join('/')}" (${u.className})`).join(', ');
  return {
    kind: 'refused',
    problem: `TensorFlow.js cannot build the layer${unsupported.length > 1 ? 's' : ''} ${list}${first.isOutput ? '' : ', which other layers depend on'}. Loading without ${unsupported.length > 1 ? 'them' : 'it'} would give a different model.`,
    fix: GRAPH_FIX,
    notes,
  };
}

function describe(u: UnsupportedLayer): string {
  const what =
    u.className === 'Lambda'
      ? 'a Keras Lambda layer, which TensorFlow.js cannot load (its Python function is stored as bytecode)'
      : u.className.endsWith('OpLambda')
        ? 'a TensorFlow op wrapped as a layer, which TensorFlow.js layers cannot load'
        : 'a custom layer class TensorFlow.js does not know';
  const guess = u.guess === 'l2-normalize' ? ' It appears to L2-normalise the embedding.' : '';
  return `The output layer "${u.name}" (class ${u.className}) is ${what}.${guess} Either load the model without it and let Dipscope L2-normalise the embeddings, or ${GRAPH_FIX}.`;
}

function outputLayerOffers(artifacts: tf.io.ModelArtifacts, u: UnsupportedLayer): ModelOffer[] {
  const topology = artifacts.modelTopology as JsonObject;
  const rebuilt = (t: JsonObject): tf.io.ModelArtifacts => ({ ...artifacts, modelTopology: t });
  return [
    {
      id: 'l2-normalize-in-app',
      label: `Replace "${u.name}" with Dipscope's L2-normalisation`,
      recommended: u.guess === 'l2-normalize',
      applied: `"${u.name}" (${u.className}) is now Dipscope's L2Normalize layer under the same name: the output "${u.name}" below is the previous layer's output, L2-normalised.`,
      apply: () => rebuilt(removeOutputLayer(topology, u.name, { replaceWith: 'L2Normalize' }).topology),
    },
    {
      id: 'drop-output-layer',
      label: `Load without "${u.name}" (use the previous layer's output as the embedding)`,
      recommended: false,
      applied: `"${u.name}" (${u.className}) was left out: the output below is the previous layer's, used as it is (not normalised).`,
      apply: () => rebuilt(removeOutputLayer(topology, u.name).topology),
    },
  ];
}
