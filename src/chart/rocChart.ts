import * as d3 from 'd3';
import type { RocCurve } from '../metrics/roc';
import type { DetCurve } from '../metrics/det';
import { arithmetic } from './scaleArithmetic';
import { thinPolyline } from './thinPolyline';

export const ROC_WIDTH = 440;
export const ROC_HEIGHT = 360;
export const ROC_MARGIN = { top: 14, right: 18, bottom: 44, left: 56 };
const M = ROC_MARGIN;
const IW = ROC_WIDTH - M.left - M.right;
const IH = ROC_HEIGHT - M.top - M.bottom;
/** Drawn vertices are at least this far apart: the drawn line is within it of the exact one. */
const THIN_PX = 0.75;

/** Returned by drawRoc / drawDet: moves the selection marker without redrawing. */
export interface RocHandle {
  /** A point in data units (ROC: fpr, tpr; DET: fmr, fnmr); null hides the marker. */
  setSelected(p: { x: number; y: number } | null): void;
}

type Scale = d3.ScaleContinuousNumeric<number, number>;

/**
 * Draws a ROC curve (false positive rate on x, true positive rate on y) from
 * `rocCurve` / `rocFromPrCurve` output, with the chance diagonal and the AUC.
 * A click reports the threshold of the nearest drawn point.
 * Pure drawing: data in by argument, events out by callback.
 */
export function drawRoc(svg: SVGSVGElement, roc: RocCurve, onPick: (threshold: number) => void): RocHandle {
  const x = d3.scaleLinear().domain([0, 1]).range([0, IW]);
  const y = d3.scaleLinear().domain([0, 1]).range([IH, 0]);
  const g = frame(svg, x, y, 'false positive rate (FPR)', 'true positive rate (TPR)', false);
  g.append('line').attr('class', 'chance').attr('x1', x(0)).attr('y1', y(0)).attr('x2', x(1)).attr('y2', y(1));
  const auc = roc.auc === null ? 'AUC undefined (one class only)' : `AUC ${roc.auc.toFixed(4)}`;
  g.append('text').attr('class', 'roc-auc').attr('data-testid', 'roc-auc').attr('x', IW - 6).attr('y', IH - 10).attr('text-anchor', 'end').text(auc);
  return plot(g, x, y, false, roc.fpr, roc.tpr, roc.thresholds, onPick);
}

/**
 * Draws a DET curve (false match rate on x, false non-match rate on y, both
 * on log axes) from `detFromPrCurve` output, with the FMR = FNMR diagonal
 * (where it crosses the curve is the equal error rate). Rates of 0 cannot
 * sit on a log axis: they are drawn on the axis floor, one decade below
 * 1 / (pairs of that class). A click reports the nearest point's threshold.
 */
export function drawDet(svg: SVGSVGElement, det: DetCurve, counts: { positives: number; negatives: number }, onPick: (threshold: number) => void): RocHandle {
  const floor = (count: number) => 10 ** Math.floor(Math.log10(1 / Math.max(count, 1)) - 1e-9);
  const x = d3.scaleLog().domain([floor(counts.negatives), 1]).range([0, IW]).clamp(true);
  const y = d3.scaleLog().domain([floor(counts.positives), 1]).range([IH, 0]).clamp(true);
  const g = frame(svg, x, y, 'false match rate (FMR, log)', 'false non-match rate (FNMR, log)', true);
  const lo = Math.max(x.domain()[0], y.domain()[0]);
  g.append('line').attr('class', 'chance').attr('x1', x(lo)).attr('y1', y(lo)).attr('x2', x(1)).attr('y2', y(1));
  g.append('text').attr('class', 'chance-label').attr('x', x(1) - 4).attr('y', y(1) + 12).attr('text-anchor', 'end').text('FMR = FNMR');
  if (det.warnings.length > 0) g.append('text').attr('class', 'axis-label').attr('x', IW / 2).attr('y', IH / 2).attr('text-anchor', 'middle').text(det.warnings[0]);
  return plot(g, x, y, true, det.fmr, det.fnmr, det.thresholds, onPick);
}

function frame(svg: SVGSVGElement, x: Scale, y: Scale, xLabel: string, yLabel: string, log: boolean) {
  const root = d3.select(svg).attr('viewBox', `0 0 ${ROC_WIDTH} ${ROC_HEIGHT}`);
  root.selectAll('*').remove();
  const g = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const fmt = log ? '~e' : undefined;
  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${IH})`).call(d3.axisBottom(x).ticks(log ? 6 : 5, fmt));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(log ? 6 : 5, fmt));
  g.append('text').attr('class', 'axis-label').attr('x', IW / 2).attr('y', IH + 36).attr('text-anchor', 'middle').text(xLabel);
  g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -IH / 2).attr('y', -44).attr('text-anchor', 'middle').text(yLabel);
  return g;
}

function plot(
  g: d3.Selection<SVGGElement, unknown, null, undefined>,
  x: Scale,
  y: Scale,
  log: boolean,
  xs: Float64Array,
  ys: Float64Array,
  thresholds: Float64Array,
  onPick: (threshold: number) => void,
): RocHandle {
  const n = xs.length;
  const px = new Float64Array(n);
  const py = new Float64Array(n);
  const fx = arithmetic(x, log);
  const fy = arithmetic(y, log);
  for (let i = 0; i < n; i++) {
    px[i] = fx(xs[i]);
    py[i] = fy(ys[i]);
  }
  const kept = thinPolyline(px, py, THIN_PX);
  const pts = Array.from(kept, (i) => [px[i], py[i]] as [number, number]);
  g.append('path').attr('class', 'curve roc-curve').attr('d', d3.line()(pts) ?? '');

  const overlay = g.append('rect').attr('class', 'overlay').attr('width', IW).attr('height', IH);
  const hover = g.append('circle').attr('class', 'roc-hover').attr('r', 4).style('display', 'none');
  const nearest = (ev: PointerEvent): number | null => {
    const [mx, my] = d3.pointer(ev, g.node());
    let best: number | null = null;
    let bestD = Infinity;
    for (const i of kept) {
      const d = (px[i] - mx) ** 2 + (py[i] - my) ** 2;
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
    return best;
  };
  overlay
    .on('pointermove', (ev: PointerEvent) => {
      const i = nearest(ev);
      if (i === null) return;
      hover.style('display', null).attr('cx', px[i]).attr('cy', py[i]);
    })
    .on('pointerleave', () => hover.style('display', 'none'))
    .on('click', (ev: PointerEvent) => {
      const i = nearest(ev);
      if (i !== null) onPick(thresholds[i]);
    });

  const sel = g.append('circle').attr('class', 'selected-point').attr('r', 6).style('display', 'none');
  return {
    setSelected(p) {
      sel.style('display', p ? 'inline' : 'none');
      if (p) sel.attr('cx', x(p.x)).attr('cy', y(p.y));
    },
  };
}
