import type { Evaluation } from '../metrics/evaluateEmbeddings';
import type { ClassIds } from '../metrics/pairs';
import { pairIndexOf, type PairSource } from '../metrics/pairIndex';
import { prCurve, type PrCurve } from '../metrics/prCurve';
import { validateFlags, type Flag } from './flags';

/** The evaluation replayed with the user's flags applied. */
export interface Counterfactual {
  /**
   * prCurve of the kept pairs with their new labels (scikit-learn semantics).
   * `excludedIndices` are pair indices (like the original curve's), not
   * positions in the reduced arrays.
   */
  curve: PrCurve;
  /** Label of every pair after relabelling and flips, by pair index (excluded pairs too). */
  labels: Uint8Array;
  /** 1 where the pair is part of the counterfactual, by pair index. */
  kept: Uint8Array;
  /** Class of every image after relabelling. */
  classes: Int32Array;
  /** Pairs dropped by exclude-pair / exclude-image flags. */
  excludedPairs: number;
  /** Kept pairs whose label differs from the original. */
  changedLabels: number;
}

/**
 * Recomputes the curve and AP as if the flags were true: a pure function, the
 * inputs are never modified. Flags apply in this order, whatever their order
 * in the list:
 *  1. relabel-image: the image's class becomes `toClass` (a later relabel of
 *     the same image wins); the labels of all its pairs are recomputed;
 *  2. label-error: the pair's label (after step 1) is flipped, once however
 *     often the pair is flagged;
 *  3. exclude-pair / exclude-image: those pairs are dropped.
 * Pairs with non-finite scores stay excluded by prCurve, as in the original.
 *
 * Works on every pair (row-major) or on a pair list (ev.pairA/pairB, see
 * metrics/pairIndex.ts); a pair flag naming two images that are not a listed
 * pair is refused with an Error naming the flag, and flags on a repeated
 * pair apply to every copy.
 * Contract: `classes[i]` is the class id of image i, the classes the
 * evaluation's labels came from (length ev.n); `classCount` > every class id
 * and every toClass (default: largest id in classes or flags + 1). Throws an
 * Error naming the offending flag (flags[k].field) when a flag is invalid.
 * Cost: O(pairs + relabelled images · n + flags), all typed arrays (a list: its per-image lookup once).
 * Reference: the result equals sklearn.metrics.precision_recall_curve /
 * average_precision_score on the reduced, relabelled pair list
 * (tests/fixtures/diagnostics).
 */
export function counterfactual(ev: Pick<Evaluation, 'n' | 'scores' | 'labels'> & PairSource, classes: ClassIds, flags: readonly Flag[], classCount?: number): Counterfactual {
  const n = ev.n;
  if (classes.length !== n) throw new Error(`counterfactual: classes has ${classes.length} entries for ${n} images`);
  const index = pairIndexOf(ev);
  const count = index.count;
  if (ev.labels.length !== count || ev.scores.length !== count) throw new Error(`counterfactual: evaluation holds ${ev.scores.length} scores and ${ev.labels.length} labels for ${count} pairs`);
  let maxClass = -1;
  for (let i = 0; i < n; i++) maxClass = Math.max(maxClass, classes[i]);
  for (const f of flags) if (f && f.kind === 'relabel-image' && Number.isInteger(f.toClass)) maxClass = Math.max(maxClass, f.toClass);
  validateFlags(flags, n, classCount ?? maxClass + 1);
  // A pair flag must name a pair that was evaluated (a list holds only some pairs).
  const pairsOf = (f: { i: number; j: number }, k: number): number[] => {
    const found = index.find(f.i, f.j);
    if (found.length === 0) throw new Error(`flags[${k}]: images ${f.i} and ${f.j} are not a pair of the evaluated pair list`);
    return found;
  };

  // 1. relabel
  const newClasses = Int32Array.from(classes);
  const relabelled = new Uint8Array(n);
  for (const f of flags) {
    if (f.kind !== 'relabel-image') continue;
    newClasses[f.image] = f.toClass;
    relabelled[f.image] = 1;
  }
  const labels = ev.labels.slice();
  for (let r = 0; r < n; r++) {
    if (relabelled[r] === 0) continue;
    for (const p of index.pairsWith(r)) {
      const [a, b] = index.pairOf(p);
      labels[p] = newClasses[a] === newClasses[b] ? 1 : 0;
    }
  }

  // 2. flips, once per pair
  const flipped = new Set<number>();
  flags.forEach((f, k) => {
    if (f.kind === 'label-error') for (const p of pairsOf(f, k)) flipped.add(p);
  });
  for (const p of flipped) labels[p] = 1 - labels[p];

  // 3. exclusions
  const kept = new Uint8Array(count).fill(1);
  flags.forEach((f, k) => {
    if (f.kind === 'exclude-pair') for (const p of pairsOf(f, k)) kept[p] = 0;
    else if (f.kind === 'exclude-image') for (const p of index.pairsWith(f.image)) kept[p] = 0;
  });

  let keptCount = 0;
  let changedLabels = 0;
  for (let p = 0; p < count; p++) {
    keptCount += kept[p];
    if (kept[p] === 1 && labels[p] !== ev.labels[p]) changedLabels++;
  }
  const curve = keptCount === count ? prCurve(ev.scores, labels) : reducedCurve(ev.scores, labels, kept, keptCount);
  return { curve, labels, kept, classes: newClasses, excludedPairs: count - keptCount, changedLabels };
}

/** prCurve over the kept pairs only, with excludedIndices mapped back to pair indices. */
export function reducedCurve(scores: Float32Array | Float64Array, labels: Uint8Array, kept: Uint8Array, keptCount: number): PrCurve {
  const s = scores instanceof Float64Array ? new Float64Array(keptCount) : new Float32Array(keptCount);
  const y = new Uint8Array(keptCount);
  const pairAt = new Uint32Array(keptCount);
  let t = 0;
  for (let p = 0; p < kept.length; p++) {
    if (kept[p] === 0) continue;
    s[t] = scores[p];
    y[t] = labels[p];
    pairAt[t] = p;
    t++;
  }
  const curve = prCurve(s, y);
  return { ...curve, excludedIndices: curve.excludedIndices.map((k) => pairAt[k]) };
}
