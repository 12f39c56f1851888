import type { ClassIds } from '../metrics/pairs';
import type { TopFalsePositives } from './topFalsePositives';

/** One unordered class pair and the top false positives it supplies. */
export interface ConfusedClassPair {
  /** The smaller class id. */
  classA: number;
  /** The larger class id (≠ classA: a false positive always spans two classes). */
  classB: number;
  count: number;
  /** count / number of top false positives. */
  share: number;
  /** Whether the share passes the confused-class-pair threshold. */
  confused: boolean;
}

/** Which class pairs the top false positives come from. */
export interface ClassConfusion {
  /** Number of classes (the side of `matrix`). */
  classCount: number;
  /** Symmetric classCount × classCount counts, row-major: matrix[a·C + b] = matrix[b·C + a] (the heat map). */
  matrix: Uint32Array;
  /** Class pairs with at least one top false positive, most first (ties: by classA, then classB). */
  entries: ConfusedClassPair[];
  /** Share a class pair needs to be tagged: max(confusedMinShare, 2 / number of class pairs). */
  shareThreshold: number;
  /** Number of top false positives counted. */
  total: number;
}

/**
 * Counts the top false positives by unordered class pair. A class pair is
 * "confused" when it supplies ≥ max(confusedMinShare, 2 / C(C−1)/2) of them
 * (at least twice its fair share, so two or three classes never trigger it on
 * their own) and at least `confusedMinCount` pairs. C = the number of distinct
 * classes among the images. O(n + |top| + classCount²).
 *
 * Contract: `classes[i]` the class id (integer ≥ 0) of image i; `classCount` >
 * every class id (e.g. classNames.length).
 */
export function classConfusion(
  classes: ClassIds,
  classCount: number,
  top: TopFalsePositives,
  confusedMinShare: number,
  confusedMinCount: number,
): ClassConfusion {
  const C = classCount;
  const seen = new Uint8Array(C);
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i];
    if (!(c >= 0 && c < C)) throw new Error(`classConfusion: image ${i} has class ${c}, outside 0..${C - 1}`);
    seen[c] = 1;
  }
  let present = 0;
  for (let c = 0; c < C; c++) present += seen[c];
  const classPairs = (present * (present - 1)) / 2;
  const shareThreshold = Math.max(confusedMinShare, classPairs > 0 ? 2 / classPairs : Infinity);

  const matrix = new Uint32Array(C * C);
  const total = top.pairs.length;
  for (let t = 0; t < total; t++) {
    const a = classes[top.imageA[t]];
    const b = classes[top.imageB[t]];
    matrix[a * C + b]++;
    if (a !== b) matrix[b * C + a]++;
  }
  const entries: ConfusedClassPair[] = [];
  for (let a = 0; a < C; a++) {
    for (let b = a; b < C; b++) {
      const count = matrix[a * C + b];
      if (count === 0) continue;
      const share = count / total;
      entries.push({ classA: a, classB: b, count, share, confused: share >= shareThreshold && count >= confusedMinCount });
    }
  }
  entries.sort((x, y) => y.count - x.count || x.classA - y.classA || x.classB - y.classB);
  return { classCount: C, matrix, entries, shareThreshold, total };
}
