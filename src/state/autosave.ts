import type { AppStore } from './store';
import type { AppState } from './types';
import { sessionText } from './exports';
import { fingerprint } from '../base/fingerprint';

/** Content fingerprints, once per run's embedding (or a scores table's evaluation): the key is asked for on every store change. */
const fingerprints = new WeakMap<object, string>();

/**
 * Where the view of one dataset is kept: its name, its image count and a
 * fingerprint of its content — paths and the files' SHA-256 hashes (images),
 * the embeddings (dropped .npy), or the scores, labels and item pairs (a
 * table) — so a folder of the same name and size with other pictures never
 * gets the flags set on another (they would exclude images nobody looked at);
 * and of the model and preprocessing that embedded it, so another model's run
 * opens clean.
 */
export function autosaveKey(s: Pick<AppState, 'dataset' | 'embedding' | 'evaluation' | 'model'>): string | null {
  if (!s.dataset) return null;
  const source = s.embedding ?? s.evaluation;
  if (!source) return null;
  let print = fingerprints.get(source);
  if (print === undefined) {
    if (s.embedding) {
      const paths = s.dataset.images.map((im) => im.path);
      const hashes = s.embedding.contentHashes;
      print = fingerprint(hashes.some(Boolean) ? [...paths, ...hashes] : [...paths, s.embedding.embeddings]);
    } else {
      // A scores table: its scores, labels and which rows share an item name (its millions of names are not hashed one by one).
      const ev = s.evaluation!;
      print = fingerprint([ev.scores, ev.labels, ...(ev.pairA && ev.pairB ? [ev.pairA, ev.pairB] : [])]);
    }
    fingerprints.set(source, print);
  }
  // The model too: another model's threshold, zoom and flags mean nothing on this curve ("drop the same model and data to restore").
  const model = s.model?.key ? `:${fingerprint([s.model.key, JSON.stringify(s.embedding?.preprocessing ?? null)])}` : '';
  return `dipscope:view:${s.dataset.name}:${s.dataset.images.length}:${print}${model}`;
}

/** Where the last session on the user's own data (not the demo) is named for the start page. */
export const LAST_SESSION_KEY = 'dipscope:last-session';

/** The start page's reminder of the last session on the user's own data. */
export interface LastSession {
  data: string;
  model: string;
  flags: number;
}

/** The run's model is the user's (a dropped model, embeddings or a table) — the demo's model has a URL. */
function isOwnData(s: AppState): boolean {
  return !!s.dataset && !!s.model && s.model.url === '';
}

function recordLast(s: AppState, storage: Pick<Storage, 'setItem'>): void {
  if (!isOwnData(s)) return;
  const last: LastSession = { data: s.dataset!.name, model: s.model!.name, flags: s.flags.length };
  try {
    storage.setItem(LAST_SESSION_KEY, JSON.stringify(last));
  } catch {
    // As for the view: only the reminder is lost.
  }
}

/** The last session on the user's own data, or null (none, or unreadable). */
export function readLastSession(storage: Pick<Storage, 'getItem'>): LastSession | null {
  try {
    const v = JSON.parse(storage.getItem(LAST_SESSION_KEY) ?? 'null') as Partial<LastSession> | null;
    if (!v || typeof v.data !== 'string' || typeof v.model !== 'string' || typeof v.flags !== 'number') return null;
    return { data: v.data, model: v.model, flags: v.flags };
  } catch {
    return null;
  }
}

/** What the start page says about it: the restore happens when the same model and data are dropped and run again. */
export function lastSessionNote(last: LastSession): string {
  const flags = `${last.flags.toLocaleString('en-US')} flag${last.flags === 1 ? '' : 's'}`;
  // Embeddings and scores tables run without a model ("none (scores table)"): name what was dropped instead.
  const noModel = /^none \((.*)\)$/.exec(last.model);
  return noModel
    ? `Your last session: ${last.data} (${noModel[1]}, ${flags}) — drop the same data to restore the flags and view`
    : `Your last session: ${last.data} with ${last.model} (${flags}) — drop the same model and data to restore the flags and view`;
}

/**
 * Nothing lost on reload: the view of the current dataset (flags, metric, axis,
 * filter, selected threshold — the session format, by path) is saved to
 * `storage` whenever it changes, and applied again when the same dataset
 * finishes evaluating after a reload. A run on the user's own data is also
 * named under LAST_SESSION_KEY, for the start page after a reload. Returns the
 * unsubscribe function.
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
        void s.importSession(saved, { restore: true }).finally(() => {
          restoring = false;
          recordLast(store.getState(), storage);
        });
      } else recordLast(s, storage);
      return;
    }
    if (restoring || s.status !== 'ready') return;
    const changed =
      s.flags !== prev.flags || s.metric !== prev.metric || s.axis !== prev.axis || s.filter !== prev.filter || s.selectedIdx !== prev.selectedIdx;
    if (!changed) return;
    try {
      storage.setItem(key, sessionText(s));
      recordLast(s, storage);
    } catch {
      // A full or unavailable storage only costs the autosave; the app keeps working.
    }
  });
}
