import { prCurve } from '../metrics/prCurve';
import { reducedCurve, type Counterfactual } from './counterfactual';
import { validateFlags, type Flag } from './flags';

/** A listed-pair evaluation: row k is the pair (pairA[k], pairB[k]) of `n` items, with its own label. */
export interface ListedPairs {
  n: number;
  scores: Float32Array | Float64Array;
  labels: Uint8Array;
  pairA: Uint32Array;
  pairB: Uint32Array;
}

/**
 * `counterfactual` for listed pairs (a scores table): the curve replayed as if
 * the flags were true, pure. Pair flags name two items; they apply to every
 * row that pairs those two items (either order):
 *  - label-error: the row's label is flipped (once, however often flagged);
 *  - exclude-pair: the rows are dropped;
 *  - exclude-image: every row that contains the item is dropped.
 * relabel-image needs item classes, which listed pairs do not have: refused
 * with an Error naming the flag. Non-finite scores stay excluded by prCurve.
 *
 * Contract: pairA/pairB/labels/scores have one entry per row, item indices
 * < n. Cost: O(rows + flags). Reference: sklearn.metrics.precision_recall_curve
 * / average_precision_score on the kept rows with their new labels.
 */
export function listedCounterfactual(ev: ListedPairs, flags: readonly Flag[]): Omit<Counterfactual, 'classes'> {
  const { n, pairA, pairB } = ev;
  const rows = ev.labels.length;
  if (ev.scores.length !== rows || pairA.length !== rows || pairB.length !== rows) {
    throw new Error(`listedCounterfactual: ${ev.scores.length} scores, ${rows} labels, ${pairA.length}/${pairB.length} pair ends`);
  }
  validateFlags(flags, n, 1);
  flags.forEach((f, k) => {
    if (f.kind === 'relabel-image') throw new Error(`flags[${k}]: relabel-image needs classes; a scores table has pair labels only (use label-error on its pairs)`);
  });
  const key = (i: number, j: number) => (i < j ? i * n + j : j * n + i);
  const flip = new Set<number>();
  const drop = new Set<number>();
  const dropItem = new Uint8Array(n);
  for (const f of flags) {
    if (f.kind === 'label-error') flip.add(key(f.i, f.j));
    else if (f.kind === 'exclude-pair') drop.add(key(f.i, f.j));
    else if (f.kind === 'exclude-image') dropItem[f.image] = 1;
  }
  const labels = ev.labels.slice();
  const kept = new Uint8Array(rows).fill(1);
  let keptCount = 0;
  let changedLabels = 0;
  for (let k = 0; k < rows; k++) {
    const i = pairA[k];
    const j = pairB[k];
    const p = key(i, j);
    if (flip.size > 0 && flip.has(p)) labels[k] = 1 - labels[k];
    if (dropItem[i] === 1 || dropItem[j] === 1 || (drop.size > 0 && drop.has(p))) kept[k] = 0;
    keptCount += kept[k];
    if (kept[k] === 1 && labels[k] !== ev.labels[k]) changedLabels++;
  }
  const curve = keptCount === rows ? prCurve(ev.scores, labels) : reducedCurve(ev.scores, labels, kept, keptCount);
  return { curve, labels, kept, excludedPairs: rows - keptCount, changedLabels };
}
