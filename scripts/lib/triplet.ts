/**
 * Triplet loss with semi-hard negative mining (FaceNet; same rule as
 * tfa.losses.TripletSemiHardLoss), in two equivalent forms:
 *  - tripletSemiHardLoss: all in tfjs ops ([B, B, B] tensors). Reference;
 *    ~0.9 s per step of 130 on wasm, too slow to train with.
 *  - tripletSemiHardLossMined: the mining runs on the host on the distance
 *    values; the loss is then the linear form Σ W⊙D + const of the pairwise
 *    distance matrix D, which has the same value and gradient (~5 ms).
 * Only ops with gradients on the wasm backend are used (no gather, whose
 * gradient needs UnsortedSegmentSum, and no `greater`).
 *
 * Distances are SQUARED Euclidean distances between the embeddings, matching
 * the score the app uses (negative squared L2).
 */
import * as tf from '@tensorflow/tfjs';
import { mulberry32 } from '../../src/io/seededRandom';


function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * P×K batch sampler: each batch holds K images from each of P classes.
 * Per class it walks a seeded shuffled permutation, reshuffling when spent,
 * so every training image is used about equally often.
 */
export class PKSampler {
  private readonly pools: number[][];
  private readonly cursors: number[];
  private readonly rand: () => number;

  constructor(labels: ArrayLike<number>, numClasses: number, readonly P: number, readonly K: number, seed: number) {
    this.rand = mulberry32(seed);
    this.pools = Array.from({ length: numClasses }, () => [] as number[]);
    for (let i = 0; i < labels.length; i++) this.pools[labels[i]].push(i);
    this.pools.forEach((pool) => shuffle(pool, this.rand));
    this.cursors = this.pools.map(() => 0);
    if (P > numClasses) throw new Error(`P=${P} > ${numClasses} classes`);
  }

  /** Returns P·K sample indices, grouped by class, and their labels. */
  next(): { indices: number[]; labels: number[] } {
    const classes = shuffle(this.pools.map((_, c) => c), this.rand).slice(0, this.P);
    const indices: number[] = [];
    const labels: number[] = [];
    for (const c of classes) {
      const pool = this.pools[c];
      for (let k = 0; k < this.K; k++) {
        if (this.cursors[c] >= pool.length) {
          shuffle(pool, this.rand);
          this.cursors[c] = 0;
        }
        indices.push(pool[this.cursors[c]++]);
        labels.push(c);
      }
    }
    return { indices, labels };
  }
}

/** Pairwise squared Euclidean distances, [B, D] → [B, B], clipped at 0. */
export function pairwiseSquaredDistances(e: tf.Tensor2D): tf.Tensor2D {
  const sq = tf.sum(tf.square(e), 1, true); // [B, 1]
  const dot = tf.matMul(e, e, false, true); // [B, B]
  return tf.relu(tf.sub(tf.add(sq, tf.transpose(sq)), tf.mul(2, dot))) as tf.Tensor2D;
}

/** Constant label masks for a batch: same-class pairs (i≠j) and different-class pairs. */
export function labelMasks(labels: number[]): { positive: tf.Tensor2D; negative: tf.Tensor2D } {
  const B = labels.length;
  const pos = new Float32Array(B * B);
  const neg = new Float32Array(B * B);
  for (let i = 0; i < B; i++) {
    for (let j = 0; j < B; j++) {
      if (labels[i] === labels[j]) pos[i * B + j] = i === j ? 0 : 1;
      else neg[i * B + j] = 1;
    }
  }
  return { positive: tf.tensor2d(pos, [B, B]), negative: tf.tensor2d(neg, [B, B]) };
}

/**
 * Semi-hard triplet loss. For every anchor-positive pair (a, p) the negative is
 * the closest negative n with d(a,n) > d(a,p) (semi-hard); if there is none,
 * the farthest negative of a. loss = mean over all (a, p) of max(d_ap − d_an + margin, 0).
 * `positive` / `negative` come from labelMasks (float 0/1, [B, B]).
 */
