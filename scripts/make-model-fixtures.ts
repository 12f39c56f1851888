/**
 * Writes the model fixtures of cases M1–M5 (tests/fixtures/models/*) from
 * tiny real tfjs models (8×8×1 input, Dense layers, fixed weights), with
 * model.json edited to look as tensorflowjs_converter writes Keras models:
 *
 *   m1-lambda/            Keras 2 Functional ending Dense → Lambda(l2_normalize) (M1)
 *   m2-triplet/           3-input triplet training model around a nested Functional tower (M2)
 *   m2-tower/             the tower alone, one input, same weights (M2 reference)
 *   m3-keras2/            Functional exported the Keras 2 way (M3 reference)
 *   m3-keras3/            the same model as Keras 3 writes it: batch_shape, DTypePolicy, {args, kwargs} nodes (M3)
 *   m3-keras3-sequential/ a Keras 3 Sequential (InputLayer with batch_shape first)
 *   m4-graph/             hand-written GraphDef: Placeholder → Reshape → MatMul(Const) → Identity (M4)
 *   m5-sharded/           the m3-keras2 model with its weights in two shards (M5)
 *   m6-graph-two-outputs/ GraphDef with two outputs, as the converter writes a SavedModel with a dict
 *                         of outputs: signature keys "embedding" (Identity:0, [N,16]) and "logits"
 *                         (Identity_1:0, [N,10], computed from the embedding)
 *
 * Run: npx tsx scripts/make-model-fixtures.ts — deterministic (weights from a
 * seeded generator), so re-running rewrites identical bytes.
 * Keras 3 layout follows a real converter output (tfjs issue #8328's model.json).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { seededRandom } from '../src/io/seededRandom';
import { keras3Model, type J } from './lib/keras3Json';

const ROOT = new URL('../tests/fixtures/models/', import.meta.url);
const CONVERTER = 'TensorFlow.js Converter v4.22.0';

/** marshal.dumps((lambda x: K.l2_normalize(x, axis=1)).__code__), base64 with newlines, as Keras' func_dump writes it (CPython 3.11). */
const L2_LAMBDA_CODE =
  '4wEAAAAAAAAAAAAAAAQAAAADAAAA8zoAAACXAHQAAAAAAAAAAAAAAKABAAAAAAAAAAAAAAAAAAAA\nAAAAAAB8AGQBrAKmAgAAqwIAAAAAAAAAAFMAKQNO6QEAAAApAdoEYXhpcykC2gFL2gxsMl9ub3Jt\nYWxpemWpAdoBeHMBAAAAIPoIPHN0cmluZz76CDxsYW1iZGE+cgkAAAAEAAAAcxYAAACAAI1hj26K\nbphRoFGIbtEOJ9QOJ4AA8wAAAAA=\n';

function setFixedWeights(model: tf.LayersModel, seed: number): void {
  const random = seededRandom(seed);
  for (const layer of model.layers) {
    const values = layer.getWeights().map((w) => tf.tensor(Float32Array.from({ length: w.size }, () => random() - 0.5), w.shape));
    layer.setWeights(values);
    values.forEach((t) => t.dispose());
  }
}

async function artifactsOf(model: tf.LayersModel): Promise<{ topology: J; specs: tf.io.WeightsManifestEntry[]; data: Uint8Array }> {
  let out: { topology: J; specs: tf.io.WeightsManifestEntry[]; data: Uint8Array } | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      out = { topology: a.modelTopology as J, specs: a.weightSpecs!, data: new Uint8Array(tf.io.CompositeArrayBuffer.join(a.weightData!)) };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}

/** tfjs topology → the converter's Keras 2 wrapper, with Keras 2 names (Functional) and per-layer dtype. */
function keras2Topology(topology: J, version = '2.15.0'): J {
  const t = structuredClone(topology);
  const rename = (m: J) => {
    if (m.class_name === 'Model') m.class_name = 'Functional';
    for (const l of m.config.layers ?? []) {
      l.config.dtype ??= 'float32';
      if (l.class_name === 'Model' || l.class_name === 'Functional') rename(l);
    }
  };
  rename(t);
  return { keras_version: version, backend: 'tensorflow', model_config: { class_name: t.class_name, config: t.config } };
}

function writeFixture(dir: string, modelTopology: J, specs: tf.io.WeightsManifestEntry[], shards: Uint8Array[], extra: J = {}): void {
  const url = new URL(`${dir}/`, ROOT);
  rmSync(url, { recursive: true, force: true });
  mkdirSync(url, { recursive: true });
  const paths = shards.map((_, i) => `group1-shard${i + 1}of${shards.length}.bin`);
  const json = { format: 'layers-model', generatedBy: `keras v${modelTopology.keras_version}`, convertedBy: CONVERTER, modelTopology, weightsManifest: [{ paths, weights: specs }], ...extra };
  writeFileSync(new URL('model.json', url), JSON.stringify(json));
  shards.forEach((s, i) => writeFileSync(new URL(paths[i], url), s));
  console.log(dir.padEnd(22), shards.map((s) => s.length).join('+'), 'weight bytes');
}

