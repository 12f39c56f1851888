import type { StateCreator } from 'zustand';
import type { AppState, Dataset, ModelInfo, RunOptions, RunSlice, Services } from './types';
import type { EmbedResult, ModelSource } from '../model/embedPipeline';
import { precomputedRun } from './precomputed';
import { scoresRun, type ScoresTableView } from './scoresRun';
import { classFolderDataset, pairBudgetProblem, pairListDataset } from './userPairs';
import { pairIndexOf } from '../metrics/pairIndex';
import type { Preprocessing } from '../model/preprocess';
import { demoDataset } from './demoDataset';
import { lazyImageUrls } from './lazyUrls';
import { inputServices } from './inputSlice';
import { EmbedCancelled } from '../workers/embed.client';
import { cancelledDuringEmbedding, cancelledOutsideEmbedding, pairsToScore, scoringDetail } from './runNotes';
import { embeddingModelKey } from '../io/embeddingCacheKey';

export const DEMO_MODEL_PATH = 'models/fmnist-triplet/model.json';
export const BATCH_SIZE = 64;

/**
 * Runs: the demo (manifest + bundled model) and the user's drops (class
 * folders as blob: URLs + the dropped model's artifacts) share one path.
 * Each run carries a generation; a result from an older run is dropped
 * (latest request wins), and the last good curve stays until a new one lands.
 */
