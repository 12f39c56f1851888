import type { DataInspection } from '../io/dataDrop';
import type { EmbedResult } from '../model/embedPipeline';
import type { Dataset, ModelInfo } from './types';
import type { PairSampling } from './inputTypes';
import { withPairSample } from './userPairs';

type EmbeddingsDrop = Extract<DataInspection, { kind: 'embeddings' }>;

/**
 * A run over dropped embeddings (.npy + labels): no model, no images. Each
 * row becomes a dataset item named "row i" with a small SVG placeholder as
 * its picture (a data: URL, so nothing is fetched), and the embeddings go
 * straight to scoring through the same path as an embedded set; past the
 * pair limit the pairs are sampled like class folders'.
 */
export function precomputedRun(drop: EmbeddingsDrop, sampling: PairSampling): { dataset: Dataset; model: ModelInfo; source: { kind: 'precomputed'; embedding: EmbedResult } } {
  const { set } = drop;
  const images = Array.from(set.classIds, (label, i) => ({ path: `row ${i}`, label, url: placeholder(i, set.classes[label]) }));
  const embedding: EmbedResult = {
    embeddings: set.embeddings,
    dim: set.dim,
    n: set.n,
    backend: { chosen: 'cpu', forced: false, trials: [], note: 'precomputed embeddings: no model was run' },
    preprocessing: { width: 0, height: 0, channels: 3, normalization: 'raw', channelOrder: 'rgb' },
    failed: [],
    // No image bytes: no duplicate detection, and no blank-image check (pixel spread unknown).
    contentHashes: Array<string>(set.n).fill(''),
    pixelStd: new Float32Array(set.n).fill(NaN),
    seconds: { backend: 0, embed: 0 },
    fromCache: 0,
    warnings: drop.warnings,
  };
  // Past the all-pairs limit (40,000 rows are 800 M pairs), every positive pair plus a seeded sample of negatives, as for class folders.
  const dataset = withPairSample({ name: drop.name, classes: set.classes, images }, drop.counts, sampling);
  return { dataset, model: { name: 'none (precomputed embeddings)', url: '' }, source: { kind: 'precomputed', embedding } };
}

function placeholder(row: number, label: string): string {
  const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="96" height="96"><rect width="96" height="96" fill="#eef1f5"/><text x="48" y="44" font-size="13" text-anchor="middle" font-family="sans-serif">row ${row}</text><text x="48" y="64" font-size="11" text-anchor="middle" font-family="sans-serif" fill="#5d6877">${esc(label).slice(0, 40)}</text></svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}
