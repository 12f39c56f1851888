/**
 * Public API of the metrics core: pure functions over typed arrays, no DOM,
 * React or tfjs. Semantics follow scikit-learn 1.2 (see each function).
 */
export { argsortDescending } from './argsort';
export { averagePrecisionFromCurve } from './averagePrecision';
export { downsampleCurve, pointAtThreshold, rankAtIndex } from './curveQuery';
export { splitFinite } from './finite';
export type { FiniteSplit } from './finite';
export { DEFAULT_PAIR_BYTES, MAX_PAIRS, pairCount, pairFromIndex, pairIndex, pairLabels, pairScores } from './pairs';
export type { ClassIds, PairMetric } from './pairs';
export {
  averagePrecision,
  prCurve,
  WARN_EMPTY,
  WARN_NO_NEGATIVES,
  WARN_NO_POSITIVES,
  WARN_ONE_SCORE,
  warnNonFinite,
} from './prCurve';
export type { PrCurve } from './prCurve';
