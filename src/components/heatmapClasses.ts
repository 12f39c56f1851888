import type { ConfusedClassPair } from '../diagnostics/classConfusion';

/**
 * Which classes the confusion heat map draws: those in at least one of the
 * counted false positives, at most `limit` — the ones in the most — kept in
 * class order; `hidden` counts the involved classes left out, `max` is the
 * largest count of a pair of two classes (0: nothing to draw).
 */
export function heatmapClasses(entries: readonly ConfusedClassPair[], limit: number): { shown: number[]; hidden: number; max: number } {
  const involvement = new Map<number, number>();
  let max = 0;
  for (const e of entries) {
    if (e.classA === e.classB) continue;
    involvement.set(e.classA, (involvement.get(e.classA) ?? 0) + e.count);
    involvement.set(e.classB, (involvement.get(e.classB) ?? 0) + e.count);
    max = Math.max(max, e.count);
  }
  const involved = [...involvement.keys()];
  const top = involved.sort((x, y) => involvement.get(y)! - involvement.get(x)! || x - y).slice(0, limit);
  return { shown: top.sort((x, y) => x - y), hidden: involved.length - top.length, max };
}
