import { describe, expect, it } from 'vitest';
import { heatmapClasses } from '../../../src/components/heatmapClasses';
import type { ConfusedClassPair } from '../../../src/diagnostics/classConfusion';

const entries = (counts: [number, number, number][]): ConfusedClassPair[] => counts.map(([classA, classB, count]) => ({ classA, classB, count, share: 0, confused: false }));

describe('heatmapClasses(entries, limit)', () => {
  it('draws only the classes that take part in a false positive, in class order', () => {
    expect(heatmapClasses(entries([[1, 4, 3], [4, 5, 1]]), 24)).toEqual({ shown: [1, 4, 5], hidden: 0, max: 3 });
  });
  it('past the limit, the classes in the most false positives (ties by class order), the rest counted as hidden', () => {
    // class 7 in 10 + 5, class 3 in 10, class 900 in 5 + 1, class 2 in 1.
    expect(heatmapClasses(entries([[3, 7, 10], [7, 900, 5], [2, 900, 1]]), 3)).toEqual({ shown: [3, 7, 900], hidden: 1, max: 10 });
  });
  it('nothing confused: nothing to draw', () => {
    expect(heatmapClasses([], 24)).toEqual({ shown: [], hidden: 0, max: 0 });
  });
});
