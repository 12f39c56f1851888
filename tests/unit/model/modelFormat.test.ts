import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { assertLoaderMatches, detectModelFormat } from '../../../src/model/modelFormat';
import { buildModel } from '../../../src/model/loadModel';
import { planModel } from '../../../src/model/planModel';
import { fixtureArtifacts, images, weightsByName } from './modelFixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('case M4: the format comes from the file before any loader runs', () => {
  it('detectModelFormat reads the topology shape first, then the format field', async () => {
    expect(detectModelFormat(await fixtureArtifacts('m3-keras2'))).toMatchObject({ format: 'layers-model', evidence: expect.stringMatching(/Keras topology/) });
    expect(detectModelFormat(await fixtureArtifacts('m4-graph'))).toMatchObject({ format: 'graph-model', evidence: 'a TensorFlow GraphDef (6 nodes)' });
    expect(detectModelFormat({ format: 'graph-model' }).format).toBe('graph-model');
  });
  it('a format field that contradicts the topology is reported; the topology decides', async () => {
    const a = await fixtureArtifacts('m3-keras2');
    const d = detectModelFormat({ ...a, format: 'graph-model' });
    expect(d.format).toBe('layers-model');
    expect(d.conflict).toMatch(/says "format": "graph-model" but its topology is a Keras topology/);
  });
  it('a layers-model handed to the graph loader is caught with an explanation, not a TypeError from tfjs', async () => {
    const artifacts = await fixtureArtifacts('m3-keras2');
    // What tfjs itself does with it:
    await expect(tf.loadGraphModel(tf.io.fromMemory(artifacts))).rejects.toThrow(TypeError);
    const err = (await buildModel({ artifacts, format: 'graph-model', metadata: undefined }).catch((e: unknown) => e)) as Error;
    expect(err).not.toBeInstanceOf(TypeError);
    expect(err.message).toMatch(/is a layers-model \(a Keras topology .*\) but was handed to the graph-model loader; it needs tf\.loadLayersModel/);
    expect(() => assertLoaderMatches(artifacts, 'layers-model')).not.toThrow();
  });
  it('a graph model handed to the layers loader is caught too', async () => {
    const artifacts = await fixtureArtifacts('m4-graph');
    expect(() => assertLoaderMatches(artifacts, 'layers-model')).toThrow(/is a graph-model .* needs tf\.loadGraphModel/);
  });
  it('the hand-written graph-model fixture loads with tf.loadGraphModel and computes x·W', async () => {
    const artifacts = await fixtureArtifacts('m4-graph');
    const plan = planModel(artifacts);
    if (plan.kind !== 'ready') throw new Error(plan.kind);
    const model = await buildModel(plan.loaded);
    expect(model.inputShape).toEqual([null, 8, 8, 1]);
    const x = images(2);
    const y = model.predict(x);
    const got = (await y.array()) as number[][];
    const w = weightsByName(artifacts).get('w')!;
    const px = Array.from(await x.data());
    const expected = [0, 1].map((i) => Array.from({ length: 4 }, (_, j) => px.slice(64 * i, 64 * i + 64).reduce((s, v, k) => s + v * w[4 * k + j], 0)));
    got.forEach((row, i) => row.forEach((v, j) => expect(v).toBeCloseTo(expected[i][j], 5)));
    y.dispose();
    x.dispose();
    model.dispose();
  });
  it('neither format: an error saying what the topology holds and how to convert', () => {
    expect(() => detectModelFormat({ modelTopology: { foo: 1 } })).toThrow(/neither a layers-model nor a graph-model: its modelTopology \(foo\).*tensorflowjs_converter/);
  });
});
