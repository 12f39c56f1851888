import { describe, expect, it } from 'vitest';
import { nextCurveIndex } from '../../../src/chart/curveKeys';

// recall in scikit-learn order for 101 points: 1.00, 0.99, …, 0.01, then the end point 0
const recall = Float64Array.from({ length: 102 }, (_, i) => (i === 101 ? 0 : (100 - i) / 100));

describe('nextCurveIndex(key, shift, current, recall)', () => {
  it('arrows step one operating point; right means more recall', () => {
    expect(nextCurveIndex('ArrowRight', false, 50, recall)).toBe(49);
    expect(nextCurveIndex('ArrowLeft', false, 50, recall)).toBe(51);
  });
  it('Shift+arrows move 1 % of recall and PageUp/PageDown 10 %', () => {
    expect(recall[nextCurveIndex('ArrowRight', true, 50, recall)!]).toBeCloseTo(0.51, 12);
    expect(recall[nextCurveIndex('PageDown', false, 50, recall)!]).toBeCloseTo(0.6, 12);
    expect(recall[nextCurveIndex('PageUp', false, 50, recall)!]).toBeCloseTo(0.4, 12);
  });
  it('Home is the most confident threshold (never the recall-0 end point); End is full recall', () => {
    expect(nextCurveIndex('Home', false, 10, recall)).toBe(100);
    expect(nextCurveIndex('End', false, 10, recall)).toBe(0);
  });
  it('stays inside the curve at both ends and ignores other keys', () => {
    expect(nextCurveIndex('ArrowRight', false, 0, recall)).toBe(0);
    expect(nextCurveIndex('ArrowLeft', false, 100, recall)).toBe(100);
    expect(nextCurveIndex('PageUp', false, 95, recall)).toBe(100);
    expect(nextCurveIndex('a', false, 5, recall)).toBeNull();
  });
});
