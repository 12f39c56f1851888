import type { BackendName, BackendTrial } from './backendTypes';

/**
 * Chooses among tried backends: a forced backend always wins when it passed
 * (or even when it failed — the user asked for it; the failure is shown);
 * otherwise the fastest *measured* backend that passed the self-test (B4).
 * Returns null when nothing passed.
 */
export function pickBackend(trials: readonly BackendTrial[], forced?: BackendName): BackendName | null {
  if (forced) return trials.some((t) => t.name === forced && t.status !== 'skipped') ? forced : null;
  let best: BackendTrial | null = null;
  for (const t of trials) {
    if (t.status !== 'ok') continue;
    if (!best || (t.imagesPerSecond ?? 0) > (best.imagesPerSecond ?? 0)) best = t;
  }
  return best ? best.name : null;
}

/** Order in which backends are tried when none is forced. CPU only as the last resort. */
export const AUTO_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm'];
