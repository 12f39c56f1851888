import * as d3 from 'd3';
import { emptiestBox, type Polyline } from './emptiestBox';
import { firstAtOrBelow, nearestPoint, type ScreenPoints } from './nearestPoint';
import { axisLabel, lineX, screenPoints, xScale, xValues, type CurveAxis } from './prScales';
import { dipLabelPosition } from './dipLabel';

export const WIDTH = 760;
export const HEIGHT = 460;
export const MARGIN = { top: 16, right: 20, bottom: 46, left: 56 };
const M = MARGIN;

export interface ChartData {
  precision: Float64Array;
  recall: Float64Array;
  /** Cumulative counts (scikit-learn order), for the rank axis. */
  tp: Float64Array;
  fp: Float64Array;
  /** Curve indices to draw (increasing), from downsampleCurve: every local extreme kept. */
  drawIdx: Uint32Array;
  chance: number;
  dip: { topIdx: number; endIdx: number; minIdx: number } | null;
  axis: CurveAxis;
  /** Zoomed x range in the axis' units, or null. */
  zoom: [number, number] | null;
  /** Brush mode: dragging selects a stretch of the curve instead of hovering and clicking. */
  brush: boolean;
  /** The counterfactual curve (flags applied), drawn dashed over the original. */
  overlay?: { precision: Float64Array; recall: Float64Array; drawIdx: Uint32Array; ap: number; baseAp: number } | null;
}

/** Returned by drawPrChart: moves the selection marker without redrawing the curve. */
export interface ChartHandle {
  setSelected(idx: number | null, stretchTopIdx?: number | null): void;
}

export interface ChartHandlers {
  onHover(idx: number | null, at?: { x: number; y: number }): void;
  onSelect(idx: number): void;
  /** A brushed stretch: from curve index topIdx (exclusive: the pairs above it are not in the stretch) down to endIdx; plus its x range. */
  onBrush(topIdx: number, endIdx: number, range: [number, number]): void;
}

/**
 * Draws the exact precision-recall curve into `svg` (recall on x, precision on
 * y), with the chance level, iso-F1 lines, the dip band and marker. Pure
 * drawing: data in by argument, events out by callback. Hover and click read
 * the nearest point of the *full* curve, not the drawn one; a click selects the
 * point the tooltip shows.
 */
