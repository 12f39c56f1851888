import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import type { Services } from '../../../src/state/types';
import type { InputServices } from '../../../src/state/inputTypes';
import type { EmbedRequest, EmbedResult } from '../../../src/model/embedPipeline';
import type { ModelInspection } from '../../../src/model/inspectModel';
import type { Preprocessing } from '../../../src/model/preprocess';
import { inProcessEvaluator } from './fakeServices';

const pre: Preprocessing = { width: 8, height: 8, channels: 1, normalization: 'unit', channelOrder: 'rgb' };
const loaded = { artifacts: {}, format: 'layers-model' as const, metadata: undefined };
const ready: ModelInspection = {
  kind: 'ready',
  loaded,
  summary: { name: 'm', format: 'layers-model', inputs: [], outputs: [], embeddingSize: 2, preprocessing: pre, fixedSize: true, hash: 'h1', notes: [], unused: [] },
};
const files = ['val/a/1.png', 'val/a/2.png', 'val/b/3.png'].map((p) => new File([p], p));

function world() {
  const requests: EmbedRequest[] = [];
  const revoked: string[] = [];
  const stored = new Map<string, Preprocessing | null>();
  let made = 0;
  const inputs: InputServices = {
    fromDataTransfer: async () => [],
    fromList: (list) => Array.from(list, (f) => ({ path: f.name, file: f })),
    inspectModel: async () => ready,
    applyOffer: async () => ready,
    inspectData: async (dropped) => ({
      kind: 'class-folders',
      name: 'val',
      classes: ['a', 'b'],
      images: dropped.map((d, k) => ({ path: d.path, label: k < 2 ? 0 : 1, file: d.file })),
      skipped: [],
      counts: { images: 3, classes: 2, positives: 1, negatives: 2, sampled: false },
    }),
    previewImage: async (_f, p) => ({ width: p.width, height: p.height, rgba: new Uint8ClampedArray(p.width * p.height * 4), min: [0], max: [1] }),
    loadPreprocessing: (h) => stored.get(h) ?? null,
    savePreprocessing: (h, p) => void stored.set(h, p),
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
  return { store: createAppStore(services), requests, revoked, stored };
}

describe('user data in the store', () => {
  it('runUserData() embeds the dropped class folders (blob: URLs) with the dropped model artifacts and the edited preprocessing, through the demo path', async () => {
    const { store, requests } = world();
    await store.getState().dropModel(files);
    await store.getState().dropData(files);
    const edited = { ...pre, normalization: 'tf' as const };
    store.getState().setPreprocessing(edited);
    await store.getState().runUserData();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(requests[0].model).toEqual({ kind: 'artifacts', loaded });
    expect(requests[0].imageUrls).toEqual(['blob:x/1', 'blob:x/2', 'blob:x/3']);
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

  it("a new run revokes the previous dataset's blob: URLs; rerun() repeats the user's run, not the demo", async () => {
    const { store, revoked, requests } = world();
    await store.getState().dropModel(files);
    await store.getState().dropData(files);
    await store.getState().runUserData();
    await store.getState().rerun();
    expect(revoked).toEqual(['blob:x/1', 'blob:x/2', 'blob:x/3']);
    expect(requests[1].model.kind).toBe('artifacts');
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
    expect(s.errors).toEqual(['emb.npy: is float64; read as float32']);
    expect(s.evaluation?.curve.n).toBe(3);
    expect(s.evaluation?.curve.ap).toBe(1);
    expect(s.dataset?.images[2]).toMatchObject({ path: 'row 2', label: 1 });
    expect(s.dataset?.images[2].url).toMatch(/^data:image\/svg\+xml,/);
  });
});
