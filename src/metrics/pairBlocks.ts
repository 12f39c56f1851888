import { assert } from '../base/assert';
import { fillPairRows, pairCount, rowNorms, rowStart, type ClassIds, type PairMetric } from './pairs';

/** One block of `pairScoresBlocked`: every pair (i, j), j > i, of rows rowStart ≤ i < rowEnd. */
export interface PairBlock {
  rowStart: number;
  rowEnd: number;
  /** row-major pair index of the block's first pair: `pairIndex(rowStart, rowStart + 1, n)` */
  firstPair: number;
  /** the block's scores, in pair order; a view on a buffer that the next block overwrites */
  scores: Float32Array;
  /** 1 = same class, when `classes` was given (same lifetime as `scores`), else null */
  labels: Uint8Array | null;
}

/** Default block budget: 2^22 pairs = 16 MiB of scores (+ 4 MiB of labels). */
export const DEFAULT_BLOCK_PAIRS = 2 ** 22;

/**
 * All-pair scores of `n` embeddings (n × d, row-major), produced block by
 * block in row-major pair order instead of as one array. Each block holds
 * whole rows (≥ 1 row, ≤ `maxBlockPairs` pairs unless one row alone is
 * longer), so its pairs are a contiguous run of the pair index space.
 *
 * Memory: one reused buffer of `maxBlockPairs` float32 (+ uint8 labels) and
 * n row norms — 20 MiB by default, independent of n — never an n × n matrix
 * or an object per pair. Consume each block before asking for the next (copy
 * it to keep it). For 10,000 embeddings (49,995,000 pairs) that is ~12 blocks.
 * Compose with `prCurveChunked` (memory ∝ distinct scores) or
 * `topPairsInRange(..., { indexOffset: block.firstPair })` + `mergeTopPairs`.
 *
 * Contract: as `pairScores` (finite or NaN scores, bit-identical to it);
 * `classes.length === n` when given. Reference: `pairScores`, i.e.
 * `-euclidean_distances(X, squared=True)` / `cosine_similarity(X)` at
 * `np.triu_indices(n, 1)`, sliced by rows.
 */
export function* pairScoresBlocked(
  emb: Float32Array,
  n: number,
  d: number,
  metric: PairMetric,
  options: { classes?: ClassIds; maxBlockPairs?: number } = {},
): Generator<PairBlock, void, undefined> {
  assert(Number.isInteger(n) && n >= 0 && Number.isInteger(d) && d >= 0, `pairScoresBlocked: bad shape n = ${n}, d = ${d}`);
  assert(emb.length === n * d, `pairScoresBlocked: embedding length ${emb.length} ≠ n·d = ${n * d}`);
  const classes = options.classes;
  assert(classes === undefined || classes.length === n, `pairScoresBlocked: ${n} items but ${classes?.length} class ids`);
  const budget = Math.max(options.maxBlockPairs ?? DEFAULT_BLOCK_PAIRS, n - 1, 1);
  const capacity = Math.min(budget, pairCount(n));
  const scoreBuf = new Float32Array(capacity);
  const labelBuf = classes ? new Uint8Array(capacity) : null;
  const norms = rowNorms(emb, n, d, metric);
  let r0 = 0;
  while (r0 < n - 1) {
    // Take whole rows while they fit: row i holds n − 1 − i pairs.
    let r1 = r0;
    let size = 0;
    while (r1 < n - 1 && size + (n - 1 - r1) <= capacity) size += n - 1 - r1++;
    const first = rowStart(r0, n);
    const scores = scoreBuf.subarray(0, size);
    fillPairRows(emb, n, d, metric, norms, r0, r1, scores, first);
    let labels: Uint8Array | null = null;
    if (classes && labelBuf) {
      labels = labelBuf.subarray(0, size);
      let k = 0;
      for (let i = r0; i < r1; i++) for (let j = i + 1; j < n; j++) labels[k++] = classes[j] === classes[i] ? 1 : 0;
    }
    yield { rowStart: r0, rowEnd: r1, firstPair: first, scores, labels };
    r0 = r1;
  }
}
