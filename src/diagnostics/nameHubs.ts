import type { Evaluation } from '../metrics/evaluateEmbeddings';
import { hubRanking, type HubRanking } from './hubs';
import { DEFAULT_TAG_OPTIONS } from './tagOptions';

/** Hubs of a scores table: names in many of the top false positives. */
export interface NameHubs extends HubRanking {
  /** How many false positives were counted (≤ topK). */
  topFalsePositives: number;
}

/**
 * The hub rule of the why panel (hubRanking: count ≥ hubMinCount and ≥
 * hubMedianFactor × the median; defaults in tagOptions.ts) applied to the
 * *names* of a scores table: a name that occurs in many of the `topK` most
 * confident false positives. Needs only the names, not embeddings or images,
 * so it works for a table with a, b columns. O(rank of the topK-th false positive + items).
 *
 * Contract: `ev` is a listed-pair evaluation (pairA/pairB set, item indices < ev.n).
 */
export function nameHubs(ev: Pick<Evaluation, 'order' | 'labels' | 'n' | 'pairA' | 'pairB'>, topK = DEFAULT_TAG_OPTIONS.topK): NameHubs {
  const { pairA, pairB } = ev;
  if (!pairA || !pairB) throw new Error('nameHubs: the evaluation has no listed pairs (pairA/pairB)');
  const rows: number[] = [];
  const ranks: number[] = [];
  for (let r = 0; r < ev.order.length && rows.length < topK; r++) {
    const k = ev.order[r];
    if (ev.labels[k] !== 0) continue;
    rows.push(k);
    ranks.push(r + 1);
  }
  const pairs = Uint32Array.from(rows);
  const top = {
    pairs,
    ranks: Uint32Array.from(ranks),
    imageA: pairs.map((k) => pairA[k]),
    imageB: pairs.map((k) => pairB[k]),
    scores: new Float32Array(0), // unused by hubRanking
  };
  return { ...hubRanking(ev.n, top, DEFAULT_TAG_OPTIONS.hubMinCount, DEFAULT_TAG_OPTIONS.hubMedianFactor), topFalsePositives: pairs.length };
}
