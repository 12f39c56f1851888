import { describe, expect, it } from 'vitest';
import * as d3 from 'd3';
import { dipView, lineX, plottedPoints, screenPoints, xScale, xValues } from '../../../src/chart/prScales';
import { nearestPoint } from '../../../src/chart/nearestPoint';
import { findDip } from '../../../src/diagnostics/dip';
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

describe('dipView(recall, dip): what "Inspect the dip" shows', () => {
  it('a rank-1 dip (?demo=noisy shape): log-recall axis from its left edge to 10× the recall past the dip, so the band fills most of the plot', () => {
    const c = tiedWrongTop();
    const dip = findDip(c.precision, c.recall)!;
    const view = dipView(c.recall, dip);
    expect(view.axis).toBe('log');
    expect(view.zoom[0]).toBe(0);
    expect(view.zoom[1]).toBeCloseTo(Math.min(1, c.recall[dip.endIdx - 1] * 10), 12);
    const x = xScale('log', c.recall, W, view.zoom);
    const band = x(Math.max(c.recall[dip.endIdx], x.domain()[0])) - x(Math.max(c.recall[dip.topIdx], x.domain()[0]));
    expect(band).toBeGreaterThan(W / 4);
  });

  it('a dip after a few right pairs: zoomed around it on the log-recall axis, the band over half the plot wide (linear axis: a few px)', () => {
    // ~1 060 positives: 3 right, 5 wrong, then right pairs, then a long tail (the dip spans recall ~0.003–0.03)
    const labels = [1, 1, 1, 0, 0, 0, 0, 0, ...Array(60).fill(1), ...Array.from({ length: 4000 }, (_, i) => (i % 4 === 0 ? 1 : 0))];
    const c = prCurve(Float64Array.from(labels.map((_, i) => labels.length - i)), Uint8Array.from(labels));
    const dip = findDip(c.precision, c.recall)!;
    const view = dipView(c.recall, dip);
    expect(view.zoom[0]).toBeLessThan(c.recall[dip.topIdx]);
    const x = xScale('log', c.recall, W, view.zoom);
    expect(x(c.recall[dip.endIdx]) - x(c.recall[dip.topIdx])).toBeGreaterThan(W / 2);
    const linear = xScale('linear', c.recall, W, null);
    expect(linear(c.recall[dip.endIdx]) - linear(c.recall[dip.topIdx])).toBeLessThan(25);
  });

  it('a short dip (end recall 1.2× its start): the band is still at least a third of the plot', () => {
    const recall = [1, 0.5, 0.12, 0.11, 0.1, 0.09, 0];
    const view = dipView(recall, { topIdx: 4, endIdx: 2 });
    const x = xScale('log', Float64Array.from(recall), W, view.zoom);
    expect(x(0.12) - x(0.1)).toBeGreaterThan(W / 3);
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