export function createRunSlice(services: Services): StateCreator<AppState, [], [], RunSlice> {
  let generation = 0;
  let controller: AbortController | null = null;
  let lastRun: ((opts: RunOptions) => Promise<void>) | null = null;
  let releaseLive: (() => void) | undefined;

  return (set, get) => {
    /**
     * The one run path, for the demo and for the user's data:
     * prepare (dataset + model) → embeddings (worker) → evaluation (worker).
     */
    async function execute(opts: RunOptions, firstDetail: string, prepare: () => Promise<Prepared>): Promise<void> {
      const gen = ++generation;
      controller?.abort();
      controller = new AbortController();
      const live = () => gen === generation;
      const t0 = services.now();
      set({ status: 'loading', stageDetail: firstDetail, errors: [], notes: [], progress: null, selectedIdx: null, flags: [], counterfactual: null });
      try {
        const prepared = await prepare();
        const { dataset, model, source, preprocessing, modelHash, release } = prepared;
        if (!live()) {
          release?.();
          return;
        }
        // The new dataset replaces the old one: its blob: URLs are no longer shown anywhere.
        releaseLive?.();
        releaseLive = release;
        if (source.kind === 'scores') {
          await scoreTable(source, dataset, model, prepared.table ?? null, { errors: prepared.rowErrors ?? [], notes: prepared.warnings ?? [] }, live, t0);
          return;
        }
        set({ dataset, model, embedding: null, evaluation: null, scoresTable: null, status: 'backend', stageDetail: 'Testing backends' });
        const embedding = source.kind === 'precomputed' ? source.embedding : await services.embedder.embed(
          { model: source, ...imageRequest(dataset), backend: opts.backend, batchSize: BATCH_SIZE, preprocessing, modelHash },
          {
            onStage: (stage, detail) => {
              if (!live()) return;
              if (stage === 'backend') set({ status: 'backend', stageDetail: detail ? `Testing the ${detail} backend` : 'Loading the model' });
              else set({ status: 'embedding', stageDetail: `Embedding on ${detail ?? '?'}` });
            },
            onProgress: (done, total) => {
              if (!live()) return;
              const now = services.now();
              const prev = get().progress;
              set({ progress: { done, total, startedAt: done === 0 || !prev ? now : prev.startedAt, updatedAt: now } });
            },
          },
          controller.signal,
        );
        if (!live()) return;
        const listed = dataset.pairs ? pairIndexOf({ n: embedding.n, pairA: dataset.pairs.a, pairB: dataset.pairs.b }) : null;
        const pairsOfImage = (i: number) => (listed ? listed.pairsWith(i).length : embedding.n - 1);
        const failed = embedding.failed.map(
          (f) => {
            const k = pairsOfImage(f.index);
            return `${dataset.images[f.index]?.path ?? f.url}: skipped — ${f.reason}. ${k === 1 ? 'Its 1 pair is' : `Its ${k.toLocaleString('en-US')} pairs are`} left out of the curve (counted as excluded).`;
          },
        );
        set({
          embedding,
          backend: source.kind === 'precomputed' ? null : embedding.backend,
          status: 'scoring',
          stageDetail: scoringDetail(pairsToScore(embedding.n, dataset.pairs ? dataset.pairs.a.length : null)),
          errors: failed,
          notes: [...(prepared.dropNotes ?? []), ...(embedding.warnings ?? [])],
        });
        const tScore = services.now();
        await get().setMetric(get().metric);
        if (!live()) return;
        const tEnd = services.now();
        set({
          status: 'ready',
          stageDetail: '',
          timings: {
            backendSeconds: embedding.seconds.backend,
            embedSeconds: embedding.seconds.embed,
            scoreSeconds: (tEnd - tScore) / 1000,
            totalSeconds: (tEnd - t0) / 1000,
          },
        });
      } catch (e) {
        if (!live()) return;
        if (e instanceof EmbedCancelled) {
          set({ status: 'cancelled', stageDetail: cancelledDuringEmbedding(e.done, e.total), progress: { ...(get().progress ?? { startedAt: 0, updatedAt: 0 }), done: e.done, total: e.total } });
        } else set((s) => ({ status: 'error', stageDetail: '', errors: [...s.errors, (e as Error).message] }));
      }
    }

    /** A scores table: no embedding stage; the given scores go to the metrics worker (copies, transferred) and come back as the exact curve. */
    async function scoreTable(source: ScoresSource, dataset: Dataset, model: ModelInfo, table: ScoresTableView | null, said: { errors: string[]; notes: string[] }, live: () => boolean, t0: number): Promise<void> {
      set({ dataset, model, embedding: null, evaluation: null, backend: null, scoresTable: table, status: 'scoring', stageDetail: scoringDetail(source.scores.length), errors: said.errors, notes: said.notes });
      const tScore = services.now();
      const ev = await services.evaluator.evaluateScores({ scores: source.scores, labels: source.labels });
      if (!live()) return;
      set({ evaluation: { ...ev, n: dataset.images.length, pairA: source.pairA, pairB: source.pairB, scoresFrom: source.file }, selectedIdx: null });
      void get().replay();
      const tEnd = services.now();
      set({ status: 'ready', stageDetail: '', timings: { backendSeconds: 0, embedSeconds: 0, scoreSeconds: (tEnd - tScore) / 1000, totalSeconds: (tEnd - t0) / 1000 } });
    }

    return {
      status: 'idle',
      scoresTable: null,
      stageDetail: '',
      progress: null,
      backend: null,
      errors: [],
      notes: [],
      dataset: null,
      model: null,
      embedding: null,
      timings: null,

      async runDemo(opts = {}) {
        lastRun = (o) => get().runDemo({ ...opts, ...o });
        await execute(opts, 'Reading the demo manifest', async () => {
          const demoBase = new URL('demo/', services.baseUrl).href;
          const manifestName = opts.variant === 'noisy' ? 'manifest-noisy.json' : 'manifest.json';
          const dataset = demoDataset(await services.fetchJson(new URL(manifestName, demoBase).href), demoBase, opts.limit);
          const modelUrl = new URL(DEMO_MODEL_PATH, services.baseUrl).href;
          return { dataset, model: { name: 'fmnist-triplet (demo)', url: modelUrl, key: modelUrl }, source: { kind: 'url', url: modelUrl } };
        });
      },

      async runUserData(opts = {}) {
        lastRun = (o) => get().runUserData({ ...opts, ...o });
        await execute(opts, 'Preparing your images', async () => {
          const { modelDrop, dataDrop, preprocessing, modelOutput } = get();
          if (dataDrop?.status === 'inspected' && (dataDrop.inspection.kind === 'embeddings' || dataDrop.inspection.kind === 'class-folders')) {
            const tooMany = pairBudgetProblem(dataDrop.inspection.counts, get().pairSampling);
            if (tooMany) throw new Error(`${dataDrop.inspection.name}: ${tooMany}.`);
          }
          if (dataDrop?.status === 'inspected' && dataDrop.inspection.kind === 'embeddings') return precomputedRun(dataDrop.inspection, get().pairSampling);
          if (dataDrop?.status === 'inspected' && dataDrop.inspection.kind === 'scores') return { ...(await scoresRun(dataDrop.inspection)), rowErrors: dataDrop.inspection.rowErrors, warnings: dataDrop.inspection.warnings };
          if (modelDrop?.status !== 'inspected' || modelDrop.inspection.kind !== 'ready') throw new Error('Drop a model that loads first (model.json and its .bin shards).');
          const data = dataDrop?.status === 'inspected' ? dataDrop.inspection : null;
          if (data?.kind !== 'class-folders' && data?.kind !== 'pair-list') throw new Error('Drop a validation set first (class folders of images, or a pairs list with its images).');
          const { summary, loaded } = modelDrop.inspection;
          if (data.kind === 'class-folders' && data.images.length < 2) throw new Error(`The validation set has ${data.images.length} image${data.images.length === 1 ? '' : 's'}; a pair needs two.`);
          // A model with several outputs embeds with the chosen one; it names the model in the header and exports, and keys the cache.
          const output = summary.outputs.length > 1 ? (modelOutput ?? summary.defaultOutput) : undefined;
          const problem = summary.outputs.find((o) => o.name === (output ?? summary.defaultOutput))?.problem;
          if (problem) throw new Error(problem);
          const io = inputServices(services);
          const urls = lazyImageUrls(io);
          const dataset = data.kind === 'pair-list' ? pairListDataset(data, urls.image) : classFolderDataset(data, get().pairSampling, urls.image);
          return {
            dataset,
            model: { name: output === undefined ? summary.name : `${summary.name} → ${output}`, url: '', key: embeddingModelKey(summary.hash, output) },
            source: { kind: 'artifacts', loaded: output === undefined ? loaded : { ...loaded, output } },
            preprocessing: preprocessing ?? undefined,
            modelHash: embeddingModelKey(summary.hash, output),
            release: urls.release,
            // The model panel's notes (a renamed shard, a rewritten Keras 3 config, a transposed input) and the folder drop's (a list set aside, split folders) go on with the results.
            dropNotes: [...summary.notes.map((n) => `Model: ${n}`), ...(data.kind === 'class-folders' ? data.notes.map((n) => `Data: ${n}`) : [])],
          };
        });
      },

      backToStart() {
        generation++;
        controller?.abort();
        set({ status: 'idle', stageDetail: '', progress: null });
      },

      async rerun(opts = {}) {
        await (lastRun ?? ((o: RunOptions) => get().runDemo(o)))(opts);
      },

      cancel() {
        controller?.abort();
        // Outside the embedding stage there is nothing to wait for: drop the run now.
        const { status, embedding, backend } = get();
        if (status === 'loading' || status === 'backend' || status === 'scoring') {
          generation++;
          // While scoring, `embedding` is this run's (set before scoring starts); a precomputed run has no backend and embedded nothing.
          set({ status: 'cancelled', stageDetail: cancelledOutsideEmbedding(status, status === 'scoring' && embedding && backend ? embedding.n - embedding.failed.length : null) });
        }
      },

      dismissError(index) {
        set((s) => ({ errors: s.errors.filter((_, k) => k !== index) }));
      },
      dismissNote(index) {
        set((s) => ({ notes: s.notes.filter((_, k) => k !== index) }));
      },
    };
  };
}

