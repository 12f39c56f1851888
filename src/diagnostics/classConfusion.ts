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
  /** Number of classes. */
  classCount: number;
  /** Top false positives of the class pair {a, b} (symmetric; kept sparse: a face set has thousands of classes, and C² counts would take gigabytes). */
  count(a: number, b: number): number;
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
 * classes among the images. O(n + classCount + |top| log |top|), memory O(|top|).
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

  const counts = new Map<number, number>();
  const key = (a: number, b: number) => (a < b ? a * C + b : b * C + a);
  const total = top.pairs.length;
  for (let t = 0; t < total; t++) {
    const k = key(classes[top.imageA[t]], classes[top.imageB[t]]);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const entries: ConfusedClassPair[] = [];
  for (const [k, count] of counts) {
    const share = count / total;
    entries.push({ classA: Math.floor(k / C), classB: k % C, count, share, confused: share >= shareThreshold && count >= confusedMinCount });
  }
  entries.sort((x, y) => y.count - x.count || x.classA - y.classA || x.classB - y.classB);
  return { classCount: C, count: (a, b) => counts.get(key(a, b)) ?? 0, entries, shareThreshold, total };
}