export function drawPrChart(svg: SVGSVGElement, d: ChartData, h: ChartHandlers): ChartHandle {
  const root = d3.select(svg).attr('viewBox', `0 0 ${WIDTH} ${HEIGHT}`);
  root.selectAll('*').remove();
  const iw = WIDTH - M.left - M.right;
  const ih = HEIGHT - M.top - M.bottom;
  const xs = xValues(d.axis, d.recall, d.tp, d.fp);
  const x = xScale(d.axis, xs, iw, d.zoom);
  const isLog = d.axis !== 'linear';
  const xv = (i: number) => x(isLog ? Math.max(xs[i], x.domain()[0]) : xs[i]);
  const y = d3.scaleLinear().domain([0, 1.02]).range([ih, 0]);
  const g = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  const clipId = `clip-${Math.random().toString(36).slice(2)}`;
  root.append('defs').append('clipPath').attr('id', clipId).append('rect').attr('width', iw).attr('height', ih);

  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(isLog ? 6 : 10, d.axis === 'rank' ? '~s' : d.axis === 'log' ? '~g' : undefined));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(10));
  g.append('text').attr('class', 'axis-label').attr('x', iw / 2).attr('y', ih + 38).attr('text-anchor', 'middle').text(axisLabel(d.axis));
  g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -ih / 2).attr('y', -42).attr('text-anchor', 'middle').text('precision');

  const plot = g.append('g').attr('clip-path', `url(#${clipId})`);
  const iso = d.axis !== 'rank' ? isoF1Lines(x, y) : [];
  const isoGroup = plot.append('g').attr('class', 'iso-f1');
  for (const l of iso) isoGroup.append('path').attr('d', d3.line()(l.pts));
  g.append('line').attr('class', 'chance').attr('x1', 0).attr('x2', iw).attr('y1', y(d.chance)).attr('y2', y(d.chance));
  g.append('text').attr('class', 'chance-label').attr('x', 6).attr('y', y(d.chance) - 5).text(`chance ${d.chance.toFixed(3)}`);

  if (d.dip) {
    const x0 = xv(d.dip.topIdx);
    const x1 = xv(d.dip.endIdx);
    plot.append('rect').attr('class', 'dip-band').attr('x', x0).attr('y', 0).attr('width', Math.max(x1 - x0, 3)).attr('height', ih);
  }

  // Every plotted point's screen position (hover and click use the full curve); on log axes the (recall 0, precision 1) end point is not one.
  const pts: ScreenPoints = screenPoints(d.axis, xs, d.precision, x, y);
  const lx = lineX(d.axis, x);
  const line = d3.line<number>().x((i) => lx(xs[i])).y((i) => pts.y[i]);
  const drawn = Array.from(d.drawIdx).filter((i) => i < pts.x.length).reverse(); // increasing recall
  plot.append('path').attr('class', 'curve').attr('d', line(drawn));
  // Labels over the curves, with a halo (styles.css), so a curve through one leaves it readable.
  for (const l of iso) {
    const end = l.pts[l.pts.length - 1]; // at recall 1, right-aligned above the line
    if (end) isoGroup.append('text').attr('x', end[0] - 2).attr('y', end[1] + 11).attr('text-anchor', 'end').text(`F1 ${l.f}`);
  }
  if (d.overlay && d.axis !== 'rank') drawOverlay(plot, g, d.overlay, lineX(d.axis, x), y, iw, ih, [{ x: drawn.map((i) => lx(xs[i])), y: drawn.map((i) => pts.y[i]) }, { x: [0, iw], y: [y(d.chance), y(d.chance)] }]);
  const stretch = plot.append('rect').attr('class', 'stretch-band').attr('y', 0).attr('height', ih).style('display', 'none');

  const overlay = g.append('rect').attr('class', 'overlay').attr('width', iw).attr('height', ih);
  if (d.brush) {
    overlay.style('display', 'none');
    const brush = d3
      .brushX()
      .extent([
        [0, 0],
        [iw, ih],
      ])
      .on('end', (ev: d3.D3BrushEvent<unknown>) => {
        if (!ev.selection) return;
        const [x0, x1] = ev.selection as [number, number];
        // x is non-increasing with the curve index: the right edge is the lower end (more recall / more pairs).
        const endIdx = Math.min(firstAtOrBelow(pts.x, x1), pts.x.length - 1);
        const topIdx = Math.min(firstAtOrBelow(pts.x, x0), pts.x.length - 1);
        h.onBrush(Math.max(topIdx, endIdx), endIdx, [x.invert(x0), x.invert(x1)]);
      });
    g.append('g').attr('class', 'brush').call(brush);
  }
  const hover = g.append('g').attr('class', 'hover').style('display', 'none');
  hover.append('circle').attr('r', 5);
  const at = (ev: PointerEvent) => {
    const [mx, my] = d3.pointer(ev, g.node());
    return nearestPoint(pts, mx, my, 10);
  };
  let hovered: number | null = null;
  overlay
    .on('pointermove', (ev: PointerEvent) => {
      const i = at(ev);
      if (i === null) return;
      hovered = i;
      hover.style('display', null).attr('transform', `translate(${pts.x[i]},${pts.y[i]})`);
      h.onHover(i, { x: pts.x[i] + M.left, y: pts.y[i] + M.top });
    })
    .on('pointerleave', () => {
      hovered = null;
      hover.style('display', 'none');
      h.onHover(null);
    })
    .on('click', (ev: PointerEvent) => {
      const i = hovered ?? at(ev);
      if (i !== null) h.onSelect(i);
    });

  if (d.dip) {
    const i = d.dip.minIdx;
    const dipIdx = d.dip.endIdx;
    g.append('circle')
      .attr('class', 'dip-marker')
      .attr('data-testid', 'dip')
      .attr('role', 'button')
      .attr('tabindex', 0)
      .attr('aria-label', `Low-recall dip: precision falls to ${d.precision[i].toFixed(3)}. Inspect the pairs in it.`)
      .attr('cx', pts.x[i])
      .attr('cy', pts.y[i])
      .attr('r', 8)
      .on('click', () => h.onSelect(dipIdx))
      .on('keydown', (ev: KeyboardEvent) => {
        if (ev.key === 'Enter' || ev.key === ' ') h.onSelect(dipIdx);
      });
    const label = dipLabelPosition(pts.x[i], pts.y[i], iw, ih);
    g.append('text').attr('class', 'dip-label').attr('x', label.x).attr('y', label.y).attr('text-anchor', label.anchor).text('dip');
  }

  const selLine = g.append('line').attr('class', 'selected-line').attr('y1', 0).attr('y2', ih).style('display', 'none');
  const selPoint = g.append('circle').attr('class', 'selected-point').attr('r', 6).style('display', 'none');
  return {
    setSelected(s, top = null) {
      // A point outside a zoomed axis is not drawn on its edge (where it would look like a point of the curve there).
      const [lo, hi] = x.domain();
      const show = s !== null && s < pts.x.length && xs[s] >= Math.min(lo, hi) && xs[s] <= Math.max(lo, hi);
      const display = show ? 'inline' : 'none';
      selLine.style('display', display);
      selPoint.style('display', display);
      stretch.style('display', show && top !== null ? 'inline' : 'none');
      if (!show) return;
      selLine.attr('x1', pts.x[s]).attr('x2', pts.x[s]);
      selPoint.attr('cx', pts.x[s]).attr('cy', pts.y[s]);
      if (top !== null && top < pts.x.length) stretch.attr('x', pts.x[top]).attr('width', Math.max(2, pts.x[s] - pts.x[top]));
    },
  };
}

