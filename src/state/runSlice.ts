import type { StateCreator } from 'zustand';
import type { AppState, RunSlice, Services } from './types';
import { demoDataset } from './demoDataset';
import { EmbedCancelled } from '../workers/embed.client';

export const DEMO_MODEL_PATH = 'models/fmnist-triplet/model.json';
export const BATCH_SIZE = 64;

/**
 * The demo run: manifest → embeddings (worker) → evaluation (worker).
 * Each run carries a generation; a result from an older run is dropped
 * (latest request wins), and the last good curve stays until a new one lands.
 */
export function createRunSlice(services: Services): StateCreator<AppState, [], [], RunSlice> {
  let generation = 0;
  let controller: AbortController | null = null;

  return (set, get) => ({
    status: 'idle',
    stageDetail: '',
    progress: null,
    backend: null,
    errors: [],
    dataset: null,
    model: null,
    embedding: null,
    timings: null,

    async runDemo(opts = {}) {
      const gen = ++generation;
      controller?.abort();
      controller = new AbortController();
      const live = () => gen === generation;
      const t0 = services.now();
      set({ status: 'loading', stageDetail: 'Reading the demo manifest', errors: [], progress: null, selectedIdx: null, flags: [], counterfactual: null });
      try {
        const demoBase = new URL('demo/', services.baseUrl).href;
        const manifestName = opts.variant === 'noisy' ? 'manifest-noisy.json' : 'manifest.json';
        const dataset = demoDataset(await services.fetchJson(new URL(manifestName, demoBase).href), demoBase, opts.limit);
        const modelUrl = new URL(DEMO_MODEL_PATH, services.baseUrl).href;
        if (!live()) return;
        set({ dataset, model: { name: 'fmnist-triplet (demo)', url: modelUrl }, status: 'backend', stageDetail: 'Testing backends' });
        const embedding = await services.embedder.embed(
          { model: { kind: 'url', url: modelUrl }, imageUrls: dataset.images.map((im) => im.url), backend: opts.backend, batchSize: BATCH_SIZE },
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
        const failed = embedding.failed.map(
          (f) => `${dataset.images[f.index]?.path ?? f.url}: skipped — ${f.reason}. Its ${(embedding.n - 1).toLocaleString('en-US')} pairs are left out of the curve (counted as excluded).`,
        );
        set({ embedding, backend: embedding.backend, status: 'scoring', stageDetail: 'Scoring every pair and computing the exact curve', errors: failed });
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
          set({ status: 'cancelled', stageDetail: `Cancelled after ${e.done.toLocaleString('en-US')} of ${e.total.toLocaleString('en-US')} images` });
        }
        else set((s) => ({ status: 'error', stageDetail: '', errors: [...s.errors, (e as Error).message] }));
      }
    },

    cancel() {
      controller?.abort();
      // Outside the embedding stage there is nothing to wait for: drop the run now.
      const { status } = get();
      if (status === 'loading' || status === 'backend' || status === 'scoring') {
        generation++;
        set({ status: 'cancelled', stageDetail: 'Cancelled' });
      }
    },

    dismissError(index) {
      set((s) => ({ errors: s.errors.filter((_, k) => k !== index) }));
    },
  });
}
