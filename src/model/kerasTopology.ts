/**
 * Read-only helpers over a Keras layers-model topology as model.json holds
 * it (snake_case keys, exactly as Keras / tensorflowjs_converter / tfjs
 * write them). Rewrites in lambdaLayers.ts, sharedTower.ts and
 * keras3Topology.ts work on deep copies made with `cloneJson`.
 *
 * Two wrappers exist: tfjs writes `{class_name, config, keras_version,
 * backend}`; the converter writes `{keras_version, backend, model_config:
 * {class_name, config}, training_config?}`.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** One entry of a model's `layers` list: `{class_name, config, name?, inbound_nodes?}`. */
export interface LayerEntry extends JsonObject {
  class_name: string;
  config: JsonObject;
}

/** A Sequential / Functional / Model as `{class_name, config}`. */
export type ModelEntry = LayerEntry;

const MODEL_CLASSES = new Set(['Sequential', 'Functional', 'Model']);

/** Sequential, Functional (Keras ≥ 2.4) or Model (older Keras and tfjs): a layer that is itself a model. */
export function isModelClass(className: string): boolean {
  return MODEL_CLASSES.has(className);
}

export function isObject(x: unknown): x is JsonObject {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Deep copy of plain JSON (what every rewrite starts from: callers' artifacts are never mutated). */
export function cloneJson<T>(x: T): T {
  return JSON.parse(JSON.stringify(x)) as T;
}

/** The `{class_name, config}` of the top model, inside either wrapper. Throws when there is none. */
export function modelEntryOf(topology: unknown): ModelEntry {
  if (isObject(topology)) {
    const inner = isObject(topology.model_config) ? topology.model_config : topology;
    if (typeof inner.class_name === 'string' && (isObject(inner.config) || Array.isArray(inner.config))) return inner as ModelEntry;
  }
  throw new Error('the topology has no Keras model (no "class_name" with a "config")');
}

/** The layer list of a model entry (a Sequential config may be the list itself in old Keras). */
export function layersOf(model: ModelEntry): LayerEntry[] {
  const c = model.config as Json;
  const list = Array.isArray(c) ? c : isObject(c) && Array.isArray(c.layers) ? c.layers : [];
  return list.filter((l): l is LayerEntry => isObject(l) && typeof l.class_name === 'string' && isObject(l.config));
}

/** A layer's name: the entry's `name`, else its config's. */
export function layerName(layer: LayerEntry): string {
  return typeof layer.name === 'string' ? layer.name : String(layer.config.name ?? '');
}

/**
 * Visits every layer, depth first, descending into nested models.
 * `path` lists the names of the enclosing models (empty at the top).
 */
export function walkLayers(model: ModelEntry, visit: (layer: LayerEntry, path: string[]) => void, path: string[] = []): void {
  for (const layer of layersOf(model)) {
    visit(layer, path);
    if (isModelClass(layer.class_name)) walkLayers(layer, visit, [...path, layerName(layer)]);
  }
}

/**
 * Names of the layers one inbound node reads from, for Keras 2 / tfjs nodes
 * (`[[name, nodeIndex, tensorIndex, kwargs], …]`) and Keras 3 nodes
 * (`{args: [...keras tensors...], kwargs}` with `keras_history: [name, n, t]`).
 */
export function inboundSources(node: Json): string[] {
  const out: string[] = [];
  const visit = (x: Json): void => {
    if (Array.isArray(x)) {
      if (typeof x[0] === 'string' && typeof x[1] === 'number' && typeof x[2] === 'number') out.push(x[0]);
      else x.forEach(visit);
    } else if (isObject(x)) {
      if (x.class_name === '__keras_tensor__' && isObject(x.config) && Array.isArray(x.config.keras_history)) {
        const h = x.config.keras_history;
        if (typeof h[0] === 'string') out.push(h[0]);
      } else if (Array.isArray(x.args)) {
        visit(x.args);
      }
    }
  };
  visit(node);
  return out;
}

/** A Functional model's `input_layers` / `output_layers` as `[name, node, tensor]` triples (a single flat triple is wrapped). */
export function endpoints(model: ModelEntry, key: 'input_layers' | 'output_layers'): [string, number, number][] {
  const v = isObject(model.config) ? model.config[key] : undefined;
  if (!Array.isArray(v)) return [];
  if (typeof v[0] === 'string') return [v as unknown as [string, number, number]];
  return v.filter((e): e is Json[] => Array.isArray(e) && typeof e[0] === 'string') as unknown as [string, number, number][];
}

/** Number of inputs of a model entry: its `input_layers`, or 1 for a Sequential. */
export function inputCount(model: ModelEntry): number {
  return model.class_name === 'Sequential' ? 1 : endpoints(model, 'input_layers').length;
}
