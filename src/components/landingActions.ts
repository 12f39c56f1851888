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
