import type { StateCreator } from 'zustand';
import type { AppState, CurveSlice, Services } from './types';
import { indexAtRank } from './derived';
import { classIdsOf } from './derived';

/** The evaluation is derived from the current embeddings and metric; recomputed, never patched. */
export function createCurveSlice(services: Services): StateCreator<AppState, [], [], CurveSlice> {
  let generation = 0;
  return (set, get) => ({
    evaluation: null,
    metric: 'neg-sq-l2',
    axis: 'linear',
    zoom: null,
    setAxis: (axis) => set({ axis, zoom: null }),
    setZoom: (zoom) => set({ zoom }),
    async setMetric(metric) {
      const gen = ++generation;
      set({ metric });
      const { embedding, dataset, status } = get();
      if (!embedding || !dataset) return;
      // While a new metric is computed the old curve stays, labelled by its own metric, and the progress says so.
      if (status === 'ready') set({ status: 'scoring', stageDetail: `rescoring with ${metric === 'cosine' ? 'cosine similarity' : '−squared L2 distance'}` });
      const classes = classIdsOf(dataset);
      const evaluation = await services.evaluator.evaluate({
        embeddings: embedding.embeddings,
        n: embedding.n,
        dim: embedding.dim,
        classes,
        metric,
        // A pair list or a sample: only those pairs, with their own labels.
        pairs: dataset.pairs && { a: dataset.pairs.a, b: dataset.pairs.b, labels: dataset.pairs.labels },
      });
      if (gen !== generation) return;
      const prev = get().evaluation?.curve;
      const sel = get().selectedIdx;
      const selectedIdx = prev && sel !== null && sel < prev.thresholds.length ? indexAtRank(evaluation.curve, prev.tp[sel] + prev.fp[sel]) : null;
      set({ evaluation, selectedIdx });
      void get().replay();
      if (status === 'ready') set({ status: 'ready', stageDetail: '' });
    },
  });
}
