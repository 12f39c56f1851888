import type * as tf from '@tensorflow/tfjs';
import { endpoints, inboundSources, inputCount, isModelClass, layerName, layersOf, modelEntryOf, walkLayers, type JsonObject } from './kerasTopology';
import { selectWeights } from './weightSubset';

/**
 * Case M2: the file is a *training* model — several inputs (anchor,
 * positive, negative) that all run through one embedding tower, itself a
 * nested Functional / Model / Sequential layer, whose outputs are then
 * concatenated or compared. The embedding model is that tower.
 */
export interface SharedTower {
  /** Layer name of the nested model in the outer model. */
  name: string;
  className: string;
  /** How many times the outer model calls it (3 for a triplet model). */
  uses: number;
  /** The outer model's input layer names, e.g. ['anchor', 'positive', 'negative']. */
  inputs: string[];
  /** The outer model's inputs that the tower is applied to directly. */
  fedBy: string[];
}

/**
 * Finds the nested model called most often by a model with ≥ 2 inputs, when
 * it is called at least twice; null otherwise (one input, or shared plain
 * layers without a nested model: then only a re-export of the tower helps).
 * Contract: `topology` is a layers-model topology; not modified.
 */
export function findSharedTower(topology: JsonObject): SharedTower | null {
  const top = modelEntryOf(topology);
  if (inputCount(top) < 2) return null;
  const inputs = endpoints(top, 'input_layers').map((e) => e[0]);
  let best: SharedTower | null = null;
  for (const layer of layersOf(top)) {
    if (!isModelClass(layer.class_name) || !Array.isArray(layer.inbound_nodes)) continue;
    const uses = layer.inbound_nodes.length;
    if (uses < 2 || (best && best.uses >= uses)) continue;
    const fedBy = layer.inbound_nodes.flatMap((n) => inboundSources(n)).filter((s) => inputs.includes(s));
    best = { name: layerName(layer), className: layer.class_name, uses, inputs, fedBy };
  }
  return best;
}

/**
 * The tower as a standalone model: its own topology (the nested model's
 * `{class_name, config}`) and the subset of weights it owns, with names as a
 * one-input model of the same layers would have them. Weight names are
 * matched as converters write them: `dense/kernel` (Keras 2 h5, tfjs) or
 * `tower/dense/kernel` (scoped); the scope prefix is dropped.
 *
 * Contract: `artifacts` hold a layers-model with weights; `towerName` names
 * a nested model layer of its top model. Throws if there is no such layer
 * or it owns no weights. The input artifacts are not modified.
 */
export function extractTower(artifacts: tf.io.ModelArtifacts, towerName: string): tf.io.ModelArtifacts {
  const topology = artifacts.modelTopology as JsonObject;
  const top = modelEntryOf(topology);
  const tower = layersOf(top).find((l) => layerName(l) === towerName && isModelClass(l.class_name));
  if (!tower) throw new Error(`the model has no nested model layer named "${towerName}"`);
  if (!artifacts.weightSpecs || !artifacts.weightData) throw new Error('the model has no weights to extract the tower from');
  const inner = new Set<string>();
  walkLayers(tower, (l) => inner.add(layerName(l)));
  const { weightSpecs, weightData } = selectWeights(artifacts.weightSpecs, artifacts.weightData, (spec) => {
    if (spec.name.startsWith(`${towerName}/`) && inner.has(spec.name.split('/')[1])) return spec.name.slice(towerName.length + 1);
    return inner.has(spec.name.split('/')[0]) ? spec.name : null;
  });
  if (weightSpecs.length === 0) throw new Error(`no weight in the file belongs to "${towerName}" (looked for names starting with its layers' names)`);
  // The training config (triplet loss, optimizer) belongs to the outer model: not carried over.
  const rest: tf.io.ModelArtifacts = { ...artifacts };
  delete rest.trainingConfig;
  return {
    ...rest,
    modelTopology: { class_name: tower.class_name, config: structuredClone(tower.config), keras_version: topology.keras_version ?? null, backend: topology.backend ?? null },
    weightSpecs,
    weightData,
  };
}
