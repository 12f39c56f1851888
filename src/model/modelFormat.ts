/**
 * Which tfjs loader a model.json needs, decided from the file before any
 * loader runs (case M4: `tf.loadGraphModel` on a Keras topology, or
 * `tf.loadLayersModel` on a GraphDef, fails with an unrelated TypeError).
 *
 * The topology's shape decides: a Keras topology (`class_name` or
 * `model_config`) is a layers-model; a GraphDef (`node` list) is a
 * graph-model. The `format` field is used when there is no topology, and a
 * `format` that contradicts the topology is reported (the topology wins: it
 * is what the loader parses).
 */

export type ModelFormat = 'layers-model' | 'graph-model';

export interface FormatDetection {
  format: ModelFormat;
  /** Why, in words, e.g. 'a Keras topology ("class_name": "Functional")'. */
  evidence: string;
  /** Set when the `format` field says otherwise. */
  conflict?: string;
}

/**
 * Contract: `json` is a parsed model.json (or tf.io.ModelArtifacts: same keys).
 * Throws an Error naming what the file holds when it is neither format.
 */
export function detectModelFormat(json: { format?: unknown; modelTopology?: unknown }): FormatDetection {
  const topo = json.modelTopology;
  const declared = json.format === 'layers-model' || json.format === 'graph-model' ? json.format : undefined;
  const shape = topologyShape(topo);
  if (shape) {
    const conflict =
      declared && declared !== shape.format
        ? `model.json says "format": "${declared}" but its topology is ${shape.evidence}; it is loaded as a ${shape.format}`
        : undefined;
    return { ...shape, ...(conflict ? { conflict } : {}) };
  }
  if (declared && (topo === undefined || topo === null)) return { format: declared, evidence: `"format": "${declared}"` };
  const keys = topo && typeof topo === 'object' ? Object.keys(topo).slice(0, 6).join(', ') : String(topo);
  throw new Error(
    `model.json is neither a layers-model nor a graph-model: its modelTopology (${keys || 'empty'}) has no Keras "class_name"/"model_config" and no GraphDef "node" list. ` +
      'Convert the model with tensorflowjs_converter (--output_format tfjs_layers_model or tfjs_graph_model).',
  );
}

function topologyShape(topo: unknown): Omit<FormatDetection, 'conflict'> | null {
  if (!topo || typeof topo !== 'object') return null;
  const t = topo as Record<string, unknown>;
  if (typeof t.class_name === 'string') return { format: 'layers-model', evidence: `a Keras topology ("class_name": "${t.class_name}")` };
  const mc = t.model_config as Record<string, unknown> | undefined;
  if (mc && typeof mc === 'object') return { format: 'layers-model', evidence: `a Keras topology ("model_config": "${String(mc.class_name)}")` };
  if (Array.isArray(t.node)) return { format: 'graph-model', evidence: `a TensorFlow GraphDef (${t.node.length} nodes)` };
  return null;
}

/**
 * Guard for the loader call: throws before `tf.loadLayersModel` /
 * `tf.loadGraphModel` runs when `loader` is not the one the topology needs.
 */
export function assertLoaderMatches(json: { format?: unknown; modelTopology?: unknown }, loader: ModelFormat): void {
  const found = detectModelFormat(json);
  if (found.format !== loader) {
    const other = loader === 'graph-model' ? 'tf.loadLayersModel' : 'tf.loadGraphModel';
    throw new Error(`this model is a ${found.format} (${found.evidence}) but was handed to the ${loader} loader; it needs ${other}`);
  }
}
