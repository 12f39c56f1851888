import type { StateCreator } from 'zustand';
import type { AppState, CurveSlice, Services } from './types';

/** The evaluation is derived from the current embeddings and metric; recomputed, never patched. */
export function createCurveSlice(services: Services): StateCreator<AppState, [], [], CurveSlice> {
  let generation = 0;
  return (set, get) => ({
    evaluation: null,
    metric: 'neg-sq-l2',
    logRecall: false,
    setLogRecall: (on) => set({ logRecall: on }),
    async setMetric(metric) {
      const gen = ++generation;
      set({ metric });
      const { embedding, dataset } = get();
      if (!embedding || !dataset) return;
      const classes = Int32Array.from(dataset.images, (im) => im.label);
      const evaluation = await services.evaluator.evaluate({
        embeddings: embedding.embeddings,
        n: embedding.n,
        dim: embedding.dim,
        classes,
        metric,
      });
      if (gen === generation) set({ evaluation, selectedIdx: null });
    },
  });
}
