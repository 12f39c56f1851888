import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { extractTower, findSharedTower } from '../../../src/model/sharedTower';
import { planModel } from '../../../src/model/planModel';
import { buildModel } from '../../../src/model/loadModel';
import type { JsonObject } from '../../../src/model/kerasTopology';
import { expectClose, fixtureArtifacts, images, predictLayers } from './modelFixtures';

let triplet: tf.io.ModelArtifacts;
let x: tf.Tensor4D;

beforeAll(async () => {
  await tf.setBackend('cpu');
  triplet = await fixtureArtifacts('m2-triplet');
  x = images(5);
});

describe('case M2: a 3-input triplet training model around a nested tower', () => {
  it('sees the three inputs and finds the shared tower', () => {
    expect(findSharedTower(triplet.modelTopology as JsonObject)).toEqual({
      name: 'embedding_tower',
      className: 'Functional',
      uses: 3,
      inputs: ['anchor', 'positive', 'negative'],
      fedBy: ['anchor', 'positive', 'negative'],
    });
    const plan = planModel(triplet);
    if (plan.kind !== 'choose') throw new Error(plan.kind);
    expect(plan.problem).toMatch(/3 inputs \(anchor, positive, negative\) all run through the nested model "embedding_tower"/);
    expect(plan.offers[0]).toMatchObject({ id: 'extract-tower', recommended: true });
  });
  it('the extracted tower loads and gives the same embeddings as the one-input model containing only the tower', async () => {
    const plan = planModel(triplet);
    if (plan.kind !== 'choose') throw new Error(plan.kind);
    const tower = planModel(plan.offers[0].apply());
    if (tower.kind !== 'ready') throw new Error(tower.kind);
    const model = await buildModel(tower.loaded);
    expect(model.inputShape).toEqual([null, 8, 8, 1]);
    const y = model.predict(x);
    expectClose((await y.array()) as number[][], await predictLayers(await fixtureArtifacts('m2-tower'), x), 0);
    y.dispose();
    model.dispose();
  });
  it('keeps only the tower\'s weights (not the outer head) and drops the training config', () => {
    const t = extractTower(triplet, 'embedding_tower');
    expect(t.weightSpecs!.map((s) => s.name)).toEqual(['dense/kernel', 'dense/bias', 'embedding/kernel', 'embedding/bias']);
    expect((t.weightData as ArrayBuffer).byteLength).toBe(4704);
    expect((t.modelTopology as JsonObject).training_config).toBeUndefined();
  });
  it('the outer model really computes the tower on each input (anchor slice of the concatenation = tower output)', async () => {
    const model = await tf.loadLayersModel(tf.io.fromMemory(triplet));
    const [stacked] = model.predict([x, x, x]) as tf.Tensor[];
    const anchor = (await stacked.slice([0, 0], [-1, 8]).array()) as number[][];
    expectClose(anchor, await predictLayers(await fixtureArtifacts('m2-tower'), x));
    tf.dispose([stacked]);
    model.dispose();
  });
  it('matches weights stored under the tower\'s scope too (embedding_tower/dense/kernel) and renames them', async () => {
    const scoped = { ...triplet, weightSpecs: triplet.weightSpecs!.map((s) => (s.name.startsWith('triplet_head') ? s : { ...s, name: `embedding_tower/${s.name}` })) };
    const t = extractTower(scoped, 'embedding_tower');
    expect(t.weightSpecs!.map((s) => s.name)).toEqual(['dense/kernel', 'dense/bias', 'embedding/kernel', 'embedding/bias']);
    expectClose(await predictLayers(t, x), await predictLayers(await fixtureArtifacts('m2-tower'), x), 0);
  });
  it('several inputs without a shared nested model are refused with the fix', () => {
    const topo = structuredClone(triplet.modelTopology) as { model_config: { config: { layers: { class_name: string }[] } } };
    topo.model_config.config.layers.find((l) => l.class_name === 'Functional')!.class_name = 'Dense';
    const plan = planModel({ ...triplet, modelTopology: topo });
    expect(plan.kind).toBe('refused');
    if (plan.kind === 'refused') expect(plan.fix).toMatch(/save the embedding part alone/);
  });
});
