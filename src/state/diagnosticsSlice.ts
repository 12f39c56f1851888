import type { StateCreator } from 'zustand';
import type { AppState, DiagnosticsSlice, Services } from './types';
import type { Flag } from '../diagnostics/flags';
import { readSession, indexOfThreshold } from './exports';

/** Two flags mean the same thing (pairs in either order). */
function sameFlag(a: Flag, b: Flag): boolean {
  if (a.kind !== b.kind) return false;
  if ((a.kind === 'exclude-pair' || a.kind === 'label-error') && (b.kind === 'exclude-pair' || b.kind === 'label-error')) {
    return (a.i === b.i && a.j === b.j) || (a.i === b.j && a.j === b.i);
  }
  if (a.kind === 'exclude-image' && b.kind === 'exclude-image') return a.image === b.image;
  if (a.kind === 'relabel-image' && b.kind === 'relabel-image') return a.image === b.image && a.toClass === b.toClass;
  return false;
}

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
      // Restoring our own autosave: only flags that no longer match are worth a message.
      const notes = opts.restore ? read.notes.filter((n) => n.includes('flags[')) : read.notes;
      set((s) => ({ flags: read.flags, axis: read.axis, zoom: read.zoom, filter: read.filter, errors: [...s.errors, ...notes] }));
      if (read.metric !== get().metric) await get().setMetric(read.metric);
      else await get().replay();
      get().select(indexOfThreshold(get(), read.threshold));
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
          classes: Int32Array.from(dataset.images, (im) => im.label),
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
