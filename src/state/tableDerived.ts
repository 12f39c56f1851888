import { nameHubs, type NameHubs } from '../diagnostics/nameHubs';
import type { Evaluation } from '../metrics/evaluateEmbeddings';

const cache = new WeakMap<Evaluation, NameHubs | null>();

/** Name hubs of a scores-table evaluation with names (memoised per evaluation); null for other evaluations. */
export function nameHubsOf(ev: Evaluation | null, named: boolean): NameHubs | null {
  if (!ev || !named || !ev.pairA || !ev.scoresFrom) return null;
  if (!cache.has(ev)) cache.set(ev, nameHubs(ev));
  return cache.get(ev)!;
}
