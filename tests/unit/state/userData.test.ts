import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import type { Services } from '../../../src/state/types';
import type { InputServices } from '../../../src/state/inputTypes';
import type { EmbedRequest, EmbedResult } from '../../../src/model/embedPipeline';
import type { ModelInspection } from '../../../src/model/inspectModel';
import type { Preprocessing } from '../../../src/model/preprocess';
import { embeddingModelKey } from '../../../src/io/embeddingCacheKey';
import { inProcessEvaluator } from './fakeServices';
import { sessionText } from '../../../src/state/exports';

const pre: Preprocessing = { width: 8, height: 8, channels: 1, normalization: 'unit', channelOrder: 'rgb' };
const loaded = { artifacts: {}, format: 'layers-model' as const, metadata: undefined };
const ready: ModelInspection = {
  kind: 'ready',
  loaded,
  summary: { name: 'm', format: 'layers-model', inputs: [], outputs: [], defaultOutput: 'e', defaultReason: "the model's only output", embeddingSize: 2, preprocessing: pre, preprocessingSource: 'default', fixedSize: true, sizeStated: true, fixedChannels: true, hash: 'h1', notes: [], unused: [] },
};
const files = ['val/a/1.png', 'val/a/2.png', 'val/b/3.png'].map((p) => new File([p], p));

const twoOutputs: ModelInspection = {
  kind: 'ready',
  loaded: { artifacts: {}, format: 'graph-model', metadata: undefined },
  summary: {
    ...(ready as Extract<ModelInspection, { kind: 'ready' }>).summary,
    format: 'graph-model',
    hash: 'h2',
    outputs: [
      { name: 'embedding', shape: [null, 16], dtype: 'float32', size: 16, problem: null },
      { name: 'logits', shape: [null, 10], dtype: 'float32', size: 10, problem: null },
      { name: 'feature_map', shape: [null, 7, 7, 8], dtype: 'float32', size: null, problem: 'Output "feature_map" [?, 7, 7, 8] is a 4-D feature map' },
    ],
    defaultOutput: 'embedding',
    defaultReason: 'the [batch, D] output named like an embedding',
  },
};

function world(inspection: ModelInspection = ready) {
  const requests: EmbedRequest[] = [];
  const revoked: string[] = [];
  const stored = new Map<string, Preprocessing | null>();
  const outputs = new Map<string, string | null>();
  let made = 0;
  const inputs: InputServices = {
    fromDataTransfer: async () => [],
    fromList: (list) => Array.from(list, (f) => ({ path: f.name, file: f })),
    inspectModel: async () => inspection,
    applyOffer: async () => inspection,
    inspectData: async (dropped) => ({
      kind: 'class-folders',
      name: 'val',
      classes: ['a', 'b'],
      images: dropped.map((d, k) => ({ path: d.path, label: k < 2 ? 0 : 1, file: d.file })),
      skipped: [],
      counts: { images: 3, classes: 2, positives: 1, negatives: 2, sampled: false },
      notes: [],
    }),
    previewImage: async (_f, p) => ({ width: p.width, height: p.height, rgba: new Uint8ClampedArray(p.width * p.height * 4), min: [0], max: [1] }),
    loadPreprocessing: (h) => stored.get(h) ?? null,
    savePreprocessing: (h, p) => void stored.set(h, p),
    loadOutput: (h) => outputs.get(h) ?? null,
    saveOutput: (h, o) => void outputs.set(h, o),
    clearEmbeddingCache: async () => {},
    objectUrl: () => `blob:x/${++made}`,
    revokeUrl: (u) => void revoked.push(u),
  };
  const services: Services = {
    embedder: {
      embed: async (req, cb): Promise<EmbedResult> => {
        requests.push(req);
        const n = req.imageUrls.length;
        cb.onProgress(n, n);
        return {
          embeddings: Float32Array.from({ length: n * 2 }, (_, k) => k % 3),
          dim: 2,
          n,
          backend: { chosen: 'cpu', forced: false, trials: [] },
          preprocessing: req.preprocessing ?? pre,
          failed: [],
          contentHashes: Array(n).fill('h'),
          pixelStd: new Float32Array(n).fill(10),
          seconds: { backend: 0, embed: 0 },
        };
      },
    },
    evaluator: inProcessEvaluator,
    fetchJson: async () => ({}),
    baseUrl: 'http://x/',
    now: () => 0,
    inputs,
  };
  return { store: createAppStore(services), requests, revoked, stored, outputs };
}

