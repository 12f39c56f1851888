/// <reference lib="webworker" />
import type { DecodeIn, DecodeOut } from './decodeProtocol';
import { uniqueBuffers } from './protocol';
import { prepareBatch } from '../model/prepareBatch';
import { browserPrepareDeps } from '../model/browserPrepare';
import { idbEmbeddingCache } from '../io/embeddingCache';

const withCache = browserPrepareDeps(idbEmbeddingCache());
const withoutCache = browserPrepareDeps();

self.onmessage = async (ev: MessageEvent<DecodeIn>) => {
  const { id, job, useCache } = ev.data;
  let out: DecodeOut;
  try {
    const batch = await prepareBatch(job, useCache ? withCache : withoutCache);
    out = { id, ok: true, batch };
    (self as DedicatedWorkerGlobalScope).postMessage(out, uniqueBuffers([batch.input, batch.pixelStd]));
  } catch (e) {
    out = { id, ok: false, message: (e as Error).message ?? String(e) };
    (self as DedicatedWorkerGlobalScope).postMessage(out);
  }
};
