/**
 * Per-image facts about the embeddings that several tags need: norms,
 * near-zero embeddings and groups of bit-identical embeddings.
 */

/** Per-image embedding statistics (index = image). */
export interface EmbeddingStats {
  /** ‖e‖ of each image, float64. */
  norms: Float64Array;
  /** Median ‖e‖ over the images with a finite norm (0 when there are none). */
  medianNorm: number;
  /** Median ‖e‖² (the scale of `nearDuplicateRelSqDist`). */
  medianSqNorm: number;
  /** 1 where ‖e‖ ≤ zeroNormRatio × medianNorm (an all-zero embedding always). */
  nearZero: Uint8Array;
  /** Images with nearZero = 1. */
  nearZeroCount: number;
  /** Size of the group of images whose embedding is identical to this one's (1 = unique; NaN rows are unique). */
  identicalGroupSize: Uint32Array;
  /** Images whose embedding is identical to at least one other image's. */
  identicalCount: number;
  /** Size of the largest group of identical embeddings (1 when all differ; 0 when n = 0). */
  largestIdenticalGroup: number;
}

/**
 * Statistics of `n` embeddings of dimension `dim` (row-major `emb`).
 * "Identical" means every component equal (−0 equals +0), i.e. squared
 * distance exactly 0. O(n·dim + n log n): rows are hashed, then rows with equal
 * hashes are compared component by component.
 *
 * Contract: `emb.length === n * dim`; `zeroNormRatio` ≥ 0.
 */
export function embeddingStats(emb: Float32Array, n: number, dim: number, zeroNormRatio: number): EmbeddingStats {
  if (emb.length !== n * dim) throw new Error(`embeddingStats: embedding length ${emb.length} ≠ n·dim = ${n}·${dim}`);
  const norms = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = i * dim; k < (i + 1) * dim; k++) s += emb[k] * emb[k];
    norms[i] = Math.sqrt(s);
  }
  const medianNorm = median(norms);
  const sq = norms.map((v) => v * v);
  const medianSqNorm = median(sq);
  const nearZero = new Uint8Array(n);
  let nearZeroCount = 0;
  for (let i = 0; i < n; i++) {
    if (norms[i] === 0 || norms[i] <= zeroNormRatio * medianNorm) {
      nearZero[i] = 1;
      nearZeroCount++;
    }
  }
  const identicalGroupSize = identicalGroups(emb, n, dim);
  let identicalCount = 0;
  let largestIdenticalGroup = n > 0 ? 1 : 0;
  for (let i = 0; i < n; i++) {
    if (identicalGroupSize[i] > 1) identicalCount++;
    if (identicalGroupSize[i] > largestIdenticalGroup) largestIdenticalGroup = identicalGroupSize[i];
  }
  return { norms, medianNorm, medianSqNorm, nearZero, nearZeroCount, identicalGroupSize, identicalCount, largestIdenticalGroup };
}

/** ‖e(i) − e(j)‖², accumulated in float64 (exactly 0 iff the rows are identical, barring underflow). */
export function squaredDistance(emb: Float32Array, dim: number, i: number, j: number): number {
  let acc = 0;
  const a = i * dim;
  const b = j * dim;
  for (let k = 0; k < dim; k++) {
    const diff = emb[a + k] - emb[b + k];
    acc += diff * diff;
  }
  return acc;
}

/** True when rows i and j are equal component by component (−0 = +0, NaN ≠ NaN). */
export function identicalRows(emb: Float32Array, dim: number, i: number, j: number): boolean {
  const a = i * dim;
  const b = j * dim;
  for (let k = 0; k < dim; k++) if (emb[a + k] !== emb[b + k]) return false;
  return true;
}

/** Median of the finite values (mean of the two middle ones for an even count); 0 when none. */
function median(values: Float64Array): number {
  const finite = values.filter((v) => Number.isFinite(v)).sort();
  const m = finite.length;
  if (m === 0) return 0;
  return m % 2 === 1 ? finite[(m - 1) / 2] : (finite[m / 2 - 1] + finite[m / 2]) / 2;
}

/** For each row, the number of rows identical to it (itself included). */
function identicalGroups(emb: Float32Array, n: number, dim: number): Uint32Array {
  const hash = new Uint32Array(n);
  const f = new Float32Array(1);
  const bits = new Uint32Array(f.buffer);
  for (let i = 0; i < n; i++) {
    let h = 0x811c9dc5; // FNV-1a over the 32-bit patterns, −0 folded onto +0
    for (let k = i * dim; k < (i + 1) * dim; k++) {
      f[0] = emb[k] === 0 ? 0 : emb[k];
      h = Math.imul(h ^ bits[0], 0x01000193);
    }
    hash[i] = h >>> 0;
  }
  const byHash = Uint32Array.from({ length: n }, (_, i) => i).sort((a, b) => hash[a] - hash[b] || a - b);
  const size = new Uint32Array(n).fill(1);
  const group = new Int32Array(n); // representative of each row's group
  for (let s = 0; s < n; ) {
    let e = s + 1;
    while (e < n && hash[byHash[e]] === hash[byHash[s]]) e++;
    if (e - s > 1) {
      const reps: number[] = [];
      for (let t = s; t < e; t++) {
        const i = byHash[t];
        const rep = reps.find((r) => identicalRows(emb, dim, r, i));
        if (rep === undefined) {
          reps.push(i);
          group[i] = i;
        } else {
          group[i] = rep;
          size[rep]++;
        }
      }
      for (let t = s; t < e; t++) size[byHash[t]] = size[group[byHash[t]]];
    }
    s = e;
  }
  return size;
}
