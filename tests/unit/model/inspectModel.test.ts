import { describe, expect, it } from 'vitest';
import { inspectArtifacts, inspectModel } from '../../../src/model/inspectModel';
import { modelName } from '../../../src/model/modelName';
import { fixtureArtifacts, modelFiles } from './modelFixtures';

describe('inspectModel', () => {
  it('inspectModel(shards + model.json, any order) reports format, inputs, outputs, embedding size, preprocessing and a hash (M5a)', async () => {
    const files = modelFiles('m5-sharded', 'exported/').reverse();
    const r = await inspectModel(files);
    expect(r.kind).toBe('ready');
    if (r.kind !== 'ready') return;
    const s = r.summary;
    expect(s.name).toBe('exported');
    expect(s.format).toBe('layers-model');
    expect(s.inputs).toEqual([{ name: expect.any(String), shape: [null, 8, 8, 1], dtype: 'float32' }]);
    expect(s.outputs[0].shape[0]).toBeNull();
    expect(s.embeddingSize).toBe(s.outputs[0].shape[1]);
    expect(s.preprocessing).toMatchObject({ width: 8, height: 8, channels: 1 });
    expect(s.fixedSize).toBe(true);
    expect(s.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("the summary says where the preprocessing came from: 'metadata' when model.json states it (userDefinedMetadata.dipscope.preprocessing), else 'default'", async () => {
    const artifacts = await fixtureArtifacts('m5-sharded');
    const plain = await inspectArtifacts({ ...artifacts, userDefinedMetadata: undefined }, 'plain', [], []);
    const stated = await inspectArtifacts({ ...artifacts, userDefinedMetadata: { dipscope: { preprocessing: { normalization: 'tf' } } } }, 'stated', [], []);
    expect(plain.kind === 'ready' && plain.summary.preprocessingSource).toBe('default');
    expect(plain.kind === 'ready' && plain.summary.preprocessing.normalization).toBe('unit');
    expect(stated.kind === 'ready' && stated.summary.preprocessingSource).toBe('metadata');
    expect(stated.kind === 'ready' && stated.summary.preprocessing.normalization).toBe('tf');
  });

  it('the M1 Lambda model is "choose" with the L2-normalise offer; applying it gives a ready model with another hash than dropping the layer', async () => {
    const r = await inspectModel(modelFiles('m1-lambda'));
    expect(r.kind).toBe('choose');
    if (r.kind !== 'choose') return;
    expect(r.problem).toMatch(/"l2_norm" \(class Lambda\)/);
    const l2 = r.offers.find((o) => o.id === 'l2-normalize-in-app')!;
    const drop = r.offers.find((o) => o.id === 'drop-output-layer')!;
    const a = await inspectArtifacts(l2.apply(), r.name, [], []);
    const b = await inspectArtifacts(drop.apply(), r.name, [], []);
    expect(a.kind).toBe('ready');
    expect(b.kind).toBe('ready');
    if (a.kind !== 'ready' || b.kind !== 'ready') return;
    expect(a.summary.embeddingSize).toBe(b.summary.embeddingSize);
    expect(a.summary.hash).not.toBe(b.summary.hash);
  });

  it('the M2 triplet training model offers its shared tower', async () => {
    const r = await inspectModel(modelFiles('m2-triplet'));
    expect(r.kind).toBe('choose');
    if (r.kind === 'choose') expect(r.offers.map((o) => o.id)).toEqual(['extract-tower']);
  });

  it('a graph model (M4) is inspected with the graph loader: dynamic batch, named input', async () => {
    const r = await inspectModel(modelFiles('m4-graph'));
    expect(r.kind).toBe('ready');
    if (r.kind === 'ready') expect(r.summary).toMatchObject({ format: 'graph-model', inputs: [{ name: 'input', shape: [null, 8, 8, 1] }] });
  });

  it('model.json alone is refused before anything is built (M5c)', async () => {
    await expect(inspectModel(modelFiles('m5-sharded').filter((f) => f.name === 'model.json'))).rejects.toThrow(/without its weight files?/);
  });

  it('modelName takes the folder of model.json', () => {
    expect(modelName('resnet/model.json')).toBe('resnet');
    expect(modelName('model.json')).toBe('model.json');
  });
});

describe('inspectModel: weights that do not fit the topology', () => {
  const edited = (edit: (weights: { name: string; shape: number[]; dtype: string }[]) => void) => {
    const files = modelFiles('m3-keras2');
    const json = files.find((f) => f.name === 'model.json')!;
    const doc = JSON.parse(new TextDecoder().decode(json.bytes));
    edit(doc.weightsManifest[0].weights);
    json.bytes = new TextEncoder().encode(JSON.stringify(doc));
    return files;
  };
  it.each([
    ['a swapped kernel shape', (w: { shape: number[] }[]) => void (w[0].shape = [16, 64])],
    ['a renamed weight', (w: { name: string }[]) => void (w[0].name = 'renamed/kernel')],
  ])('%s: the error names model.json, quotes TensorFlow.js and says to drop files from one export', async (_, edit) => {
    await expect(inspectModel(edited(edit as never))).rejects.toThrow(/^model\.json: its weightsManifest does not fit its modelTopology — TensorFlow\.js says: .+\. .*Fix: drop the model\.json and the \.bin shards that one tensorflowjs_converter run wrote together$/);
  });
});
