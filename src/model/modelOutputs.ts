/**
 * Which of a model's outputs can serve as the embedding, and which one to
 * use by default. Pure: shapes and names in, words out (no tfjs).
 *
 * An embedding is a float [batch, D] tensor with D > 1. A [batch, 1, 1, D]
 * output (a 1×1 pooled map) counts too: it is flattened to [batch, D]. What
 * is refused, with the output named and the fix: one number per image
 * ([batch] or [batch, 1]: a score or a logit), a feature map with spatial
 * size ([batch, 7, 7, 512]) and integer/bool outputs (class ids).
 */

export interface TensorSummary {
  name: string;
  /** null for a dynamic dimension (the batch, or a size the model leaves open); [] when the model does not state the shape. */
  shape: (number | null)[];
  dtype: string;
}

/** One output of a dropped model, judged as an embedding. */
export interface OutputSummary extends TensorSummary {
  /** The graph tensor behind a signature key ('Identity_1:0' for 'logits') when it differs from `name`. */
  tensor?: string;
  /** Floats per image from this output; null when the model leaves it open (known after the first batch). */
  size: number | null;
  /** Why this output cannot be the embedding (names it and says what to do), or null. */
  problem: string | null;
}

/** Names that say "embedding" (Keras layer names, SavedModel signature keys). */
const EMBEDDING_NAME = /embed|feature|l2_?norm|normali[sz]e|descriptor|pool|bottleneck|representation|vector/i;
/** Names that say "classifier head". */
const HEAD_NAME = /logit|softmax|prob|predict|class|score|label|sigmoid/i;

const fmt = (s: (number | null)[]) => `[${s.map((d) => (d === null ? '?' : d)).join(', ')}]`;

/**
 * Why `t` (shape including the batch dimension) cannot be an embedding, or
 * null when it can or when its shape is not stated ([]: checked again on the
 * first batch by `checkOutputTensor`).
 */
export function outputProblem(t: TensorSummary): string | null {
  const { name, shape, dtype } = t;
  const pick = 'pick the [batch, D] embedding output instead, or export the model with the embedding layer as an output';
  if (dtype && !/^float/.test(dtype)) {
    return `Output "${name}" ${fmt(shape)} gives ${dtype} values (class ids or indices?), not a float embedding: ${pick}.`;
  }
  if (shape.length === 0) return null;
  if (shape.length === 1) return `Output "${name}" ${fmt(shape)} gives one number per image (a score or a class), not an embedding vector: ${pick}.`;
  const inner = shape.slice(1);
  const last = inner[inner.length - 1];
  const spatial = inner.slice(0, -1);
  if (spatial.some((d) => d !== 1)) {
    return (
      `Output "${name}" ${fmt(shape)} is a ${shape.length}-D feature map, not an embedding vector (flattening it would compare images pixel position by pixel position): ` +
      `pick the pooled [batch, D] output, or add GlobalAveragePooling2D (or Flatten + Dense) after it before exporting.`
    );
  }
  if (last === 1) {
    return `Output "${name}" ${fmt(shape)} has width 1 (one score or logit per image), not an embedding: every pair would be ranked by a single number — ${pick}.`;
  }
  return null;
}

/** Floats per image of an output without a problem; null when the width is dynamic or unstated. */
export function outputSize(shape: (number | null)[]): number | null {
  if (shape.length < 2) return null;
  const inner = shape.slice(1);
  return inner.every((d) => d !== null) ? (inner as number[]).reduce((a, b) => a * b, 1) : null;
}

/** A TensorSummary judged as an embedding output. */
export function judgeOutput(t: TensorSummary, tensor?: string): OutputSummary {
  const problem = outputProblem(t);
  return { ...t, ...(tensor && tensor !== t.name ? { tensor } : {}), size: problem ? null : outputSize(t.shape), problem };
}

