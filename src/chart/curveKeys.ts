import { firstAtOrBelow } from './nearestPoint';

/**
 * Keyboard walking along a PR curve (arrays in scikit-learn order: index 0 is
 * full recall, the last index is the recall-0 end point; recall is
 * non-increasing with the index).
 *
 *  ← / →            one operating point less / more recall
 *  Shift + ← / →    1 % of recall
 *  PageDown / PageUp 10 % of recall (more / less)
 *  Home / End       the most confident point / full recall
 * Returns the new index, or null for keys it does not handle.
 */
export function nextCurveIndex(key: string, shift: boolean, current: number, recall: ArrayLike<number>): number | null {
  const last = recall.length - 1;
  const top = Math.max(0, last - 1); // most confident real threshold
  switch (key) {
    case 'Home':
      return top;
    case 'End':
      return 0;
    case 'ArrowRight':
      return shift ? byRecall(recall, current, 0.01) : Math.max(0, current - 1);
    case 'ArrowLeft':
      return shift ? byRecall(recall, current, -0.01) : Math.min(top, current + 1);
    case 'PageDown':
      return byRecall(recall, current, 0.1);
    case 'PageUp':
      return byRecall(recall, current, -0.1);
    default:
      return null;
  }
}

/** The point whose recall is nearest recall[current] + delta, moving at least one point. */
function byRecall(recall: ArrayLike<number>, current: number, delta: number): number {
  const top = Math.max(0, recall.length - 2);
  // first index whose recall ≤ target (recall is non-increasing)
  let i = Math.min(firstAtOrBelow(recall, recall[current] + delta), top);
  if (delta > 0) i = Math.max(0, Math.min(i, current - 1));
  else i = Math.min(top, Math.max(i, current + 1));
  return i;
}
