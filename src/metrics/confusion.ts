import { assert } from '../base/assert';
import { operatingPointAt, type OperatingPoint } from './bestF1';
import { pointAtThreshold } from './curveQuery';
import type { PrCurve } from './prCurve';

/**
 * Confusion counts and precision / recall / F1 when every score ≥ `t` is
 * predicted positive (the rule behind sklearn's curve thresholds). O(log n)
 * on the curve; −0 and +0 are the same threshold. Excluded (NaN/±Infinity)
 * scores are in no cell: tp + fp + tn + fn = curve.n.
 *
 * Contract: `t` not NaN (±Infinity allowed); `curve` from `prCurve`.
 * Reference: `sklearn.metrics.confusion_matrix(labels, scores >= t)` and
 * `precision_score` / `recall_score` / `f1_score` on the same predictions
 * with `zero_division=0`.
 */
export function confusionAtThreshold(curve: PrCurve, t: number): OperatingPoint {
  assert(!Number.isNaN(t), 'confusionAtThreshold: threshold is NaN');
  return operatingPointAt(curve, pointAtThreshold(curve, t), t === 0 ? 0 : t);
}
