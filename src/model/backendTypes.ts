export const BACKENDS = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(x: unknown): x is BackendName {
  return typeof x === 'string' && (BACKENDS as readonly string[]).includes(x);
}

/** What happened to one candidate backend during start-up. */
export interface BackendTrial {
  name: BackendName;
  /** 'ok': passed the self-test; 'skipped': not tried (reason says why); 'failed': tried and rejected. */
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  /** Measured images per second on a warm batch (only for 'ok'). */
  imagesPerSecond?: number;
  /** Largest |difference| to the stored reference embedding. */
  referenceError?: number;
}

export interface BackendReport {
  chosen: BackendName;
  forced: boolean;
  trials: BackendTrial[];
  /** e.g. the WebGPU adapter description */
  detail?: string;
  /** Something the user should know about the checks (e.g. no stored reference). */
  note?: string;
}
