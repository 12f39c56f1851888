import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { inspectArtifacts, inspectModel } from '../../../src/model/inspectModel';
import { buildModel, type LoadedArtifacts } from '../../../src/model/loadModel';
import { embedBatch } from '../../../src/model/embed';
import { fixtureArtifacts, images, modelFiles, weightsByName } from './modelFixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const graph = async (output?: string): Promise<LoadedArtifacts> => ({ artifacts: await fixtureArtifacts('m6-graph-two-outputs'), format: 'graph-model', metadata: undefined, ...(output ? { output } : {}) });

/** x·W for row-major W [in, out]. */
function matmul(x: number[], w: Float32Array, out: number): number[] {
  const y = new Array<number>(out).fill(0);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < out; j++) y[j] += x[i] * w[i * out + j];
  return y;
}

/** The m6 fixture's two outputs for the 8×8×1 batch, computed by hand from its weights. */
function expected(artifacts: tf.io.ModelArtifacts, n: number): { embedding: number[][]; logits: number[][] } {
  const w = weightsByName({ ...artifacts, weightSpecs: artifacts.weightSpecs!.filter((s) => s.name !== 'flat_shape'), weightData: tf.io.CompositeArrayBuffer.join(artifacts.weightData!).slice(8) });
  const x = images(n);
  const rows = (x.arraySync() as number[][][][]).map((im) => im.flat(2));
  x.dispose();
  const embedding = rows.map((r) => matmul(r, w.get('w1')!, 16));
  return { embedding, logits: embedding.map((e) => matmul(e, w.get('w2')!, 10)) };
}

async function run(loaded: LoadedArtifacts, n: number): Promise<{ values: number[][]; dim: number }> {
  const model = await buildModel(loaded);
  try {
    const x = images(n);
    const input = (await x.data()) as Float32Array;
    x.dispose();
    const { values, dim } = await embedBatch(model, input, n, { width: 8, height: 8, channels: 1, normalization: 'raw', channelOrder: 'rgb' });
    return { values: Array.from({ length: n }, (_, i) => Array.from(values.subarray(i * dim, (i + 1) * dim))), dim };
  } finally {
    model.dispose();
  }
}

function expectRowsClose(a: number[][], b: number[][]): void {
  expect(a.length).toBe(b.length);
  a.forEach((row, i) => row.forEach((v, j) => expect(Math.abs(v - b[i][j])).toBeLessThan(1e-4)));
}

