import { assert } from '../base/assert';
import type { Evaluation } from './evaluateEmbeddings';
import { prCurve } from './prCurve';
import { splitFinite } from './finite';
import { argsortDescending } from './argsort';

/**
 * The exact PR curve (scikit-learn semantics, see prCurve.ts) and the ranking
 * of given scores: a scores table (`score,label[,a,b]`), where every row is
 * one pair and no embedding exists. Scores stay float64, so curve and AP
 * equal `precision_recall_curve` / `average_precision_score` on the same
 * numbers; NaN/±Infinity rows are excluded and counted by prCurve.
 *
 * Contract: `scores.length === labels.length`, labels 0/1. The returned
 * evaluation holds these arrays (not copies). `order` lists the finite rows,
 * most confident first, ties in row order (as evaluateEmbeddings does for
 * pair indices). `n` is 0 and pairA/pairB are absent: the caller attaches
 * the pair names (see scoresItems.ts).
 */
export function evaluateScores(scores: Float64Array, labels: Uint8Array): Evaluation {
  assert(scores.length === labels.length, `evaluateScores: ${scores.length} scores but ${labels.length} labels`);
  const split = splitFinite(scores, labels);
  const order = argsortDescending(split.scores);
  if (split.keptIndex) for (let k = 0; k < order.length; k++) order[k] = split.keptIndex[order[k]];
  return { curve: prCurve(scores, labels), order, scores, labels, n: 0, metric: 'neg-sq-l2' };
}
