import { cloneJson, endpoints, inboundSources, isModelClass, isObject, layerName, layersOf, modelEntryOf, type Json, type JsonObject, type LayerEntry } from './kerasTopology';

/**
 * Layers tfjs cannot build (case M1 and its kind): Keras `Lambda` (a pickled
 * Python function), `TFOpLambda` / `SlicingOpLambda` (a TF op called on a
 * Keras tensor), and any class tfjs has not registered (a custom layer).
 */
export interface UnsupportedLayer {
  name: string;
  className: string;
  /** Names of the enclosing nested models ([] at the top level). */
  path: string[];
  /** True when it is the top model's only output layer, so removing it leaves a model. */
  isOutput: boolean;
  /** What the function appears to compute, read from its config (best effort). */
  guess: 'l2-normalize' | 'unknown';
}

/**
 * Contract: `topology` is a layers-model topology; `isKnownClass` says
 * whether tfjs can deserialise a class name (in the app:
 * tf.serialization.SerializationMap's class map after registering ours).
 */
export function findUnsupportedLayers(topology: JsonObject, isKnownClass: (className: string) => boolean): UnsupportedLayer[] {
  const top = modelEntryOf(topology);
  const outputName = outputLayerName(top);
  const found: UnsupportedLayer[] = [];
  const visit = (model: LayerEntry, path: string[]) => {
    for (const layer of layersOf(model)) {
      if (isModelClass(layer.class_name)) {
        visit(layer, [...path, layerName(layer)]);
      } else if (!isKnownClass(layer.class_name)) {
        const name = layerName(layer);
        found.push({ name, className: layer.class_name, path, isOutput: path.length === 0 && name === outputName, guess: guessFunction(layer) });
      }
    }
  };
  visit(top, []);
  return found;
}

/** The top model's single output layer name (last layer of a Sequential), or null with several outputs. */
export function outputLayerName(top: LayerEntry): string | null {
  if (top.class_name === 'Sequential') {
    const layers = layersOf(top);
    return layers.length > 0 ? layerName(layers[layers.length - 1]) : null;
  }
  const outs = endpoints(top, 'output_layers');
  return outs.length === 1 ? outs[0][0] : null;
}

/**
 * Reads a Lambda's function: TFOpLambda names its op (`math.l2_normalize`);
 * a Keras 2 Lambda holds marshalled Python bytecode in base64, whose name
 * table spells the functions it calls (`l2_normalize`); Keras 3 keeps the
 * same bytes under `function.config.code`.
 */
export function guessFunction(layer: LayerEntry): 'l2-normalize' | 'unknown' {
  const fn = layer.config.function;
  const texts: string[] = [];
  if (typeof fn === 'string') texts.push(fn, decodeBase64Latin1(fn));
  if (Array.isArray(fn) && typeof fn[0] === 'string') texts.push(decodeBase64Latin1(fn[0]));
  if (isObject(fn) && isObject(fn.config) && typeof fn.config.code === 'string') texts.push(decodeBase64Latin1(fn.config.code));
  return texts.some((t) => /l2_?normali[sz]e/i.test(t)) ? 'l2-normalize' : 'unknown';
}

function decodeBase64Latin1(s: string): string {
  try {
    return atob(s.replace(/\s+/g, ''));
  } catch {
    return '';
  }
}

export interface TrailingLayerRemoval {
  topology: JsonObject;
  removed: { name: string; className: string };
  /** What the app must apply to the model's output instead: L2-normalise it (null when replaced in-graph). */
  postprocess: 'l2-normalize' | null;
}

/**
 * The M1 fix: the same model without its output layer `name` (a Lambda), so
 * tfjs can build it; the app then L2-normalises the output itself
 * (`postprocess`). With `replaceWith: 'L2Normalize'` the layer is instead
 * swapped for Dipscope's registered L2Normalize layer (no postprocess).
 * Weights are unchanged (a Lambda has none).
 *
 * Contract: `name` is the top model's only output layer, has one input
 * tensor and feeds no other layer; throws otherwise (then only a re-export,
 * e.g. as a graph model, helps). `topology` is not modified.
 */
export function removeOutputLayer(topology: JsonObject, name: string, options: { replaceWith?: 'L2Normalize' } = {}): TrailingLayerRemoval {
  const out = cloneJson(topology);
  const top = modelEntryOf(out);
  if (outputLayerName(top) !== name) throw new Error(`layer "${name}" is not the model's only output, so it cannot be dropped; re-export the model as a graph model (see README "Convert your model")`);
  const layers = layersOf(top);
  const index = layers.findIndex((l) => layerName(l) === name);
  const layer = layers[index];
  const removed = { name, className: layer.class_name };
  if (options.replaceWith === 'L2Normalize') {
    layer.class_name = 'L2Normalize';
    layer.config = { name, trainable: false, dtype: 'float32' };
    return { topology: out, removed, postprocess: null };
  }
  if (top.class_name !== 'Sequential') {
    const nodes = Array.isArray(layer.inbound_nodes) ? layer.inbound_nodes : [];
    const refs = nodes.length === 1 ? keras2Refs(nodes[0]) : [];
    if (refs.length !== 1) throw new Error(`layer "${name}" takes ${refs.length} inputs; only a one-input output layer can be dropped`);
    const consumers = layers.filter((l) => l !== layer && Array.isArray(l.inbound_nodes) && l.inbound_nodes.some((n) => inboundSources(n).includes(name)));
    if (consumers.length > 0) throw new Error(`layer "${name}" also feeds ${layerName(consumers[0])}; it cannot be dropped`);
    (top.config as JsonObject).output_layers = [refs[0]];
  }
  const list = Array.isArray(top.config) ? (top.config as Json[]) : ((top.config as JsonObject).layers as Json[]);
  list.splice(list.indexOf(layer), 1);
  return { topology: out, removed, postprocess: 'l2-normalize' };
}

/** `[name, node, tensor]` references of one Keras 2 or Keras 3 inbound node. */
function keras2Refs(node: Json): [string, number, number][] {
  const refs: [string, number, number][] = [];
  const visit = (x: Json): void => {
    if (Array.isArray(x)) {
      if (typeof x[0] === 'string' && typeof x[1] === 'number' && typeof x[2] === 'number') refs.push([x[0], x[1], x[2]]);
      else x.forEach(visit);
    } else if (isObject(x)) {
      const h = isObject(x.config) ? x.config.keras_history : undefined;
      if (x.class_name === '__keras_tensor__' && Array.isArray(h)) refs.push([String(h[0]), Number(h[1]), Number(h[2])]);
      else if (Array.isArray(x.args)) visit(x.args);
    }
  };
  visit(node);
  return refs;
}
