import { cloneJson, isObject, type Json, type JsonObject } from './kerasTopology';

/**
 * Keras 3 → what tfjs 4.x reads (case M3). A Keras 3 model converted with
 * tensorflowjs_converter keeps Keras 3's config, which tfjs rejects ("An
 * InputLayer should be passed either a `batchInputShape` or an
 * `inputShape`"; tensorflow/tfjs#8328, #8494). The differences, each undone:
 *
 * 1. InputLayer `batch_shape` (Keras 2: `batch_input_shape`); `shape` alone → `[null, ...shape]`.
 * 2. `dtype` as a `DTypePolicy` / `FloatDTypePolicy` object → its name
 *    (mixed_float16 / mixed_bfloat16 → float32: tfjs computes in float32).
 * 3. `inbound_nodes` as `[{args: [keras tensors], kwargs}]` with `keras_history`
 *    → Keras 2 `[[[layer, node, tensor, kwargs], …]]`.
 * 4. `module`, `registered_name`, `build_config`, `compile_config` keys around
 *    serialised objects → dropped (Keras ≤ 2.12 wrote none).
 * 5. A single `input_layers`/`output_layers` triple not wrapped in a list → wrapped.
 *
 * Weights are untouched: only the topology changes, so the embeddings equal
 * those of the same model exported the Keras 2 way (tested).
 */
export interface Keras3Rewrite {
  topology: JsonObject;
  /** One line per kind of change made (empty: nothing Keras 3 was found). */
  changes: string[];
}

/** Contract: `topology` is model.json's `modelTopology`; it is not modified. */
export function normalizeKeras3Topology(topology: JsonObject): Keras3Rewrite {
  const out = cloneJson(topology);
  const counts = new Map<string, number>();
  const note = (what: string) => counts.set(what, (counts.get(what) ?? 0) + 1);
  rewrite(out, note);
  const changes = [...counts].map(([what, n]) => `${what} (${n}×)`);
  return { topology: out, changes };
}

/** True when the topology has any Keras 3 trait listed above (or says keras_version 3.x). */
export function isKeras3Topology(topology: JsonObject): boolean {
  if (typeof topology.keras_version === 'string' && topology.keras_version.startsWith('3.')) return true;
  return normalizeKeras3Topology(topology).changes.length > 0;
}

const WRAPPER_KEYS = ['module', 'registered_name', 'build_config', 'compile_config'];

function rewrite(x: Json, note: (what: string) => void): void {
  if (Array.isArray(x)) {
    x.forEach((v) => rewrite(v, note));
    return;
  }
  if (!isObject(x)) return;
  if (typeof x.class_name === 'string' && 'config' in x) {
    for (const k of WRAPPER_KEYS) {
      if (k in x) {
        delete x[k];
        note(`dropped "${k}" keys (Keras ≥ 2.13 / Keras 3 serialisation)`);
      }
    }
  }
  if (x.class_name === 'InputLayer' && isObject(x.config)) fixInputLayer(x.config, note);
  if (isObject(x.dtype) && typeof x.dtype.class_name === 'string' && /DTypePolicy$/.test(x.dtype.class_name)) {
    x.dtype = policyDtype(x.dtype);
    note('DTypePolicy objects → dtype names');
  }
  if (Array.isArray(x.inbound_nodes) && x.inbound_nodes.some((n) => isObject(n) && Array.isArray(n.args))) {
    x.inbound_nodes = x.inbound_nodes.map(keras2Node);
    note('Keras 3 inbound_nodes {args, kwargs} → Keras 2 node lists');
  }
  for (const key of ['input_layers', 'output_layers']) {
    const v = x[key];
    if (Array.isArray(v) && typeof v[0] === 'string') {
      x[key] = [v];
      note(`single ${key} triple wrapped in a list`);
    }
  }
  for (const v of Object.values(x)) rewrite(v, note);
}

function fixInputLayer(config: JsonObject, note: (what: string) => void): void {
  if (config.batch_input_shape !== undefined) return;
  if (Array.isArray(config.batch_shape)) {
    config.batch_input_shape = config.batch_shape;
    delete config.batch_shape;
    note('InputLayer batch_shape → batch_input_shape');
  } else if (Array.isArray(config.shape)) {
    config.batch_input_shape = [null, ...config.shape];
    delete config.shape;
    note('InputLayer shape → batch_input_shape');
  }
  // Keras 3 only; tfjs has no such option.
  delete config.optional;
}

function policyDtype(policy: JsonObject): string {
  const name = isObject(policy.config) && typeof policy.config.name === 'string' ? policy.config.name : 'float32';
  return name.startsWith('mixed_') ? 'float32' : name;
}

/** `{args, kwargs}` → `[[layer, node, tensor, kwargs], …]`, one entry per Keras tensor in `args`, in order. */
function keras2Node(node: Json): Json {
  if (!isObject(node) || !Array.isArray(node.args)) return node;
  const kwargs: JsonObject = {};
  if (isObject(node.kwargs)) {
    for (const [k, v] of Object.entries(node.kwargs)) if (!containsTensor(v)) kwargs[k] = v;
  }
  const refs: Json[] = [];
  const visit = (v: Json): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (isObject(v) && v.class_name === '__keras_tensor__' && isObject(v.config) && Array.isArray(v.config.keras_history)) {
      const [name, n, t] = v.config.keras_history;
      refs.push([name, n, t, kwargs]);
    }
  };
  visit(node.args);
  return refs;
}

function containsTensor(v: Json): boolean {
  if (Array.isArray(v)) return v.some(containsTensor);
  return isObject(v) && (v.class_name === '__keras_tensor__' || Object.values(v).some(containsTensor));
}