function tower(name: string, inputName: string): tf.LayersModel {
  const input = tf.input({ shape: [8, 8, 1], name: inputName });
  let x = tf.layers.flatten({ name: 'flatten' }).apply(input) as tf.SymbolicTensor;
  x = tf.layers.dense({ units: 16, activation: 'relu', name: 'dense' }).apply(x) as tf.SymbolicTensor;
  x = tf.layers.dense({ units: 8, name: 'embedding' }).apply(x) as tf.SymbolicTensor;
  return tf.model({ inputs: input, outputs: x, name });
}

async function m1(): Promise<void> {
  const model = tower('model', 'input_1');
  setFixedWeights(model, 1);
  const { topology, specs, data } = await artifactsOf(model);
  const t = keras2Topology(topology);
  const cfg = t.model_config.config;
  cfg.layers.push({
    class_name: 'Lambda',
    config: {
      name: 'l2_norm',
      trainable: true,
      dtype: 'float32',
      function: [L2_LAMBDA_CODE, null, null],
      function_type: 'lambda',
      module: '__main__',
      output_shape: null,
      output_shape_type: 'raw',
      output_shape_module: null,
      arguments: {},
    },
    name: 'l2_norm',
    inbound_nodes: [[['embedding', 0, 0, {}]]],
  });
  cfg.output_layers = [['l2_norm', 0, 0]];
  writeFixture('m1-lambda', t, specs, [data]);
}

async function m2(): Promise<void> {
  const shared = tower('embedding_tower', 'tower_input');
  const inputs = ['anchor', 'positive', 'negative'].map((name) => tf.input({ shape: [8, 8, 1], name }));
  const outputs = inputs.map((i) => shared.apply(i) as tf.SymbolicTensor);
  const stacked = tf.layers.concatenate({ name: 'stacked', axis: -1 }).apply(outputs) as tf.SymbolicTensor;
  // A weighted head on the outer model, so the tower's weights are a strict subset of the file's.
  const head = tf.layers.dense({ units: 1, name: 'triplet_head' }).apply(stacked) as tf.SymbolicTensor;
  const triplet = tf.model({ inputs, outputs: [stacked, head], name: 'triplet_model' });
  setFixedWeights(triplet, 6); // also sets the tower's (shared) weights, which m2-tower saves below
  const a = await artifactsOf(triplet);
  const training_config = { loss: 'triplet_loss', metrics: null, optimizer_config: { class_name: 'Adam', config: { learning_rate: 0.001 } } };
  writeFixture('m2-triplet', { ...keras2Topology(a.topology), training_config }, a.specs, [a.data]);
  const b = await artifactsOf(shared);
  writeFixture('m2-tower', keras2Topology(b.topology), b.specs, [b.data]);
}

async function m3(): Promise<void> {
  const model = tower('functional', 'input_layer');
  setFixedWeights(model, 3);
  const { topology, specs, data } = await artifactsOf(model);
  writeFixture('m3-keras2', keras2Topology(topology), specs, [data]);
  writeFixture('m3-keras3', keras3Model('Functional', topology.config, '3.4.1'), specs, [data]);
  // m5: the same weights cut into two shards (4096 bytes, then the rest), as the converter shards groups.
  writeFixture('m5-sharded', keras2Topology(topology), specs, [data.subarray(0, 4096), data.subarray(4096)]);

  const seq = tf.sequential({
    name: 'sequential',
    layers: [tf.layers.flatten({ inputShape: [8, 8, 1], name: 'flatten' }), tf.layers.dense({ units: 4, name: 'dense' })],
  });
  setFixedWeights(seq, 4);
  const s = await artifactsOf(seq);
  writeFixture('m3-keras3-sequential', keras3Model('Sequential', s.topology.config, '3.4.1'), s.specs, [s.data]);
}

