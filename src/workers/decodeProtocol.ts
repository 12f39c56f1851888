import type { PrepareJob, PreparedBatch } from '../model/prepareBatch';

/** To a decode worker: prepare one batch (read, hash, cache lookup, decode, preprocess). */
export interface DecodeIn {
  id: number;
  job: PrepareJob;
  /** Look cached embeddings up in IndexedDB (the same database the embedding worker writes). */
  useCache: boolean;
}

/** From a decode worker. */
export type DecodeOut = { id: number; ok: true; batch: PreparedBatch } | { id: number; ok: false; message: string };