describe('a graph model with several outputs (m6: "embedding" [N,16] and "logits" [N,10])', () => {
  it('inspectModel lists both outputs from the signature (key, tensor, shape, dtype) and defaults to the embedding, saying why', async () => {
    const r = await inspectModel(modelFiles('m6-graph-two-outputs'));
    expect(r.kind).toBe('ready');
    if (r.kind !== 'ready') return;
    const s = r.summary;
    expect(s.format).toBe('graph-model');
    expect(s.inputs).toEqual([{ name: 'input_1', shape: [null, 8, 8, 1], dtype: 'float32' }]);
    expect(s.outputs).toEqual([
      { name: 'embedding', tensor: 'Identity:0', shape: [null, 16], dtype: 'float32', size: 16, problem: null },
      { name: 'logits', tensor: 'Identity_1:0', shape: [null, 10], dtype: 'float32', size: 10, problem: null },
    ]);
    expect(s.defaultOutput).toBe('embedding');
    expect(s.defaultReason).toBe('the [batch, D] output named like an embedding');
    expect(s.embeddingSize).toBe(16);
  });

  it('buildModel(output) runs exactly that output: "embedding" and "logits" equal the fixture computed by hand; no tensor is left behind', async () => {
    const artifacts = await fixtureArtifacts('m6-graph-two-outputs');
    const want = expected(artifacts, 3);
    const before = tf.memory().numTensors;
    const e = await run(await graph('embedding'), 3);
    const l = await run(await graph('logits'), 3);
    expect(tf.memory().numTensors).toBe(before);
    expect(e.dim).toBe(16);
    expect(l.dim).toBe(10);
    expectRowsClose(e.values, want.embedding);
    expectRowsClose(l.values, want.logits);
  });

  it('buildModel without a chosen output refuses a several-output model, naming its outputs (never a silent pick)', async () => {
    await expect(buildModel(await graph())).rejects.toThrow(/the model has 2 outputs \(embedding, logits\) and none was chosen/);
  });

  it('an extra 4-D output ("feature_map" [N,8,8,1]) is listed but refused with its name and the fix; running it anyway throws the same message', async () => {
    const artifacts = await fixtureArtifacts('m6-graph-two-outputs');
    const topo = structuredClone(artifacts.modelTopology) as { node: object[] };
    topo.node.push({ name: 'Identity_2', op: 'Identity', input: ['input_1'], attr: { T: { type: 'DT_FLOAT' } } });
    const sig = structuredClone(artifacts.signature) as { outputs: Record<string, object> };
    // The shape is left unstated, so only the runtime check can catch it.
    sig.outputs.feature_map = { name: 'Identity_2:0', dtype: 'DT_FLOAT' };
    const withMap = { ...artifacts, modelTopology: topo, signature: sig };
    const r = await inspectArtifacts(withMap, 'm6+map', [], []);
    expect(r.kind).toBe('ready');
    if (r.kind !== 'ready') return;
    expect(r.summary.outputs.map((o) => o.name)).toEqual(['embedding', 'logits', 'feature_map']);
    expect(r.summary.defaultOutput).toBe('embedding');
    const loaded: LoadedArtifacts = { artifacts: withMap, format: 'graph-model', metadata: undefined, output: 'feature_map' };
    await expect(run(loaded, 2)).rejects.toThrow(/Output "feature_map" \[\?, 8, 8, 1\] is a 4-D feature map/);

    sig.outputs.feature_map = { name: 'Identity_2:0', dtype: 'DT_FLOAT', tensorShape: { dim: [{ size: '-1' }, { size: '8' }, { size: '8' }, { size: '1' }] } };
    const stated = await inspectArtifacts({ ...withMap, signature: sig }, 'm6+map', [], []);
    if (stated.kind !== 'ready') throw new Error(stated.kind);
    expect(stated.summary.outputs[2].problem).toMatch(/^Output "feature_map" \[\?, 8, 8, 1\] is a 4-D feature map.*GlobalAveragePooling2D/);
  });
});

describe('a layers model with several outputs', () => {
  async function twoHeads(): Promise<tf.io.ModelArtifacts> {
    const input = tf.input({ shape: [8, 8, 1], name: 'image' });
    const flat = tf.layers.flatten().apply(input) as tf.SymbolicTensor;
    const emb = tf.layers.dense({ units: 6, name: 'embedding', kernelInitializer: tf.initializers.randomNormal({ seed: 3 }) }).apply(flat) as tf.SymbolicTensor;
    const head = tf.layers.dense({ units: 1, name: 'logit', kernelInitializer: tf.initializers.randomNormal({ seed: 4 }) }).apply(emb) as tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: [head, emb] });
    let out: tf.io.ModelArtifacts | null = null;
    await model.save(tf.io.withSaveHandler(async (a) => ((out = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    model.dispose();
    return out!;
  }

  it('gets the same picker: outputs by layer name, the width-1 "logit" refused, "embedding" the default; buildModel runs the chosen one', async () => {
    const artifacts = await twoHeads();
    const r = await inspectArtifacts(artifacts, 'two-heads', [], []);
    expect(r.kind).toBe('ready');
    if (r.kind !== 'ready') return;
    expect(r.summary.outputs.map((o) => [o.name, o.shape, o.problem === null])).toEqual([
      ['logit', [null, 1], false],
      ['embedding', [null, 6], true],
    ]);
    expect(r.summary.defaultOutput).toBe('embedding');
    const before = tf.memory().numTensors;
    expect((await run({ ...r.loaded, output: 'embedding' }, 2)).dim).toBe(6);
    await expect(run({ ...r.loaded, output: 'logit' }, 2)).rejects.toThrow(/Output "logit" \[\?, 1\] has width 1/);
    expect(tf.memory().numTensors).toBe(before);
    await expect(buildModel(r.loaded)).rejects.toThrow(/2 outputs \(logit, embedding\) and none was chosen/);
  });
});
