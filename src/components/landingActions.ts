import type { AppState } from '../state/types';

/**
 * Which start-page button is the primary one: "Run the demo" until the user
 * drops a model or data (even one still reading or refused), then "Draw the
 * curve for my data" — the demo is no longer what they came for.
 */
export function primaryAction(s: Pick<AppState, 'modelDrop' | 'dataDrop'>): 'demo' | 'user' {
  return s.modelDrop || s.dataDrop ? 'user' : 'demo';
}

/** Whether to bring the run button into view: only when the drops become ready (not when the page opens with them ready, e.g. back from a run). */
export function shouldRevealRun(wasReady: boolean, ready: boolean): boolean {
  return ready && !wasReady;
}

/** What the start page knows about the two drops, for the line next to the run button. */
export interface RunReadiness {
  scoresReady: boolean;
  embeddingsReady: boolean;
  /** The chosen output cannot be an embedding. */
  outputProblem: boolean;
  /** The model takes any input size and none was set or confirmed yet. */
  sizeToConfirm?: boolean;
  modelReady: boolean;
  /** A model was dropped (it may still be reading, or refused). */
  modelDropped: boolean;
  dataReady: boolean;
  /** Validation data was dropped (it may still be reading, or refused). */
  dataDropped: boolean;
}

/**
 * The line next to the run button: what the run will do, or the one thing
 * missing. A drop that was refused (or holds nothing to evaluate) is pointed
 * at rather than asked for again ("Now drop the validation images" right
 * after a refused drop reads as if it had been ignored).
 */
export function runHint(r: RunReadiness): string {
  if (r.scoresReady) return 'Draws the exact curve of the dropped scores table (no model needed).';
  if (r.embeddingsReady) return 'Scores every pair of the dropped embeddings (no model needed).';
  if (r.outputProblem) return 'Pick an output that is an embedding ([batch, D]) in the model panel.';
  if (r.dataDropped && !r.dataReady) return 'The validation drop holds nothing to evaluate yet: see its message above.';
  if (!r.modelReady) return r.modelDropped ? 'The model cannot run yet: see its message above.' : 'Drop a model first (or precomputed embeddings, or a scores table).';
  if (!r.dataReady) return 'Now drop the validation images.';
  if (r.sizeToConfirm) return 'Your model takes images of any size: set the size it was trained with in the preprocessing panel (or confirm the one shown).';
  return 'Embeds the images in your browser, then scores the pairs: every pair of the class folders, or the pairs of the list.';
}