/** What a run needs before embedding: the images, the model and (optionally) edited preprocessing. */
interface Prepared {
  dataset: Dataset;
  model: ModelInfo;
  /** The model to run, or embeddings the user dropped (nothing is embedded then), or a scores table (nothing is embedded or scored). */
  source: ModelSource | { kind: 'precomputed'; embedding: EmbedResult } | ScoresSource;
  /** A scores table's row names (null for other runs). */
  table?: ScoresTableView;
  /** A scores table's skipped rows: shown as errors from the start. */
  rowErrors?: string[];
  /** A scores table's notes (assumptions made, repeated pairs): shown as notes from the start. */
  warnings?: string[];
  /** What the drops said that still holds for the results (a model shard used under another name, a list set aside): kept as notes of the run. */
  dropNotes?: string[];
  preprocessing?: Preprocessing;
  /** Known model hash (the embedding cache key); absent: computed by the pipeline. */
  modelHash?: string;
  /** Revokes the blob: URLs made for this dataset, when another dataset replaces it. */
  release?: () => void;
}

/** The images of an embedding request: URLs, the dropped files themselves (read directly by the decoders) and their paths for messages. */
function imageRequest(dataset: Dataset): { imageUrls: string[]; imageFiles?: (Blob | undefined)[]; imageNames: string[] } {
  const files = dataset.images.map((im) => im.file);
  // A dropped file is read directly: its entry in imageUrls is only a name (no blob: URL is made for it).
  return { imageUrls: dataset.images.map((im) => (im.file ? im.path : im.url)), imageFiles: files.some(Boolean) ? files : undefined, imageNames: dataset.images.map((im) => im.path) };
}

type ScoresSource = Awaited<ReturnType<typeof scoresRun>>['source'];
