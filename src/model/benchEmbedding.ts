import { runEmbedding, type BatchPreparer, type EmbedRequest, type EmbedResult } from './embedPipeline';
import { fetchModelArtifacts } from './loadModel';
import { chooseBackend } from './chooseBackend';
import { probeWebGpu, probeWebGl } from './gpuProbe';
import { bareThroughput } from './bareThroughput';
import type { BackendName } from './backendTypes';

export interface EmbedBenchResult {
  backend: BackendName;
  images: number;
  /** The whole pipeline: fetch, decode, preprocess, predict, read back (no cache). */
  pipelineSeconds: number;
  /** The pipeline after its first batch (which also pays for warm-up and filling the stream; the bare loop's warm-up batch is not timed either), and the images in that time. */
  steadySeconds?: number;
  steadyImages: number;
  /** model.predict alone over a ready-made tensor, same backend, same batch size. */
  bareSeconds: number;
  /** Decode workers the pipeline used (0: prepared in the embedding worker itself). */
  decodeWorkers: number;
  /** The pipeline's time by stage (see EmbedResult.stages). */
  stages?: EmbedResult['stages'];
}

/** `npm run bench:embed`'s measurement, run inside the embedding worker. */
export async function benchEmbedding(req: EmbedRequest, preparer?: BatchPreparer): Promise<EmbedBenchResult> {
  const result = await runEmbedding(req, { onStage: () => {}, onProgress: () => {}, isCancelled: () => false, preparer });
  const loaded = req.model.kind === 'url' ? await fetchModelArtifacts(req.model.url) : req.model.loaded;
  const chosen = await chooseBackend({ loaded, reference: null, forced: result.backend.chosen, probes: { webgpu: probeWebGpu, webgl: probeWebGl } });
  try {
    const bare = await bareThroughput(chosen.model, req.preprocessing ?? chosen.preprocessing, result.n, req.batchSize);
    return {
      backend: result.backend.chosen,
      images: result.n,
      pipelineSeconds: result.seconds.embed,
      steadySeconds: result.seconds.afterFirstBatch,
      steadyImages: Math.max(0, result.n - req.batchSize),
      bareSeconds: bare.seconds,
      decodeWorkers: preparer?.workers ?? 0,
      stages: result.stages,
    };
  } finally {
    chosen.model.dispose();
  }
}
