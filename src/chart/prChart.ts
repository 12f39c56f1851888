import * as d3 from 'd3';
import { nearestPoint, type ScreenPoints } from './nearestPoint';

export const WIDTH = 760;
export const HEIGHT = 460;
export const MARGIN = { top: 16, right: 20, bottom: 46, left: 56 };
const M = MARGIN;

export interface ChartData {
  precision: Float64Array;
  recall: Float64Array;
  /** Curve indices to draw (increasing), from downsampleCurve: every local extreme kept. */
  drawIdx: Uint32Array;
  chance: number;
  dip: { topIdx: number; endIdx: number; minIdx: number } | null;
  logRecall: boolean;
  /** The counterfactual curve (flags applied), drawn dashed over the original. */
  overlay?: { precision: Float64Array; recall: Float64Array; drawIdx: Uint32Array; ap: number; baseAp: number } | null;
}

/** Returned by drawPrChart: moves the selection marker without redrawing the curve. */
export interface ChartHandle {
  setSelected(idx: number | null): void;
}

export interface ChartHandlers {
  onHover(idx: number | null, at?: { x: number; y: number }): void;
  onSelect(idx: number): void;
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
  const minRecall = smallestPositive(d.recall);
  const x = d.logRecall
    ? d3.scaleLog().domain([Math.min(minRecall * 0.8, 0.01), 1]).range([0, iw]).clamp(true)
    : d3.scaleLinear().domain([0, 1]).range([0, iw]);
  const y = d3.scaleLinear().domain([0, 1.02]).range([ih, 0]);
  const g = root.append('g').attr('transform', `translate(${M.left},${M.top})`);

  g.append('g').attr('class', 'axis').attr('transform', `translate(0,${ih})`).call(d3.axisBottom(x).ticks(d.logRecall ? 5 : 10, d.logRecall ? '~g' : undefined));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(10));
  g.append('text').attr('class', 'axis-label').attr('x', iw / 2).attr('y', ih + 38).attr('text-anchor', 'middle').text(d.logRecall ? 'recall (log scale)' : 'recall');
  g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -ih / 2).attr('y', -42).attr('text-anchor', 'middle').text('precision');

  drawIsoF1(g, x, y);
  g.append('line').attr('class', 'chance').attr('x1', 0).attr('x2', iw).attr('y1', y(d.chance)).attr('y2', y(d.chance));
  g.append('text').attr('class', 'chance-label').attr('x', 6).attr('y', y(d.chance) - 5).text(`chance ${d.chance.toFixed(3)}`);

  if (d.dip) {
    const x0 = x(Math.max(d.recall[d.dip.topIdx], x.domain()[0]));
    const x1 = x(Math.max(d.recall[d.dip.endIdx], x.domain()[0]));
    g.append('rect').attr('class', 'dip-band').attr('x', x0).attr('y', 0).attr('width', Math.max(x1 - x0, 3)).attr('height', ih);
  }

  const pts: ScreenPoints = { x: new Float32Array(d.recall.length), y: new Float32Array(d.recall.length) };
  for (let i = 0; i < d.recall.length; i++) {
    pts.x[i] = x(d.logRecall ? Math.max(d.recall[i], x.domain()[0]) : d.recall[i]);
    pts.y[i] = y(d.precision[i]);
  }
  const line = d3.line<number>().x((i) => pts.x[i]).y((i) => pts.y[i]);
  const drawn = Array.from(d.drawIdx).reverse(); // increasing recall
  g.append('path').attr('class', 'curve').attr('d', line(drawn));
  if (d.overlay) drawOverlay(g, d.overlay, x, y, d.logRecall, iw);

  const overlay = g.append('rect').attr('class', 'overlay').attr('width', iw).attr('height', ih);
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
    g.append('text').attr('class', 'dip-label').attr('x', pts.x[i] + 11).attr('y', pts.y[i] + 4).text('dip');
  }

  const selLine = g.append('line').attr('class', 'selected-line').attr('y1', 0).attr('y2', ih).style('display', 'none');
  const selPoint = g.append('circle').attr('class', 'selected-point').attr('r', 6).style('display', 'none');
  return {
    setSelected(s) {
      const show = s !== null && s < pts.x.length;
      const display = show ? 'inline' : 'none';
      selLine.style('display', display);
      selPoint.style('display', display);
      if (!show) return;
      selLine.attr('x1', pts.x[s]).attr('x2', pts.x[s]);
      selPoint.attr('cx', pts.x[s]).attr('cy', pts.y[s]);
    },
  };
}

function drawOverlay(
  g: d3.Selection<SVGGElement, unknown, null, undefined>,
  o: NonNullable<ChartData['overlay']>,
  x: d3.ScaleContinuousNumeric<number, number>,
  y: d3.ScaleLinear<number, number>,
  logRecall: boolean,
  iw: number,
) {
  const lo = x.domain()[0];
  const idx = Array.from(o.drawIdx).reverse();
  const line = d3
    .line<number>()
    .x((i) => x(logRecall ? Math.max(o.recall[i], lo) : o.recall[i]))
    .y((i) => y(o.precision[i]));
  g.append('path').attr('class', 'curve-after').attr('data-testid', 'counterfactual-curve').attr('d', line(idx));
  const legend = g.append('g').attr('class', 'legend').attr('transform', `translate(${iw - 250},${y(0.3)})`);
  legend.append('line').attr('class', 'curve').attr('x1', 0).attr('x2', 24).attr('y1', 0).attr('y2', 0);
  legend.append('text').attr('x', 30).attr('y', 4).text(`as evaluated, AP ${o.baseAp.toFixed(4)}`);
  legend.append('line').attr('class', 'curve-after').attr('x1', 0).attr('x2', 24).attr('y1', 18).attr('y2', 18);
  legend.append('text').attr('x', 30).attr('y', 22).text(`without flagged items, AP ${o.ap.toFixed(4)}`);
}

function drawIsoF1(g: d3.Selection<SVGGElement, unknown, null, undefined>, x: d3.ScaleContinuousNumeric<number, number>, y: d3.ScaleLinear<number, number>) {
  const iso = g.append('g').attr('class', 'iso-f1');
  for (const f of [0.2, 0.4, 0.6, 0.8]) {
    // F1 = 2PR/(P+R)  ⇒  P = F·R / (2R − F), defined for R > F/2.
    const rs = d3.range(0, 61).map((k) => f / 2 + ((1 - f / 2) * (k + 0.5)) / 61).filter((r) => r >= x.domain()[0]);
    const pts = rs.map((r) => [x(r), y((f * r) / (2 * r - f))] as [number, number]).filter(([, py]) => py >= y(1.02));
    iso.append('path').attr('d', d3.line()(pts));
    const end = pts[pts.length - 1]; // at recall 1, right-aligned above the line
    if (end) iso.append('text').attr('x', end[0] - 2).attr('y', end[1] + 11).attr('text-anchor', 'end').text(`F1 ${f}`);
  }
}

function smallestPositive(a: Float64Array): number {
  let m = 1;
  for (let i = 0; i < a.length; i++) if (a[i] > 0 && a[i] < m) m = a[i];
  return m;
}
