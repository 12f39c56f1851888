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
export type { PrCurveOptions } from './prCurve';
export { curveFromCounts } from './prCurve';
export { rankedPrCurve } from './rankedCurve';
export type { RankedCurve } from './rankedCurve';
export { dropIntermediatePoints } from './dropIntermediate';
export { interpolatedAveragePrecision, trapezoidPrArea } from './apVariants';
export { rocAucFromPrCurve, rocAucScore, rocCurve, rocFromPrCurve } from './roc';
export type { RocCurve, RocOptions } from './roc';
export { detCurve, detFromPrCurve, WARN_DET_ONE_CLASS } from './det';
export type { DetCurve } from './det';
export { FAR_TARGETS, tarAtFar } from './tarAtFar';
export type { TarAtFar } from './tarAtFar';
export { bestF1, operatingPointAt } from './bestF1';
export type { OperatingPoint } from './bestF1';
export { confusionAtThreshold } from './confusion';
export { mergePrCurves, prCurveChunked } from './chunkedCurve';
export type { ScoreChunk } from './chunkedCurve';
export { kthLargest, topPositions } from './select';
export { retrievalFromEmbeddings, retrievalMetrics } from './retrieval';
export type { RetrievalMetrics, RetrievalOptions } from './retrieval';
export { DEFAULT_BLOCK_PAIRS, pairScoresBlocked } from './pairBlocks';
export type { PairBlock } from './pairBlocks';
export { mergeTopPairs, topPairsInRange } from './topPairs';
export type { TopPairs, TopPairsOptions } from './topPairs';