describe('user data in the store', () => {
  it('runUserData() embeds the dropped class folders (the files themselves, named by path; no blob: URL made up front) with the dropped model artifacts and the edited preprocessing, through the demo path', async () => {
    const { store, requests } = world();
    await store.getState().dropModel(files);
    await store.getState().dropData(files);
    const edited = { ...pre, normalization: 'tf' as const };
    store.getState().setPreprocessing(edited);
    await store.getState().runUserData();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(requests[0].model).toEqual({ kind: 'artifacts', loaded });
    expect(requests[0].imageUrls).toEqual(['val/a/1.png', 'val/a/2.png', 'val/b/3.png']);
    expect(requests[0].imageFiles?.map((f) => f && (f as File).name)).toEqual(files.filter((f) => f.name.endsWith('.png')).map((f) => f.name));
    expect(requests[0].imageNames).toEqual(['val/a/1.png', 'val/a/2.png', 'val/b/3.png']);
    expect(requests[0].preprocessing).toEqual(edited);
    expect(requests[0].modelHash).toBe('h1');
    expect(s.dataset?.images.map((im) => [im.path, im.label])).toEqual([
      ['val/a/1.png', 0],
      ['val/a/2.png', 0],
      ['val/b/3.png', 1],
    ]);
    expect(s.evaluation?.curve.n).toBe(3);
    expect(s.preview).toMatchObject({ status: 'ready', path: 'val/a/1.png', image: { width: 8, height: 8 } });
  });

  it("blob: URLs are made only for images that are shown, and a new run revokes the previous dataset's; rerun() repeats the user's run, not the demo", async () => {
    const { store, revoked, requests } = world();
    await store.getState().dropModel(files);
    await store.getState().dropData(files);
    await store.getState().runUserData();
    const shown = store.getState().dataset!.images[2].url;
    expect(shown).toMatch(/^blob:x\//);
    await store.getState().rerun();
    expect(revoked).toEqual([shown]);
    expect(requests[1].model.kind).toBe('artifacts');
  });

  it('a model that takes any size asks for it: sizeToConfirm until the user sets or confirms a size (remembered, so the next drop does not ask); going back to the model\'s own asks again', async () => {
    const anySize: ModelInspection = { ...ready, summary: { ...(ready as Extract<ModelInspection, { kind: 'ready' }>).summary, fixedSize: false, sizeStated: false, hash: 'h-any' } } as ModelInspection;
    const { store, stored } = world(anySize);
    await store.getState().dropModel(files);
    expect(store.getState().sizeToConfirm).toBe(true);
    store.getState().setPreprocessing({ ...pre });
    expect(store.getState().sizeToConfirm).toBe(false);
    expect(stored.get('h-any')).toEqual(pre);
    await store.getState().dropModel(files);
    expect(store.getState().sizeToConfirm).toBe(false);
    store.getState().resetPreprocessing();
    expect(store.getState().sizeToConfirm).toBe(true);
    const fixed = world();
    await fixed.store.getState().dropModel(files);
    expect(fixed.store.getState().sizeToConfirm).toBe(false);
  });

  it("the drops' notes go on with the results: the model panel's and the class-folder drop's, each marked", async () => {
    const noted = { ...ready, summary: { ...(ready as Extract<ModelInspection, { kind: 'ready' }>).summary, notes: ['group1-shard1of1 (1).bin is used as group1-shard1of1.bin.'] } } as ModelInspection;
    const { store } = world(noted);
    const inspect = store.getState();
    await inspect.dropModel(files);
    await inspect.dropData(files);
    const drop = store.getState().dataDrop;
    if (drop?.status !== 'inspected' || drop.inspection.kind !== 'class-folders') throw new Error('expected class folders');
    store.setState({ dataDrop: { ...drop, inspection: { ...drop.inspection, notes: ['notes.txt reads like an LFW pairs.txt but names none of the 3 dropped images, so it is not used.'] } } });
    await store.getState().runUserData();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().notes).toEqual([
      'Model: group1-shard1of1 (1).bin is used as group1-shard1of1.bin.',
      'Data: notes.txt reads like an LFW pairs.txt but names none of the 3 dropped images, so it is not used.',
    ]);
  });

  it('edited preprocessing is remembered per model hash and restored on the next drop of the same model', async () => {
    const { store, stored } = world();
    await store.getState().dropModel(files);
    store.getState().setPreprocessing({ ...pre, channelOrder: 'bgr' });
    expect(stored.get('h1')).toMatchObject({ channelOrder: 'bgr' });
    await store.getState().dropModel(files);
    expect(store.getState().preprocessing).toMatchObject({ channelOrder: 'bgr' });
    store.getState().resetPreprocessing();
    expect(store.getState().preprocessing).toEqual(pre);
  });

  it('a several-output model embeds with its default output; the run names it, sends it with the artifacts and keys the cache by it', async () => {
    const { store, requests } = world(twoOutputs);
    await store.getState().dropModel(files);
    expect(store.getState().modelOutput).toBe('embedding');
    await store.getState().dropData(files);
    await store.getState().runUserData();
    expect(store.getState().status).toBe('ready');
    expect(requests[0].model).toEqual({ kind: 'artifacts', loaded: { artifacts: {}, format: 'graph-model', metadata: undefined, output: 'embedding' } });
    expect(requests[0].modelHash).toBe(embeddingModelKey('h2', 'embedding'));
    expect(store.getState().model?.name).toBe('m → embedding');
  });

  it('setModelOutput() switches the output of the next run (another cache key) and is remembered per model hash; picking the default forgets it', async () => {
    const { store, requests, outputs } = world(twoOutputs);
    await store.getState().dropModel(files);
    await store.getState().dropData(files);
    store.getState().setModelOutput('logits');
    expect(outputs.get('h2')).toBe('logits');
    await store.getState().runUserData();
    expect((requests[0].model as { loaded: { output?: string } }).loaded.output).toBe('logits');
    expect(requests[0].modelHash).not.toBe(embeddingModelKey('h2', 'embedding'));
    await store.getState().dropModel(files);
    expect(store.getState().modelOutput).toBe('logits');
    store.getState().setModelOutput('embedding');
    expect(outputs.get('h2')).toBeNull();
    store.getState().setModelOutput('no-such-output');
    expect(store.getState().modelOutput).toBe('embedding');
  });

  it('a remembered output the model no longer has falls back to the default', async () => {
    const { store, outputs } = world(twoOutputs);
    outputs.set('h2', 'gone');
    await store.getState().dropModel(files);
    expect(store.getState().modelOutput).toBe('embedding');
  });

  it('runUserData() with an output that is not [batch, D] fails with that output\'s message and embeds nothing; such a pick is not remembered', async () => {
    const { store, requests, outputs } = world(twoOutputs);
    await store.getState().dropModel(files);
    await store.getState().dropData(files);
    store.getState().setModelOutput('logits');
    store.getState().setModelOutput('feature_map');
    expect(outputs.get('h2')).toBeNull();
    await store.getState().runUserData();
    expect(store.getState().status).toBe('error');
    expect(store.getState().errors[0]).toMatch(/Output "feature_map" .* feature map/);
    expect(requests).toEqual([]);
  });

  it('runUserData() without a usable model says what to drop, and nothing is embedded', async () => {
    const { store, requests } = world();
    await store.getState().runUserData();
    expect(store.getState().status).toBe('error');
    expect(store.getState().errors[0]).toMatch(/Drop a model/);
    expect(requests).toEqual([]);
  });

  it('runUserData() over dropped embeddings scores every pair without a model or the embedder, and shows no backend', async () => {
    const { store, requests } = world();
    const set = { embeddings: Float32Array.from([0, 0, 0, 1, 5, 5]), n: 3, dim: 2, classIds: Uint32Array.from([0, 0, 1]), classes: ['a', 'b'], issues: [] };
    store.setState({ dataDrop: { status: 'inspected', inspection: { kind: 'embeddings', name: 'emb', set, warnings: ['emb.npy: is float64; read as float32'], skipped: [], counts: { images: 3, classes: 2, positives: 1, negatives: 2, sampled: false } } } });
    await store.getState().runUserData();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(requests).toEqual([]);
    expect(s.backend).toBeNull();
    expect(s.notes).toEqual(['emb.npy: is float64; read as float32']);
    expect(s.errors).toEqual([]);
    expect(s.evaluation?.curve.n).toBe(3);
    expect(s.evaluation?.curve.ap).toBe(1);
    expect(s.dataset?.images[2]).toMatchObject({ path: 'row 2', label: 1 });
    expect(s.dataset?.images[2].url).toMatch(/^data:image\/svg\+xml,/);
  });

  it('opening a session saved for other data keeps the user\'s flags and view and says why it was not imported; one for this data adds its flags to theirs', async () => {
    const { store } = world();
    const set = { embeddings: Float32Array.from([0, 0, 0, 1, 5, 5]), n: 3, dim: 2, classIds: Uint32Array.from([0, 0, 1]), classes: ['a', 'b'], issues: [] };
    store.setState({ dataDrop: { status: 'inspected', inspection: { kind: 'embeddings', name: 'emb', set, warnings: [], skipped: [], counts: { images: 3, classes: 2, positives: 1, negatives: 2, sampled: false } } } });
    await store.getState().runUserData();
    store.getState().addFlag({ kind: 'exclude-image', image: 2 });
    const session = (over: object) => JSON.stringify({ ...JSON.parse(sessionText(store.getState())), ...over });
    const foreign = session({ dataset: { name: 'demo', images: 1000, classes: ['bag', 'coat'] }, flags: [{ kind: 'exclude-image', image: 'bag/1.png' }] });
    store.getState().setAxis('linear');
    await store.getState().importSession(foreign);
    let s = store.getState();
    expect(s.flags).toEqual([{ kind: 'exclude-image', image: 2 }]);
    expect(s.axis).toBe('linear');
    expect(s.errors).toEqual([expect.stringMatching(/^Session file not imported: it was saved for "demo" \(1,000 images; model: none \(precomputed embeddings\)\), and none of its 1 flag names an image loaded now \("emb", 3 images\)\. Your flags and view are unchanged\./)]);

    const same = session({ flags: [{ kind: 'exclude-pair', a: 'row 0', b: 'row 1' }], settings: { ...JSON.parse(sessionText(store.getState())).settings, recallAxis: 'log' } });
    await store.getState().importSession(same);
    s = store.getState();
    expect(s.flags).toEqual([{ kind: 'exclude-image', image: 2 }, { kind: 'exclude-pair', i: 0, j: 1 }]);
    expect(s.axis).toBe('log');
    expect(s.notes).toEqual([expect.stringMatching(/^Session opened: saved for "emb" \(3 images; model: none \(precomputed embeddings\)\) on \d{4}-\d\d-\d\d; 1 of 1 flag applied, your 1 flag kept/)]);
  });
});