/**
 * The output used when the user has not chosen one, and why (shown next to
 * the picker): among outputs without a problem, the first named like an
 * embedding (embedding, features, l2_normalize, pool…) and not like a head
 * (logits, softmax, predictions…); else the first one not named like a head;
 * else the first one. With no usable output, the first output (its problem
 * is then shown and nothing runs).
 * Contract: `outputs` non-empty, in the model's order.
 */
export function defaultOutput(outputs: readonly OutputSummary[]): { name: string; reason: string } {
  if (outputs.length === 0) throw new Error('defaultOutput: the model has no outputs');
  if (outputs.length === 1) return { name: outputs[0].name, reason: "the model's only output" };
  const usable = outputs.filter((o) => !o.problem);
  if (usable.length === 0) return { name: outputs[0].name, reason: 'no output has the [batch, D] shape of an embedding' };
  const rest = usable.length < outputs.length ? `; ${outputs.length - usable.length} other${outputs.length - usable.length === 1 ? ' is' : 's are'} not [batch, D]` : '';
  const named = usable.find((o) => EMBEDDING_NAME.test(o.name) && !HEAD_NAME.test(o.name));
  if (named) return { name: named.name, reason: `the [batch, D] output named like an embedding${rest}` };
  if (usable.length === 1) return { name: usable[0].name, reason: `the only [batch, D] output${rest}` };
  const notHead = usable.find((o) => !HEAD_NAME.test(o.name));
  const chosen = notHead ?? usable[0];
  return {
    name: chosen.name,
    reason: `no output is named like an embedding (embedding, features, l2_normalize…), so the first [batch, D] output${notHead && notHead !== usable[0] ? ' not named like a classifier head' : ''} is used — check that it is the right one`,
  };
}

/**
 * Runtime guard for outputs whose shape the model did not state: throws the
 * same message as `outputProblem` once the real tensor's shape is known.
 */
export function checkOutputTensor(name: string, shape: readonly number[], dtype: string): void {
  const problem = outputProblem({ name, shape: [null, ...shape.slice(1)], dtype });
  if (problem) throw new Error(problem);
}

/** tfjs dtype of a GraphDef dtype ('DT_FLOAT' → 'float32'). */
function graphDtype(dt: unknown): string {
  const map: Record<string, string> = { DT_FLOAT: 'float32', DT_HALF: 'float16', DT_DOUBLE: 'float64', DT_INT32: 'int32', DT_INT64: 'int64', DT_BOOL: 'bool', DT_STRING: 'string', DT_UINT8: 'uint8', DT_INT8: 'int8' };
  return typeof dt === 'string' ? (map[dt] ?? dt.replace(/^DT_/, '').toLowerCase()) : '';
}

interface SignatureTensor {
  name?: unknown;
  dtype?: unknown;
  tensorShape?: { dim?: { size?: unknown }[]; unknownRank?: unknown };
}

/**
 * The outputs a graph model's `signature` (model.json, from the SavedModel's
 * serving signature) declares, read without building the model: the key is
 * what `GraphModel.execute(x, key)` accepts, `tensor` the graph tensor
 * ('Identity:0'); size −1 is a dynamic dimension. Null when there is no
 * signature with outputs (then the loader's output nodes are used).
 */
export function signatureOutputs(signature: unknown): (TensorSummary & { tensor?: string })[] | null {
  return signatureEntries(signature, 'outputs');
}

function signatureEntries(signature: unknown, which: 'inputs' | 'outputs'): (TensorSummary & { tensor?: string })[] | null {
  const entries = signature && typeof signature === 'object' ? (signature as Record<string, unknown>)[which] : undefined;
  if (!entries || typeof entries !== 'object' || Object.keys(entries).length === 0) return null;
  return Object.entries(entries as Record<string, SignatureTensor>).map(([key, t]) => {
    const ts = t?.tensorShape;
    const shape = !ts || ts.unknownRank || !Array.isArray(ts.dim) ? [] : ts.dim.map((d) => (d?.size == null || Number(d.size) < 0 ? null : Number(d.size)));
    return { name: key, shape, dtype: graphDtype(t?.dtype), ...(typeof t?.name === 'string' ? { tensor: t.name } : {}) };
  });
}
