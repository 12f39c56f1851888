import type { AppStore } from './store';
import type { AppState } from './types';
import { sessionText } from './exports';

/** Where the view of one dataset is kept: its name and image count. */
export function autosaveKey(s: Pick<AppState, 'dataset'>): string | null {
  return s.dataset ? `dipscope:view:${s.dataset.name}:${s.dataset.images.length}` : null;
}

/**
 * Nothing lost on reload: the view of the current dataset (flags, metric, axis,
 * filter, selected threshold — the session format, by path) is saved to
 * `storage` whenever it changes, and applied again when the same dataset
 * finishes evaluating after a reload. Returns the unsubscribe function.
 */
export function installAutosave(store: AppStore, storage: Pick<Storage, 'getItem' | 'setItem'>): () => void {
  let restoring = false;
  return store.subscribe((s, prev) => {
    const key = autosaveKey(s);
    if (!key || !s.evaluation) return;
    if (s.timings !== prev.timings && s.timings && s.status === 'ready') {
      // A run just finished (a metric switch does not set timings): bring back this dataset's view.
      const saved = storage.getItem(key);
      if (saved) {
        restoring = true;
        void s.importSession(saved, { restore: true }).finally(() => (restoring = false));
      }
      return;
    }
    if (restoring || s.status !== 'ready') return;
    const changed =
      s.flags !== prev.flags || s.metric !== prev.metric || s.axis !== prev.axis || s.filter !== prev.filter || s.selectedIdx !== prev.selectedIdx;
    if (!changed) return;
    try {
      storage.setItem(key, sessionText(s));
    } catch {
      // A full or unavailable storage only costs the autosave; the app keeps working.
    }
  });
}
