import * as d3 from 'd3';

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
