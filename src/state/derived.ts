import { findDip, type Dip } from '../diagnostics/dip';
import type { Evaluation } from '../metrics/evaluateEmbeddings';

const dipCache = new WeakMap<Evaluation, Dip | null>();

/** The dip of the current evaluation, derived (and memoised per evaluation object). */
export function dipOf(ev: Evaluation | null): Dip | null {
  if (!ev) return null;
  if (!dipCache.has(ev)) dipCache.set(ev, findDip(ev.curve.precision, ev.curve.recall));
  return dipCache.get(ev)!;
}
