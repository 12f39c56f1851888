import { pairIndexOf } from '../metrics/pairIndex';
import { tieBlockOf } from './collapse';
import { identicalRows, squaredDistance } from './embeddingStats';
import type { TagId } from './tagCatalog';
import { buildTagContext, type TagContext, type TagInputs } from './tagContext';
import type { TagOptions } from './tagOptions';

/**
 * Root-cause tags of one pair (pair index of the evaluation, see
 * metrics/pairIndex.ts), in the order of
 * TAG_IDS. Decided as follows (thresholds: tagOptions.ts):
 *  - exact-duplicate (negative pairs only): equal content hashes, or identical
 *    embeddings shared by fewer than collapseMinGroup images;
 *  - near-duplicate (negative pairs only, not exact): ‖a − b‖² ≤
 *    ctx.nearDuplicateMaxSqDist, neither embedding near zero, not identical;
 *  - hub-image: either image is a hub of the top false positives;
 *  - collapsed-embedding: either embedding is near zero or identical to
 *    ≥ collapseMinGroup images, or (embeddings not identical) the score is
 *    shared by ≥ minTieBlock pairs;
 *  - degenerate-image: either image's pixel std ≤ degenerateMaxStd;
 *  - confused-class-pair (negative pairs only): the two classes supply a
 *    confused share of the top false positives.
 * O(dim + log distinct scores). Contract: 0 ≤ pair < the evaluation's pair count.
 */
export function tagPair(ctx: TagContext, pair: number): TagId[] {
  const ev = ctx.evaluation;
  const [i, j] = pairIndexOf(ev).pairOf(pair);
  const { embedding, options: o } = ctx;
  const negative = ev.labels[pair] === 0;
  const tags: TagId[] = [];

  const identical = identicalRows(ctx.embeddings, ctx.dim, i, j);
  const groupI = embedding.identicalGroupSize[i];
  const groupJ = embedding.identicalGroupSize[j];
  const anyNearZero = embedding.nearZero[i] === 1 || embedding.nearZero[j] === 1;
  const h = ctx.contentHashes;
  const sameBytes = h !== null && h[i] !== '' && h[i] === h[j];
  const exact = negative && (sameBytes || (identical && groupI < o.collapseMinGroup));
  if (exact) tags.push('exact-duplicate');
  if (negative && !exact && !identical && !anyNearZero && squaredDistance(ctx.embeddings, ctx.dim, i, j) <= ctx.nearDuplicateMaxSqDist) {
    tags.push('near-duplicate');
  }
  if (ctx.hubs.isHub[i] === 1 || ctx.hubs.isHub[j] === 1) tags.push('hub-image');
  const collapsed =
    anyNearZero ||
    groupI >= o.collapseMinGroup ||
    groupJ >= o.collapseMinGroup ||
    (!identical && tieBlockOf(ev.curve, ev.scores[pair]) >= o.minTieBlock);
  if (collapsed) tags.push('collapsed-embedding');
  if (ctx.degenerate[i] === 1 || ctx.degenerate[j] === 1) tags.push('degenerate-image');
  const C = ctx.confusion.classCount;
  if (negative && ctx.classPairs && ctx.confusedMatrix[ctx.classes[i] * C + ctx.classes[j]] === 1) tags.push('confused-class-pair');
  return tags;
}

/** Which image of a pair an image-level tag is about. */
export type TagSide = 'left' | 'right' | 'both';

/**
 * For the tags about one image of the pair (hub-image, degenerate-image):
 * which side carries it — the gallery shows the pair's first image (i) on
 * the left — so the card can say "hub image (right)" next to its "Exclude
 * right image" button. Tags not about an image, or not on this pair, are absent.
 */
export function imageTagSides(ctx: TagContext, pair: number): Partial<Record<TagId, TagSide>> {
  const [i, j] = pairIndexOf(ctx.evaluation).pairOf(pair);
  const side = (a: boolean, b: boolean): TagSide | undefined => (a && b ? 'both' : a ? 'left' : b ? 'right' : undefined);
  const out: Partial<Record<TagId, TagSide>> = {};
  const hub = side(ctx.hubs.isHub[i] === 1, ctx.hubs.isHub[j] === 1);
  if (hub) out['hub-image'] = hub;
  const blank = side(ctx.degenerate[i] === 1, ctx.degenerate[j] === 1);
  if (blank) out['degenerate-image'] = blank;
  return out;
}

/** `tagPair` for each pair index in `pairs` (e.g. a gallery page); result[t] belongs to pairs[t]. */
export function tagPairs(ctx: TagContext, pairs: ArrayLike<number>): TagId[][] {
  const count = pairIndexOf(ctx.evaluation).count;
  const out: TagId[][] = [];
  for (let t = 0; t < pairs.length; t++) {
    const p = pairs[t];
    if (!Number.isInteger(p) || p < 0 || p >= count) throw new Error(`tagPairs: pairs[${t}] = ${p} is not a pair index in 0..${count - 1}`);
    out.push(tagPair(ctx, p));
  }
  return out;
}

/** Result of `diagnoseTopFalsePositives`. */
export interface Diagnosis {
  /** Dataset-level summaries (ctx.hubs, ctx.confusion, ctx.collapse, …) and the top false positives (ctx.top). */
  context: TagContext;
  /** Tags of each top false positive, parallel to context.top.pairs. */
  tags: TagId[][];
  /** How many top false positives carry each tag. */
  tagCounts: Record<TagId, number>;
}

/**
 * The whole "why" panel in one call: builds the tag context (see
 * buildTagContext for the input contract) and tags the top `options.topK`
 * false positives, most confident first.
 */
export function diagnoseTopFalsePositives(inputs: TagInputs, options: Partial<TagOptions> = {}): Diagnosis {
  const context = buildTagContext(inputs, options);
  const tags = tagPairs(context, context.top.pairs);
  const tagCounts: Record<TagId, number> = {
    'exact-duplicate': 0,
    'near-duplicate': 0,
    'hub-image': 0,
    'collapsed-embedding': 0,
    'degenerate-image': 0,
    'confused-class-pair': 0,
  };
  for (const list of tags) for (const id of list) tagCounts[id]++;
  return { context, tags, tagCounts };
}
