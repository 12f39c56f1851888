import type { StateCreator } from 'zustand';
import type { AppState, DiagnosticsSlice, Services } from './types';
import { sameFlag } from '../diagnostics/flags';
import { readSession, indexOfThreshold } from './exports';
import { planSessionOpen } from './sessionOpen';
import { classIdsOf } from './derived';

/**
 * Flags and the counterfactual curve. The counterfactual is derived from the
 * current evaluation + flags in the metrics worker; a newer request wins.
 */
export function createDiagnosticsSlice(services: Services): StateCreator<AppState, [], [], DiagnosticsSlice> {
  let generation = 0;
  return (set, get) => ({
    flags: [],
    counterfactual: null,
    addFlag(flag) {
      if (get().flags.some((f) => sameFlag(f, flag))) return;
      set((s) => ({ flags: [...s.flags, flag] }));
      void get().replay();
    },
    addFlags(flags) {
      const added: typeof flags = [];
      for (const f of flags) if (!get().flags.some((g) => sameFlag(g, f)) && !added.some((g) => sameFlag(g, f))) added.push(f);
      if (added.length === 0) return;
      set((s) => ({ flags: [...s.flags, ...added] }));
      void get().replay();
    },
    removeFlag(index) {
      set((s) => ({ flags: s.flags.filter((_, k) => k !== index) }));
      void get().replay();
    },
    clearFlags() {
      generation++;
      set({ flags: [], counterfactual: null });
    },
    async importSession(text, opts = {}) {
      let read: ReturnType<typeof readSession>;
      try {
        read = readSession(get(), text);
      } catch (e) {
        set((s) => ({ errors: [...s.errors, `Session file not imported: ${(e as Error).message}`] }));
        return;
      }
      const plan = planSessionOpen({ ...read, resolved: read.flags, current: get().flags, restore: !!opts.restore });
      if (plan.refused !== null) {
        set((s) => ({ errors: [...s.errors, plan.refused] }));
        return;
      }
      const { settings } = read.session;
      set((s) => ({ flags: plan.flags, axis: settings.recallAxis, zoom: settings.zoom, filter: settings.filter, notes: [...s.notes, ...plan.notes] }));
      if (settings.metric !== get().metric) await get().setMetric(settings.metric);
      else await get().replay();
      get().select(indexOfThreshold(get(), settings.threshold));
    },
    async replay() {
      const gen = ++generation;
      const { flags, evaluation, dataset } = get();
      if (flags.length === 0 || !evaluation || !dataset) {
        set({ counterfactual: null });
        return;
      }
      try {
        const result = await services.evaluator.counterfactual({
          n: evaluation.n,
          scores: evaluation.scores,
          labels: evaluation.labels,
          pairA: evaluation.pairA,
          pairB: evaluation.pairB,
          scoresTable: !!evaluation.scoresFrom,
          classes: classIdsOf(dataset),
          classCount: dataset.classes.length,
          flags,
        });
        if (gen === generation) set({ counterfactual: result });
      } catch (e) {
        if (gen === generation) set((s) => ({ counterfactual: null, errors: [...s.errors, `Replaying the curve without the flagged items failed: ${(e as Error).message}`] }));
      }
    },
  });
}
