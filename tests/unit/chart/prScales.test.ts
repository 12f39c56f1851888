import { describe, expect, it } from 'vitest';
import * as d3 from 'd3';
import { lineX, plottedPoints, screenPoints, xScale, xValues } from '../../../src/chart/prScales';
import { nearestPoint } from '../../../src/chart/nearestPoint';
import { prCurve } from '../../../src/metrics/prCurve';

const W = 600;
const H = 400;
const y = d3.scaleLinear().domain([0, 1.02]).range([H, 0]);
/** 12 tied wrong pairs on top, then right pairs, then a mixed tail: no rank has precision 1 (the ?demo=noisy shape). */
function tiedWrongTop() {
  const labels = [...Array(12).fill(0), ...Array(40).fill(1), ...Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 1 : 0))];
  const scores = labels.map((_, i) => (i < 12 ? 1000 : 900 - i));
  return prCurve(Float64Array.from(scores), Uint8Array.from(labels));
}

describe('plottedPoints / screenPoints: scikit-learn\'s (recall 0, precision 1) end point', () => {
  const c = tiedWrongTop();
  const end = c.precision.length - 1;

  it('is not placed on the rank axis (it has no rank): no point at (rank 1, precision 1), and hover near there finds the top real threshold', () => {
    const xs = xValues('rank', c.recall, c.tp, c.fp);
    const x = xScale('rank', xs, W, null);
    const pts = screenPoints('rank', xs, c.precision, x, y);
    expect(pts.x.length).toBe(end);
    for (let i = 0; i < pts.x.length; i++) expect(pts.y[i] < y(1) + 0.5 && pts.x[i] < x(2)).toBe(false);
    const hit = nearestPoint(pts, x(1), y(1), 10)!;
    expect(hit).toBe(end - 1);
    expect(c.tp[hit] + c.fp[hit]).toBe(12);
    expect(c.precision[hit]).toBe(0);
  });

  it('is not placed on the log-recall axis either (recall 0 has no place on it)', () => {
    const x = xScale('log', c.recall, W, null);
    const pts = screenPoints('log', c.recall, c.precision, x, y);
    expect(pts.x.length).toBe(end);
    expect(Array.from(pts.y).some((py) => py < y(1) + 0.5)).toBe(false);
  });

  it('is kept on the linear recall axis, where scikit-learn draws it at recall 0', () => {
    expect(plottedPoints('linear', c.precision.length)).toBe(c.precision.length);
    const x = xScale('linear', c.recall, W, null);
    const pts = screenPoints('linear', c.recall, c.precision, x, y);
    expect(pts.x[end]).toBe(0);
    expect(pts.y[end]).toBeCloseTo(y(1), 4);
  });
});

describe('lineX(axis, x): x for drawing lines on a zoomed axis', () => {
  it('leaves points beyond a zoomed log domain outside the plot (clipped there), not piled into a vertical segment on its edge; recall 0 sits on the left edge', () => {
    const x = xScale('log', Float64Array.from([1, 0.5, 1e-4, 0]), W, [0, 0.04]);
    const lx = lineX('log', x);
    expect(lx(0.5)).toBeGreaterThan(W + 100);
    expect(lx(1)).toBeGreaterThan(lx(0.5));
    expect(lx(0)).toBeCloseTo(0, 6);
    expect(lx(0.01)).toBeCloseTo(x(0.01), 3);
  });

  it('on a zoomed linear axis, points past either end leave the plot', () => {
    const x = xScale('linear', Float64Array.from([1, 0]), W, [0.2, 0.4]);
    expect(lineX('linear', x)(0.1)).toBeLessThan(0);
    expect(lineX('linear', x)(0.9)).toBeGreaterThan(W);
  });
});
