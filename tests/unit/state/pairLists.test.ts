import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import type { Services } from '../../../src/state/types';
import type { InputServices } from '../../../src/state/inputTypes';
import type { EmbedRequest, EmbedResult } from '../../../src/model/embedPipeline';
import type { ModelInspection } from '../../../src/model/inspectModel';
import type { Preprocessing } from '../../../src/model/preprocess';
import { inspectDataDrop } from '../../../src/io/dataDrop';
import { evaluateListedPairs } from '../../../src/metrics/listedPairs';
import { pairIndexOf } from '../../../src/metrics/pairIndex';
import { listPairs } from '../../../src/diagnostics/listPairs';
import { flagsCsvText, sessionText } from '../../../src/state/exports';
import { diagnosisOf } from '../../../src/state/derived';
import { classFolderDataset, MAX_ALL_PAIRS, MAX_SAMPLED_PAIRS, pairBudgetProblem, plannedPairs } from '../../../src/state/userPairs';
import { precomputedRun } from '../../../src/state/precomputed';
import { npyBytes } from '../cli/npyWriter';
import { readEmbeddingSet } from '../../../src/io/embeddingSet';
import { classFolderCounts } from '../../../src/io/dataDrop';
import { inProcessEvaluator } from './fakeServices';
import { installAutosave } from '../../../src/state/autosave';

const pre: Preprocessing = { width: 8, height: 8, channels: 1, normalization: 'unit', channelOrder: 'rgb' };
const ready: ModelInspection = {
  kind: 'ready',
  loaded: { artifacts: {}, format: 'layers-model', metadata: undefined },
  summary: { name: 'm', format: 'layers-model', inputs: [], outputs: [], defaultOutput: 'e', defaultReason: "the model's only output", embeddingSize: 3, preprocessing: pre, preprocessingSource: 'default', fixedSize: true, sizeStated: true, fixedChannels: true, hash: 'h1', notes: [], unused: [] },
};

