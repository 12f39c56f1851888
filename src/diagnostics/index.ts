/**
 * Public API of the diagnostics core: pure functions over an Evaluation and
 * typed arrays (no DOM, React, workers or store). The UI calls
 * `diagnoseTopFalsePositives` for the "why" panel, `tagPairs` for any other
 * listed pairs, and `counterfactual` for the before/after curve.
 */
export { findDip, MARGIN, REF_RECALL } from './dip';
export type { Dip } from './dip';
export { listPairs } from './listPairs';
export type { ListedPair, PairFilter } from './listPairs';
export { topFalsePositives } from './topFalsePositives';
export type { TopFalsePositives } from './topFalsePositives';
export { isTagId, TAG_IDS, TAGS } from './tagCatalog';
export type { TagId, TagInfo } from './tagCatalog';
export { DEFAULT_TAG_OPTIONS, resolveTagOptions } from './tagOptions';
export type { TagOptions } from './tagOptions';
export { embeddingStats, identicalRows, squaredDistance } from './embeddingStats';
export type { EmbeddingStats } from './embeddingStats';
export { hubRanking } from './hubs';
export type { HubRanking } from './hubs';
export { classConfusion } from './classConfusion';
export type { ClassConfusion, ConfusedClassPair } from './classConfusion';
export { collapseStats, tieBlockAt, tieBlockOf } from './collapse';
export type { CollapseStats } from './collapse';
export { buildTagContext } from './tagContext';
export type { TagContext, TagInputs } from './tagContext';
export { diagnoseTopFalsePositives, tagPair, tagPairs } from './tagPairs';
export type { Diagnosis } from './tagPairs';
export { FLAG_KINDS, flagError, validateFlags } from './flags';
export type { Flag, FlagKind } from './flags';
export { counterfactual } from './counterfactual';
export type { Counterfactual } from './counterfactual';