function drawOverlay(
  plot: d3.Selection<SVGGElement, unknown, null, undefined>,
  g: d3.Selection<SVGGElement, unknown, null, undefined>,
  o: NonNullable<ChartData['overlay']>,
  lx: (recall: number) => number,
  y: d3.ScaleLinear<number, number>,
  iw: number,
  ih: number,
  /** What the legend must not cover: the curve as drawn, the chance line. */
  obstacles: Polyline[],
) {
  const idx = Array.from(o.drawIdx).reverse();
  const line = d3
    .line<number>()
    .x((i) => lx(o.recall[i]))
    .y((i) => y(o.precision[i]));
  plot.append('path').attr('class', 'curve-after').attr('data-testid', 'counterfactual-curve').attr('d', line(idx));
  // The legend goes in the corner of the plot that the curves and the chance line leave most empty.
  const after = { x: Array.from(o.drawIdx, (i) => lx(o.recall[i])), y: Array.from(o.drawIdx, (i) => y(o.precision[i])) };
  const spot = emptiestBox([...obstacles, after], LEGEND, iw, ih);
  const legend = g.append('g').attr('class', 'legend').attr('data-testid', 'curve-legend').attr('transform', `translate(${spot.x},${spot.y})`);
  legend.append('rect').attr('class', 'legend-bg').attr('x', -6).attr('y', -10).attr('width', LEGEND.width).attr('height', LEGEND.height);
  legend.append('line').attr('class', 'curve').attr('x1', 0).attr('x2', 24).attr('y1', 0).attr('y2', 0);
  legend.append('text').attr('x', 30).attr('y', 4).text(`as evaluated, AP ${o.baseAp.toFixed(4)}`);
  legend.append('line').attr('class', 'curve-after').attr('x1', 0).attr('x2', 24).attr('y1', 18).attr('y2', 18);
  legend.append('text').attr('x', 30).attr('y', 22).text(`with your flags, AP ${o.ap.toFixed(4)}`);
}

/** The overlay legend's box (its background rectangle), in plot pixels. */
const LEGEND = { width: 200, height: 38 };

/** The iso-F1 lines F1 = 0.2 … 0.8 in screen points, clipped to the x domain and the plot's top. */
function isoF1Lines(x: d3.ScaleContinuousNumeric<number, number>, y: d3.ScaleLinear<number, number>): { f: number; pts: [number, number][] }[] {
  return [0.2, 0.4, 0.6, 0.8].map((f) => {
    // F1 = 2PR/(P+R)  ⇒  P = F·R / (2R − F), defined for R > F/2.
    const [lo, hi] = x.domain();
    const rs = d3.range(0, 61).map((k) => f / 2 + ((1 - f / 2) * (k + 0.5)) / 61).filter((r) => r >= lo && r <= hi); // a zoomed x clamps: a line beyond it would pile up on the edge
    return { f, pts: rs.map((r) => [x(r), y((f * r) / (2 * r - f))] as [number, number]).filter(([, py]) => py >= y(1.02)) };
  });
}