export function tripletSemiHardLoss(
  embeddings: tf.Tensor2D,
  positive: tf.Tensor2D,
  negative: tf.Tensor2D,
  margin: number,
): tf.Scalar {
  const B = embeddings.shape[0];
  const big = 1e6;
  const d = pairwiseSquaredDistances(embeddings); // d[a, x]
  const dAP = tf.reshape(d, [B, B, 1]); // [a, p, 1]
  const dAN = tf.reshape(d, [B, 1, B]); // [a, 1, n]
  const negMask = tf.reshape(negative, [B, 1, B]);
  // step(x) is 1 for x > 0 else 0 and, unlike `greater`, has a (zero) gradient.
  const semiHardMask = tf.mul(tf.step(tf.sub(dAN, dAP)), negMask); // [a, p, n]
  const hasSemiHard = tf.max(semiHardMask, 2); // [a, p]
  // Closest semi-hard negative: min over n of d(a,n), non-candidates pushed up by `big`.
  const semiHard = tf.min(tf.add(dAN, tf.mul(tf.sub(1, semiHardMask), big)), 2); // [a, p]
  // Farthest negative of a (fallback): max over n, non-negatives pushed down.
  const farthest = tf.max(tf.sub(d, tf.mul(tf.sub(1, negative), big)), 1, true); // [a, 1]
  const dNeg = tf.add(tf.mul(hasSemiHard, semiHard), tf.mul(tf.sub(1, hasSemiHard), farthest));
  const hinge = tf.relu(tf.add(tf.sub(d, dNeg), margin)); // [a, p]
  return tf.div(tf.sum(tf.mul(hinge, positive)), tf.sum(positive)) as tf.Scalar;
}

/**
 * Host-side semi-hard mining on a row-major [B, B] squared-distance matrix.
 * Returns W with loss = Σ W⊙D + constant, i.e. for every anchor-positive pair
 * (a, p) whose hinge is active W[a,p] += 1/N and W[a,n*] −= 1/N (N = number of
 * anchor-positive pairs), plus the loss value and the share of active pairs.
 */
export function mineSemiHard(
  d: ArrayLike<number>,
  labels: number[],
  margin: number,
): { weights: Float32Array; constant: number; loss: number; activeShare: number } {
  const B = labels.length;
  const w = new Float64Array(B * B);
  let pairs = 0;
  let active = 0;
  let loss = 0;
  for (let a = 0; a < B; a++) {
    for (let p = 0; p < B; p++) {
      if (p === a || labels[p] !== labels[a]) continue;
      pairs++;
      const dap = d[a * B + p];
      let semiHard = Infinity; // closest negative farther than the positive
      let farthest = -Infinity; // fallback
      let iSemi = -1;
      let iFar = -1;
      for (let n = 0; n < B; n++) {
        if (labels[n] === labels[a]) continue;
        const dan = d[a * B + n];
        if (dan > dap && dan < semiHard) { semiHard = dan; iSemi = n; }
        if (dan > farthest) { farthest = dan; iFar = n; }
      }
      const n = iSemi >= 0 ? iSemi : iFar;
      if (n < 0) continue; // no negative in the batch
      const hinge = dap - d[a * B + n] + margin;
      if (hinge > 0) {
        active++;
        loss += hinge;
        w[a * B + p] += 1;
        w[a * B + n] -= 1;
      }
    }
  }
  if (pairs === 0) throw new Error('batch has no anchor-positive pairs');
  return {
    weights: Float32Array.from(w, (v) => v / pairs),
    constant: (margin * active) / pairs,
    loss: loss / pairs,
    activeShare: active / pairs,
  };
}

/**
 * Semi-hard triplet loss, fast form: reads the distances (dataSync), mines on
 * the host, returns Σ W⊙D + const. Same value and gradient as tripletSemiHardLoss.
 */
export function tripletSemiHardLossMined(embeddings: tf.Tensor2D, labels: number[], margin: number): tf.Scalar {
  const B = labels.length;
  const d = pairwiseSquaredDistances(embeddings);
  const { weights, constant } = mineSemiHard(d.dataSync(), labels, margin);
  return tf.add(tf.sum(tf.mul(d, tf.tensor2d(weights, [B, B]))), constant) as tf.Scalar;
}

/** Value and max |gradient difference| of the two loss forms on one batch of embeddings. */
export function compareLossForms(embeddings: tf.Tensor2D, labels: number[], margin: number): { reference: number; mined: number; maxGradDiff: number } {
  return tf.tidy(() => {
    const { positive, negative } = labelMasks(labels);
    const ref = tf.valueAndGrad((e: tf.Tensor) => tripletSemiHardLoss(e as tf.Tensor2D, positive, negative, margin))(embeddings);
    const fast = tf.valueAndGrad((e: tf.Tensor) => tripletSemiHardLossMined(e as tf.Tensor2D, labels, margin))(embeddings);
    return {
      reference: ref.value.dataSync()[0],
      mined: fast.value.dataSync()[0],
      maxGradDiff: tf.max(tf.abs(tf.sub(ref.grad, fast.grad))).dataSync()[0],
    };
  });
}