const dims = (d: number[]) => ({ dim: d.map((size) => ({ size: String(size) })) });
const constNode = (name: string, dtype: 'DT_FLOAT' | 'DT_INT32', shape: number[]) => ({
  name,
  op: 'Const',
  attr: { dtype: { type: dtype }, value: { tensor: { dtype, tensorShape: dims(shape) } } },
});
const matMul = (name: string, a: string, b: string) => ({ name, op: 'MatMul', input: [a, b], attr: { T: { type: 'DT_FLOAT' }, transpose_a: { b: false }, transpose_b: { b: false } } });
const identity = (name: string, input: string) => ({ name, op: 'Identity', input: [input], attr: { T: { type: 'DT_FLOAT' } } });
const placeholder = (name: string) => ({ name, op: 'Placeholder', attr: { dtype: { type: 'DT_FLOAT' }, shape: { shape: dims([-1, 8, 8, 1]) } } });
const flatten = (input: string) => [
  constNode('flat_shape', 'DT_INT32', [2]),
  { name: 'flat', op: 'Reshape', input: [input, 'flat_shape'], attr: { T: { type: 'DT_FLOAT' }, Tshape: { type: 'DT_INT32' } } },
];

/** Writes a graph-model folder: model.json (GraphDef + signature) and one shard holding `weights` in order. */
function writeGraphFixture(dir: string, node: object[], signature: object, weights: { name: string; shape: number[]; values: Int32Array | Float32Array }[]): void {
  const url = new URL(`${dir}/`, ROOT);
  rmSync(url, { recursive: true, force: true });
  mkdirSync(url, { recursive: true });
  const data = new Uint8Array(weights.reduce((a, w) => a + w.values.byteLength, 0));
  let offset = 0;
  for (const w of weights) {
    data.set(new Uint8Array(w.values.buffer, w.values.byteOffset, w.values.byteLength), offset);
    offset += w.values.byteLength;
  }
  const json = {
    format: 'graph-model',
    generatedBy: '2.15.0',
    convertedBy: CONVERTER,
    signature,
    modelTopology: { node, library: {}, versions: { producer: 1482 } },
    weightsManifest: [
      {
        paths: ['group1-shard1of1.bin'],
        weights: weights.map((w) => ({ name: w.name, shape: w.shape, dtype: w.values instanceof Int32Array ? 'int32' : 'float32' })),
      },
    ],
  };
  writeFileSync(new URL('model.json', url), JSON.stringify(json));
  writeFileSync(new URL('group1-shard1of1.bin', url), data);
  console.log(dir.padEnd(22), data.length, 'weight bytes');
}

/** Placeholder [-1,8,8,1] → Reshape(Const [-1,64]) → MatMul(Const w [64,4]) → Identity, as a tfjs graph-model. */
function m4(): void {
  const [shapeConst, reshape] = flatten('input');
  const node = [placeholder('input'), shapeConst, constNode('w', 'DT_FLOAT', [64, 4]), reshape, matMul('MatMul', 'flat', 'w'), identity('embedding', 'MatMul')];
  const random = seededRandom(5);
  const signature = {
    inputs: { input: { name: 'input:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, 8, 8, 1]) } },
    outputs: { embedding: { name: 'embedding:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, 4]) } },
  };
  writeGraphFixture('m4-graph', node, signature, [
    { name: 'flat_shape', shape: [2], values: new Int32Array([-1, 64]) },
    { name: 'w', shape: [64, 4], values: Float32Array.from({ length: 64 * 4 }, () => random() - 0.5) },
  ]);
}

/**
 * input_1 [-1,8,8,1] → flat [-1,64] → MatMul w1 [64,16] → Identity ("embedding" [-1,16])
 *                                                      → MatMul w2 [16,10] → Identity_1 ("logits" [-1,10]).
 * Node names and signature keys differ, as in converter output of a SavedModel returning a dict.
 */
function m6(): void {
  const node = [
    placeholder('input_1'),
    ...flatten('input_1'),
    constNode('w1', 'DT_FLOAT', [64, 16]),
    constNode('w2', 'DT_FLOAT', [16, 10]),
    matMul('model/embedding/MatMul', 'flat', 'w1'),
    matMul('model/logits/MatMul', 'model/embedding/MatMul', 'w2'),
    identity('Identity', 'model/embedding/MatMul'),
    identity('Identity_1', 'model/logits/MatMul'),
  ];
  const random = seededRandom(7);
  const signature = {
    inputs: { input_1: { name: 'input_1:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, 8, 8, 1]) } },
    outputs: {
      embedding: { name: 'Identity:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, 16]) },
      logits: { name: 'Identity_1:0', dtype: 'DT_FLOAT', tensorShape: dims([-1, 10]) },
    },
  };
  writeGraphFixture('m6-graph-two-outputs', node, signature, [
    { name: 'flat_shape', shape: [2], values: new Int32Array([-1, 64]) },
    { name: 'w1', shape: [64, 16], values: Float32Array.from({ length: 64 * 16 }, () => random() - 0.5) },
    { name: 'w2', shape: [16, 10], values: Float32Array.from({ length: 16 * 10 }, () => random() - 0.5) },
  ]);
}

await tf.setBackend('cpu');
await m1();
await m2();
await m3();
m4();
m6();
