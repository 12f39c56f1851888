import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { isKeras3Topology, normalizeKeras3Topology } from '../../../src/model/keras3Topology';
import { planModel } from '../../../src/model/planModel';
import { buildModel } from '../../../src/model/loadModel';
import type { JsonObject } from '../../../src/model/kerasTopology';
import { dense, expectClose, fixtureArtifacts, images, predictLayers, weightsByName } from './modelFixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('case M3: a Keras 3 export (batch_shape, DTypePolicy, {args, kwargs} nodes)', () => {
  it('is what tfjs rejects as is', async () => {
    const raw = await fixtureArtifacts('m3-keras3');
    await expect(tf.loadLayersModel(tf.io.fromMemory(raw))).rejects.toThrow(/batchInputShape|inputShape/);
  });
  it('is recognised and rewritten; the embeddings equal those of the same model exported the Keras 2 way', async () => {
    const plan = planModel(await fixtureArtifacts('m3-keras3'));
    if (plan.kind !== 'ready') throw new Error(`expected ready, got ${plan.kind}`);
    expect(plan.notes.join(' ')).toMatch(/batch_shape → batch_input_shape/);
    expect(plan.notes.join(' ')).toMatch(/DTypePolicy/);
    const x = images(4);
    expectClose(await predictLayers(plan.loaded.artifacts, x), await predictLayers(await fixtureArtifacts('m3-keras2'), x), 0);
    // …and it goes through the app's own builder.
    const model = await buildModel(plan.loaded);
    expect(model.inputShape).toEqual([null, 8, 8, 1]);
    model.dispose();
    x.dispose();
  });
  it('a Keras 3 Sequential (InputLayer with batch_shape first) loads and computes its Dense by hand', async () => {
    const raw = await fixtureArtifacts('m3-keras3-sequential');
    const plan = planModel(raw);
    if (plan.kind !== 'ready') throw new Error(plan.kind);
    const x = images(2);
    const w = weightsByName(raw);
    const pixels = Array.from(await x.data());
    const expected = [0, 1].map((i) => dense(pixels.slice(64 * i, 64 * i + 64), w.get('dense/kernel')!, w.get('dense/bias')!));
    expectClose(await predictLayers(plan.loaded.artifacts, x), expected);
    x.dispose();
  });
  it('leaves a Keras 2 export unchanged and never mutates its input', async () => {
    const k2 = (await fixtureArtifacts('m3-keras2')).modelTopology as JsonObject;
    expect(isKeras3Topology(k2)).toBe(false);
    expect(normalizeKeras3Topology(k2).topology).toEqual(k2);
    const k3 = (await fixtureArtifacts('m3-keras3')).modelTopology as JsonObject;
    const before = JSON.stringify(k3);
    normalizeKeras3Topology(k3);
    expect(JSON.stringify(k3)).toBe(before);
    expect(isKeras3Topology(k3)).toBe(true);
  });
  it('rewrites multi-input Keras 3 nodes (Concatenate args as a list), mixed-precision policies and a bare output triple', () => {
    const t = (name: string) => ({ class_name: '__keras_tensor__', config: { shape: [null, 4], dtype: 'float32', keras_history: [name, 0, 0] } });
    const topo: JsonObject = {
      model_config: {
        class_name: 'Functional',
        config: {
          name: 'm',
          layers: [
            { class_name: 'InputLayer', config: { shape: [4], name: 'a', optional: false }, name: 'a', inbound_nodes: [] },
            { class_name: 'InputLayer', config: { batch_shape: [null, 4], name: 'b' }, name: 'b', inbound_nodes: [] },
            {
              class_name: 'Concatenate',
              config: { name: 'cat', axis: -1, dtype: { module: 'keras', class_name: 'DTypePolicy', config: { name: 'mixed_float16' }, registered_name: null } },
              name: 'cat',
              inbound_nodes: [{ args: [[t('a'), t('b')]], kwargs: { mask: [t('a'), null] } }],
            },
          ],
          input_layers: [
            ['a', 0, 0],
            ['b', 0, 0],
          ],
          output_layers: ['cat', 0, 0],
        },
      },
    };
    const out = normalizeKeras3Topology(topo).topology as { model_config: { config: { layers: JsonObject[]; output_layers: unknown } } };
    const [a, b, cat] = out.model_config.config.layers;
    expect(a.config).toEqual({ batch_input_shape: [null, 4], name: 'a' });
    expect((b.config as JsonObject).batch_input_shape).toEqual([null, 4]);
    expect((cat.config as JsonObject).dtype).toBe('float32');
    expect(cat.inbound_nodes).toEqual([
      [
        ['a', 0, 0, {}],
        ['b', 0, 0, {}],
      ],
    ]);
    expect(out.model_config.config.output_layers).toEqual([['cat', 0, 0]]);
  });
});
