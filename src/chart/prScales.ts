import * as d3 from 'd3';
import { arithmetic } from './scaleArithmetic';

export type CurveAxis = 'linear' | 'log' | 'rank';

/**
 * The x value of every curve point for an axis: recall, or the rank (tp + fp,
 * the number of pairs predicted positive; 0 at the end point).
 */
export function xValues(axis: CurveAxis, recall: Float64Array, tp: Float64Array, fp: Float64Array): Float64Array {
  if (axis !== 'rank') return recall;
  const out = new Float64Array(recall.length);
  for (let i = 0; i < tp.length; i++) out[i] = tp[i] + fp[i];
  return out; // the end point (index tp.length) stays 0
}

/** The x scale: linear recall [0, 1], log recall, or log rank [1, all pairs]; `zoom` narrows the domain. Values below a log domain are clamped to its left edge. */
export function xScale(axis: CurveAxis, xs: Float64Array, width: number, zoom: [number, number] | null): d3.ScaleContinuousNumeric<number, number> {
  if (axis === 'linear') return d3.scaleLinear().domain(zoom ?? [0, 1]).range([0, width]).clamp(!!zoom);
  let minPositive = Infinity;
  let max = 0;
  for (let i = 0; i < xs.length; i++) {
    if (xs[i] > 0 && xs[i] < minPositive) minPositive = xs[i];
    if (xs[i] > max) max = xs[i];
  }
  if (!Number.isFinite(minPositive)) minPositive = axis === 'rank' ? 1 : 0.01;
  const full: [number, number] = axis === 'rank' ? [1, Math.max(max, 2)] : [Math.min(minPositive * 0.8, 0.01), 1];
  const domain: [number, number] = zoom ? [Math.max(zoom[0], full[0]), Math.max(zoom[1], full[0] * 1.0001)] : full;
  return d3.scaleLog().domain(domain).range([0, width]).clamp(true);
}

export function axisLabel(axis: CurveAxis): string {
  return axis === 'linear' ? 'recall' : axis === 'log' ? 'recall (log scale)' : 'rank: top-k pairs predicted positive (log scale)';
}

/**
 * How many curve points the chart places (and lets you hover, click or brush):
 * every point on the linear recall axis; on the log-recall and rank axes all
 * but the last, scikit-learn's appended (recall 0, precision 1) end point. It
 * is not a threshold: it has no rank (no pair is predicted positive there) and
 * no place on a log axis, where it would be clamped to the left edge and drawn
 * as a false "precision 1 at rank 1" even when the top pairs are all wrong.
 */
export function plottedPoints(axis: CurveAxis, n: number): number {
  return axis === 'linear' ? n : Math.max(0, n - 1);
}

/**
 * Screen positions of the plotted curve points (see plottedPoints): index i is
 * curve index i. Plain arithmetic, not d3 calls, for curves of millions of
 * points. Values left of a log domain sit on its left edge.
 */
export function screenPoints(
  axis: CurveAxis,
  xs: Float64Array,
  precision: Float64Array,
  x: d3.ScaleContinuousNumeric<number, number>,
  y: d3.ScaleLinear<number, number>,
): { x: Float32Array; y: Float32Array } {
  const n = plottedPoints(axis, xs.length);
  const isLog = axis !== 'linear';
  const fx = arithmetic(x, isLog);
  const fy = arithmetic(y, false);
  const xMin = x.domain()[0];
  const pts = { x: new Float32Array(n), y: new Float32Array(n) };
  for (let i = 0; i < n; i++) {
    pts.x[i] = fx(isLog ? Math.max(xs[i], xMin) : xs[i]);
    pts.y[i] = fy(precision[i]);
  }
  return pts;
}

/** A dip's curve indices (scikit-learn order: index 0 = recall 1). */
export interface DipExtent {
  topIdx: number;
  endIdx: number;
}

/**
 * The view "Inspect the dip" switches to: the log-recall axis, zoomed so the
 * dip's band is most of the plot's width with some curve either side. A dip
 * from recall 0 (wrong pairs at rank 1) starts at the axis' left edge and the
 * view runs to ten times the recall just past it (the recovery). A dip that
 * starts after some right pairs, at recall r0 > 0, and ends at r1 gets a
 * margin factor k = (r1/r0)^(1/3) on each side (clamped to 1.15–10): the band
 * is then about 60 % of the log axis, 40 % for a dip from r0 to 1.2·r0.
 * On the linear axis a dip at recall 0–0.004 is a 3-pixel sliver.
 */
export function dipView(recall: ArrayLike<number>, dip: DipExtent): { axis: 'log'; zoom: [number, number] } {
  const start = recall[dip.topIdx];
  const end = recall[dip.endIdx];
  const past = dip.endIdx > 0 ? Math.max(recall[dip.endIdx - 1], end) : end;
  if (!(start > 0)) return { axis: 'log', zoom: [0, past > 0 ? Math.min(1, past * 10) : 1] };
  const k = Math.min(10, Math.max(1.15, Math.cbrt(end / start)));
  return { axis: 'log', zoom: [start / k, Math.min(1, end * k)] }; // lo < hi: start ≤ end ≤ 0.5 and k > 1
}

/**
 * x of a value for drawing lines (the curves, iso-F1): not clamped to a zoomed
 * domain, so a line leaves the plot through its edge (the clip path cuts it)
 * instead of piling up into a false vertical segment on that edge. On a log
 * axis only 0 (recall 0: the top pairs before any positive) is put on the left
 * edge; it has no place on the axis otherwise.
 */
export function lineX(axis: CurveAxis, x: d3.ScaleContinuousNumeric<number, number>): (v: number) => number {
  const isLog = axis !== 'linear';
  const f = arithmetic(x.copy().clamp(false), isLog);
  const left = x.domain()[0];
  return isLog ? (v) => f(v > 0 ? v : left) : f;
}