/** A store whose embedder gives each image a fixed 3-d embedding from its file name (deterministic), with the real drop inspection. */
function world(failIndex = -1) {
  const requests: EmbedRequest[] = [];
  const urls = new Map<string, string>();
  const inputs: InputServices = {
    fromDataTransfer: async () => [],
    fromList: (list) => Array.from(list, (f) => ({ path: f.name, file: f })),
    inspectModel: async () => ready,
    applyOffer: async () => ready,
    inspectData: inspectDataDrop,
    previewImage: async (_f, p) => ({ width: p.width, height: p.height, rgba: new Uint8ClampedArray(p.width * p.height * 4), min: [0], max: [1] }),
    loadPreprocessing: () => null,
    savePreprocessing: () => {},
    loadOutput: () => null,
    saveOutput: () => {},
    clearEmbeddingCache: async () => {},
    objectUrl: (f) => {
      const u = `blob:${(f as File).name}`;
      urls.set(u, (f as File).name);
      return u;
    },
    revokeUrl: () => {},
  };
  const vec = (name: string) => {
    let h = 0;
    for (const ch of name) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
    return [(h % 97) / 97, ((h >>> 7) % 89) / 89, ((h >>> 13) % 83) / 83];
  };
  const services: Services = {
    embedder: {
      embed: async (req, cb): Promise<EmbedResult> => {
        requests.push(req);
        const n = req.imageUrls.length;
        // Dropped images arrive as the files themselves (imageFiles), named by path in imageUrls.
        const nameOf = (u: string, i: number) => (req.imageFiles?.[i] as File | undefined)?.name ?? urls.get(u)!;
        cb.onProgress(n, n);
        return {
          embeddings: Float32Array.from(req.imageUrls.flatMap((u, i) => (i === failIndex ? [NaN, NaN, NaN] : vec(nameOf(u, i))))),
          dim: 3,
          n,
          backend: { chosen: 'cpu', forced: false, trials: [] },
          preprocessing: pre,
          failed: failIndex >= 0 ? [{ index: failIndex, url: req.imageUrls[failIndex], reason: 'cannot be decoded' }] : [],
          contentHashes: req.imageUrls.map((u, i) => nameOf(u, i)),
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
  return { store: createAppStore(services), requests };
}

const img = (path: string) => new File(['x'], path);
// File names carry the path (fromList uses f.name as the path).
const tripletImages = ['a/1.png', 'a/2.png', 'a/3.png', 'b/1.png', 'b/2.png', 'c/1.png', 'unused/9.png'].map(img);
const triplets = new File(['anchor,positive,negative\na/1.png,a/2.png,b/1.png\na/2.png,a/3.png,c/1.png\nb/1.png,b/2.png,a/1.png\nb/2.png,b/1.png,zzz/missing.png\n'], 'triplets.csv');

describe('pair lists through the run slice', () => {
  it('a triplets CSV: embeds only the listed images, each once; evaluates one positive and one negative pair per triplet, equal to evaluateListedPairs; the gallery lists only listed pairs', async () => {
    const { store, requests } = world();
    await store.getState().dropModel([]);
    await store.getState().dropData([triplets, ...tripletImages]);
    const drop = store.getState().dataDrop;
    expect(drop?.status === 'inspected' && drop.inspection.kind).toBe('pair-list');
    if (drop?.status !== 'inspected' || drop.inspection.kind !== 'pair-list') return;
    // The last triplet's negative names a missing image: that pair is left out, its positive pair is kept.
    expect(drop.inspection.counts).toEqual({ images: 6, pairs: 7, positives: 4, negatives: 3, skippedPairs: 1, missingImages: 1, listed: { pairs: 8, positives: 4, negatives: 4, images: 7 } });
    expect(drop.inspection.problems.join('\n')).toMatch(/triplets\.csv, line 5: image "zzz\/missing\.png" is not among the dropped files/);

    await store.getState().runUserData();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(requests).toHaveLength(1);
    expect(requests[0].imageUrls).toEqual(['a/1.png', 'a/2.png', 'b/1.png', 'a/3.png', 'c/1.png', 'b/2.png']);
    const ev = s.evaluation!;
    expect(ev.curve.n).toBe(7);
    const direct = evaluateListedPairs(s.embedding!.embeddings, 6, 3, s.dataset!.pairs!.a, s.dataset!.pairs!.b, s.dataset!.pairs!.labels, 'neg-sq-l2');
    expect(ev.curve.ap).toBe(direct.curve.ap);
    const listed = new Set(Array.from(s.dataset!.pairs!.a, (x, k) => `${x},${s.dataset!.pairs!.b[k]}`));
    for (const p of listPairs(ev, ev.order.length, 'all', 100).pairs) expect(listed.has(`${p.i},${p.j}`)).toBe(true);
    // Tags are computed without class confusion (a list's labels are as listed).
    expect(diagnosisOf(ev, s.embedding, s.dataset)?.context.classPairs).toBe(false);
  });

  it('a list dropped after its images (two drops, as the two pickers force) is read with them, and says so; images dropped after their list likewise; a folder with both replaces', async () => {
    const { store } = world();
    await store.getState().dropData(tripletImages);
    expect(store.getState().dataDrop?.status === 'inspected' && store.getState().dataDrop).toMatchObject({ inspection: { kind: 'class-folders' } });
    await store.getState().dropData([triplets]);
    const drop = store.getState().dataDrop;
    expect(drop?.status === 'inspected' && drop.inspection.kind).toBe('pair-list');
    expect(drop?.status === 'inspected' && drop.combined).toMatch(/triplets\.csv is read together with the 7 images dropped before/);
    // The other order.
    const other = world().store;
    await other.getState().dropData([triplets]);
    await other.getState().dropData(tripletImages);
    const d2 = other.getState().dataDrop;
    expect(d2?.status === 'inspected' && d2.inspection.kind).toBe('pair-list');
    expect(d2?.status === 'inspected' && d2.combined).toMatch(/These 7 images are read together with triplets\.csv/);
    // A drop with both stands alone.
    await other.getState().dropData([triplets, ...tripletImages.slice(0, 3)]);
    const d3 = other.getState().dataDrop;
    expect(d3?.status === 'inspected' && d3.combined).toBeUndefined();
  });

  it('switching the metric re-scores the same listed pairs; flags on listed pairs replay; a flag off the list is an error; flags CSV and session name listed pairs', async () => {
    const { store } = world();
    await store.getState().dropModel([]);
    await store.getState().dropData([triplets, ...tripletImages]);
    await store.getState().runUserData();
    await store.getState().setMetric('cosine');
    const s = store.getState();
    expect(s.evaluation!.metric).toBe('cosine');
    expect(s.evaluation!.curve.n).toBe(7);
    expect(pairIndexOf(s.evaluation!).kind).toBe('list');
    const [i, j] = pairIndexOf(s.evaluation!).pairOf(1);
    store.getState().addFlag({ kind: 'exclude-pair', i, j });
    await store.getState().replay();
    // (a/1, b/1) is listed twice (triplets 1 and 3, in both directions): both copies go.
    expect(store.getState().counterfactual?.excludedPairs).toBe(2);
    expect(flagsCsvText(store.getState()).split('\n')[1]).toMatch(/^a\/1\.png,b\/1\.png,/);
    expect(JSON.parse(sessionText(store.getState())).flags).toEqual([{ kind: 'exclude-pair', a: 'a/1.png', b: 'b/1.png' }]);
    store.getState().addFlag({ kind: 'exclude-pair', i: 0, j: 4 }); // a/1 and c/1: never listed together
    await store.getState().replay();
    expect(store.getState().errors.join('\n')).toMatch(/not a pair of the evaluated pair list/);
  });

  it('class folders over the pair limit: all positive pairs plus ratio × positives seeded negatives, no image with itself, no pair twice, the same sample for the same seed', () => {
    const images = Array.from({ length: 120 }, (_, k) => ({ path: `c${k % 6}/${k}.png`, label: k % 6, file: new File(['x'], `${k}.png`) }));
    const it = { kind: 'class-folders' as const, name: 'val', classes: ['c0', 'c1', 'c2', 'c3', 'c4', 'c5'], images, skipped: [], counts: { images: 120, classes: 6, positives: 6 * 190, negatives: 7140 - 1140, sampled: false }, notes: [] };
    const url = (path: string, label: number, file: File) => ({ path, label, url: file.name });
    const d1 = classFolderDataset(it, { limit: 1000, negativeRatio: 3, seed: 7 }, url);
    const d2 = classFolderDataset(it, { limit: 1000, negativeRatio: 3, seed: 7 }, url);
    const d3 = classFolderDataset(it, { limit: 1000, negativeRatio: 3, seed: 8 }, url);
    const p = d1.pairs!;
    expect(p.origin).toMatchObject({ kind: 'sample', seed: 7, negativeRatio: 3, allPositives: 1140, allNegatives: 6000, positivesSampled: false });
    const pos = Array.from(p.labels).filter((y) => y === 1).length;
    expect(pos).toBe(1140);
    expect(p.labels.length - pos).toBe(3 * 1140);
    const keys = new Set<string>();
    for (let k = 0; k < p.a.length; k++) {
      expect(p.a[k]).not.toBe(p.b[k]);
      expect(p.labels[k]).toBe(images[p.a[k]].label === images[p.b[k]].label ? 1 : 0);
      keys.add(`${Math.min(p.a[k], p.b[k])},${Math.max(p.a[k], p.b[k])}`);
    }
    expect(keys.size).toBe(p.a.length);
    expect(Array.from(d2.pairs!.a)).toEqual(Array.from(p.a));
    expect(Array.from(d2.pairs!.b)).toEqual(Array.from(p.b));
    expect(Array.from(d3.pairs!.b)).not.toEqual(Array.from(p.b));
    // Under the limit: no pairs, every pair i < j is scored.
    expect(classFolderDataset(it, { limit: 7140, negativeRatio: 3, seed: 7 }, url).pairs).toBeUndefined();
    // Over the limit, but a ratio that would take every negative (6 > 6000 / 1140): all pairs, no list is built.
    expect(classFolderDataset(it, { limit: 1000, negativeRatio: 6, seed: 7 }, url).pairs).toBeUndefined();
    expect(plannedPairs(it.counts, { limit: 1000, negativeRatio: 6, seed: 7 })).toEqual({ positives: 1140, negatives: 6000, sampled: false });
  });

  it('pairBudgetProblem: what fits a tab is scored; more is refused at the drop with the ratio that fits, or fewer images', () => {
    const sampling = { limit: 2_000_000, negativeRatio: 10, seed: 1 };
    // 10,000 images in 10 classes: 50 M pairs, the sample would hold every one → all pairs, fits.
    expect(pairBudgetProblem(classFolderCounts(Array.from({ length: 10_000 }, (_, i) => i % 10)), sampling)).toBeNull();
    // 40,000 rows in 4 classes: 20 M sampled positives + 200 M negatives → refused, naming the ratio that fits (1.5).
    const big = classFolderCounts(Array.from({ length: 40_000 }, (_, i) => i % 4));
    expect(pairBudgetProblem(big, sampling)).toBe(
      `the sample would hold 220,000,000 pairs (20,000,000 positive, 200,000,000 negative), more than the ${MAX_SAMPLED_PAIRS.toLocaleString('en-US')} a browser tab can score at once. Fix: set "negatives per positive" to 1.5 or less, or drop fewer images`,
    );
    expect(pairBudgetProblem(big, { ...sampling, negativeRatio: 1.5 })).toBeNull();
    // 15,000 images in 10 classes: the sample would hold every pair (10 × 11.2 M positives ≥ 101 M negatives) → all 112 M pairs, over the budget.
    const allPairs = classFolderCounts(Array.from({ length: 15_000 }, (_, i) => i % 10));
    expect(pairBudgetProblem(allPairs, sampling)).toBe(
      `15,000 items give 112,492,500 pairs, more than the ${MAX_ALL_PAIRS.toLocaleString('en-US')} a browser tab can score at once. Fix: lower "negatives per positive" below (the pairs are then sampled), or drop fewer images`,
    );
    expect(pairBudgetProblem(allPairs, { ...sampling, negativeRatio: 3 })).toBeNull();
  });

  it('precomputed embeddings past the pair limit are sampled like class folders (all positives, seeded negatives)', () => {
    const n = 60;
    const set = readEmbeddingSet(
      { name: 'e.npy', bytes: npyBytes(new Float32Array(n * 2).map((_, k) => k), { shape: [n, 2] }) },
      { name: 'labels.txt', bytes: new TextEncoder().encode(Array.from({ length: n }, (_, i) => `c${i % 3}`).join('\n')) },
    );
    const drop = { kind: 'embeddings' as const, name: 'e', set, warnings: [], skipped: [], counts: classFolderCounts(Array.from(set.classIds)) };
    const run = precomputedRun(drop, { limit: 100, negativeRatio: 1, seed: 2 });
    expect(run.dataset.pairs?.origin.kind).toBe('sample');
    const labels = run.dataset.pairs!.labels;
    expect(labels.reduce((a, l) => a + l, 0)).toBe(drop.counts.positives);
    expect(labels.length).toBe(2 * drop.counts.positives);
    expect(precomputedRun(drop, { limit: 10_000, negativeRatio: 1, seed: 2 }).dataset.pairs).toBeUndefined();
  });

  it('runUserData() over class folders past the limit evaluates the sample (AP of the listed sample, labels from the classes, class confusion kept)', async () => {
    const { store } = world();
    await store.getState().dropModel([]);
    const files = Array.from({ length: 40 }, (_, k) => img(`val/c${k % 4}/${k}.png`));
    await store.getState().dropData(files);
    store.getState().setPairSampling({ limit: 100, negativeRatio: 2, seed: 3 });
    await store.getState().runUserData();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.dataset!.pairs!.origin.kind).toBe('sample');
    expect(s.evaluation!.curve.positives).toBe(4 * 45);
    expect(s.evaluation!.curve.n).toBe(3 * 4 * 45);
    expect(diagnosisOf(s.evaluation, s.embedding, s.dataset)?.context.classPairs).toBe(true);
  });

  it('nothing lost on reload for a pair list: flags on listed pairs come back by path when the same list is evaluated again', async () => {
    const m = new Map<string, string>();
    const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
    const first = world().store;
    installAutosave(first, storage);
    await first.getState().dropModel([]);
    await first.getState().dropData([triplets, ...tripletImages]);
    await first.getState().runUserData();
    const [i, j] = pairIndexOf(first.getState().evaluation!).pairOf(2);
    first.getState().addFlag({ kind: 'label-error', i, j });
    await first.getState().replay();
    const apAfter = first.getState().counterfactual!.curve.ap;

    const second = world().store;
    installAutosave(second, storage);
    await second.getState().dropModel([]);
    await second.getState().dropData([triplets, ...tripletImages]);
    await second.getState().runUserData();
    await new Promise((r) => setTimeout(r, 20));
    expect(second.getState().flags).toEqual([{ kind: 'label-error', i, j }]);
    expect(second.getState().counterfactual?.curve.ap).toBe(apAfter);
    expect(second.getState().errors).toEqual([]);
  });

  it('an image that fails to decode: the error names it and counts only its listed pairs; those pairs are excluded, the rest evaluated', async () => {
    const { store } = world(4); // c/1.png: one listed pair
    await store.getState().dropModel([]);
    await store.getState().dropData([triplets, ...tripletImages]);
    await store.getState().runUserData();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.errors[0]).toMatch(/^c\/1\.png: skipped — cannot be decoded\. Its 1 pair is left out of the curve/);
    expect(s.evaluation!.curve.n).toBe(6);
    expect(s.evaluation!.curve.excludedNonFinite).toBe(1);
  });
});
