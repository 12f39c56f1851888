import * as tf from '@tensorflow/tfjs';

/**
 * A tiny known computation every backend must get right (case B2: one backend was
 * reported to return zeros for `zeros + 1/255`). Returns null when it passes,
 * otherwise a sentence that says what was wrong.
 */
export async function arithmeticSelfTest(): Promise<string | null> {
  const got = tf.tidy(() => {
    const a = tf.tensor2d([1, 2, 3, 4, 5, 6], [2, 3]);
    const b = tf.tensor2d([0.5, -1, 2, 0.25, -3, 1], [3, 2]);
    const small = tf.add(tf.zeros([2, 2]), 1 / 255);
    return tf.add(tf.matMul(a, b), small);
  });
  try {
    const values = await got.data();
    // [[1,2,3],[4,5,6]] · [[0.5,-1],[2,0.25],[-3,1]] = [[-4.5, 2.5], [-6, 3.25]]
    const expected = [-4.5, 2.5, -6, 3.25].map((v) => v + 1 / 255);
    for (let i = 0; i < expected.length; i++) {
      if (!(Math.abs(values[i] - expected[i]) < 1e-4)) {
        return `matMul + 1/255 gave ${Array.from(values).map((v) => v.toFixed(4)).join(', ')}, expected ${expected.map((v) => v.toFixed(4)).join(', ')}`;
      }
    }
    return null;
  } finally {
    got.dispose();
  }
}

/** Largest absolute difference between two equally long vectors (Infinity on length mismatch or NaN). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i] - b[i]);
    if (!(d <= m)) m = d; // NaN propagates as "not <=" → m = NaN
  }
  return Number.isNaN(m) ? Infinity : m;
}

/** True when every value is (nearly) zero: such embeddings are never plotted (B2). */
export function isAllZero(v: ArrayLike<number>, eps = 1e-12): boolean {
  for (let i = 0; i < v.length; i++) if (Math.abs(v[i]) > eps) return false;
  return true;
}
