import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { findUnsupportedLayers, guessFunction, removeOutputLayer } from '../../../src/model/lambdaLayers';
import { planModel } from '../../../src/model/planModel';
import { buildModel } from '../../../src/model/loadModel';
import type { JsonObject, LayerEntry } from '../../../src/model/kerasTopology';
import { dense, expectClose, fixtureArtifacts, images, l2normalize, predictLayers, weightsByName } from './modelFixtures';

let m1: tf.io.ModelArtifacts;
let x: tf.Tensor4D;
/** The fixture's Dense(8) output, computed by hand from its weights. */
let denseOut: number[][];

beforeAll(async () => {
  await tf.setBackend('cpu');
  m1 = await fixtureArtifacts('m1-lambda');
  x = images(3);
  const w = weightsByName(m1);
  const px = Array.from(await x.data());
  denseOut = [0, 1, 2].map((i) => {
    const h = dense(px.slice(64 * i, 64 * i + 64), w.get('dense/kernel')!, w.get('dense/bias')!, true);
    return dense(h, w.get('embedding/kernel')!, w.get('embedding/bias')!);
  });
});

const isKnown = (c: string) => c in tf.serialization.SerializationMap.getMap().classNameMap;

describe('case M1: a layers-model ending Dense → Lambda (Keras L2-normalize)', () => {
  it('tfjs alone refuses it with "Unknown layer: Lambda"', async () => {
    await expect(tf.loadLayersModel(tf.io.fromMemory(m1))).rejects.toThrow(/Unknown layer: Lambda/);
  });
  it('planModel names the layer and its class, reads that it L2-normalises, and offers the ways out', () => {
    const plan = planModel(m1);
    if (plan.kind !== 'choose') throw new Error(plan.kind);
    expect(plan.problem).toMatch(/The output layer "l2_norm" \(class Lambda\) is a Keras Lambda layer/);
    expect(plan.problem).toMatch(/appears to L2-normalise/);
    expect(plan.problem).toMatch(/graph model/);
    expect(plan.offers.map((o) => [o.id, o.recommended])).toEqual([
      ['l2-normalize-in-app', true],
      ['drop-output-layer', false],
    ]);
  });
  it('removeOutputLayer: the rewritten model loads and, L2-normalised by the app, equals the L2-normalised Dense output', async () => {
    const r = removeOutputLayer(m1.modelTopology as JsonObject, 'l2_norm');
    expect(r.removed).toEqual({ name: 'l2_norm', className: 'Lambda' });
    expect(r.postprocess).toBe('l2-normalize');
    const out = await predictLayers({ ...m1, modelTopology: r.topology }, x);
    expectClose(out, denseOut);
    expectClose(out.map(l2normalize), denseOut.map(l2normalize));
  });
  it('the recommended one-click offer gives L2-normalised embeddings straight from buildModel', async () => {
    const plan = planModel(m1);
    if (plan.kind !== 'choose') throw new Error(plan.kind);
    const fixed = planModel(plan.offers[0].apply());
    if (fixed.kind !== 'ready') throw new Error(fixed.kind);
    const model = await buildModel(fixed.loaded);
    const y = model.predict(x);
    expectClose((await y.array()) as number[][], denseOut.map(l2normalize));
    y.dispose();
    model.dispose();
  });
  it('never mutates the dropped artifacts', () => {
    const before = JSON.stringify(m1.modelTopology);
    removeOutputLayer(m1.modelTopology as JsonObject, 'l2_norm');
    planModel(m1);
    expect(JSON.stringify(m1.modelTopology)).toBe(before);
  });
});

describe('unsupported layers of the same kind', () => {
  const seq = (last: LayerEntry): JsonObject => ({
    class_name: 'Sequential',
    config: {
      name: 's',
      layers: [{ class_name: 'Dense', config: { name: 'd', units: 2, batch_input_shape: [null, 3] } }, last],
    },
  });
  it('a TFOpLambda math.l2_normalize is recognised as L2-normalisation', () => {
    const op: LayerEntry = { class_name: 'TFOpLambda', config: { name: 'tf.math.l2_normalize', function: 'math.l2_normalize', trainable: true } };
    expect(findUnsupportedLayers(seq(op), isKnown)).toEqual([{ name: 'tf.math.l2_normalize', className: 'TFOpLambda', path: [], isOutput: true, guess: 'l2-normalize' }]);
  });
  it('a Keras 3 Lambda keeps its bytecode under function.config.code; an unrelated lambda is "unknown"', () => {
    const code = 'YWJjIGwyX25vcm1hbGl6ZSB4eXo='; // base64 of "abc l2_normalize xyz"
    expect(guessFunction({ class_name: 'Lambda', config: { function: { class_name: '__lambda__', config: { code } } } })).toBe('l2-normalize');
    expect(guessFunction({ class_name: 'Lambda', config: { function: ['4wEAAAAAAAAA', null, null] } })).toBe('unknown');
  });
  it('a trailing Lambda of a Sequential is dropped', () => {
    const r = removeOutputLayer(seq({ class_name: 'Lambda', config: { name: 'lam' } }), 'lam');
    expect(((r.topology.config as JsonObject).layers as unknown[]).length).toBe(1);
  });
  it('a Lambda in the middle is refused, naming it (loading without it would be another model)', () => {
    const topo = seq({ class_name: 'Dense', config: { name: 'd2', units: 2 } });
    ((topo.config as JsonObject).layers as LayerEntry[]).splice(1, 0, { class_name: 'Lambda', config: { name: 'mid' } });
    const plan = planModel({ modelTopology: topo, weightSpecs: [], weightData: new ArrayBuffer(0) });
    expect(plan.kind).toBe('refused');
    if (plan.kind === 'refused') {
      expect(plan.problem).toMatch(/"mid" \(Lambda\), which other layers depend on/);
      expect(plan.fix).toMatch(/graph model/);
    }
    expect(() => removeOutputLayer(topo, 'mid')).toThrow(/not the model's only output/);
  });
  it('an unknown custom class inside a nested model is named with its path', () => {
    const topo: JsonObject = {
      class_name: 'Sequential',
      config: { name: 'outer', layers: [{ class_name: 'Sequential', config: { name: 'inner', layers: [{ class_name: 'MyArcFace', config: { name: 'arc' } }] } }] },
    };
    expect(findUnsupportedLayers(topo, isKnown)).toEqual([{ name: 'arc', className: 'MyArcFace', path: ['inner'], isOutput: false, guess: 'unknown' }]);
  });
});
