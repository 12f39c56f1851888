import * as d3 from 'd3';
import type { ScoreHistograms } from '../diagnostics/histograms';

export const HIST_WIDTH = 620;
export const HIST_HEIGHT = 250;
export const HIST_MARGIN = { top: 26, right: 16, bottom: 40, left: 56 };
const M = HIST_MARGIN;

export interface HistogramData {
  hist: ScoreHistograms;
  /** log-scaled y axis (shows the impostor tail at high scores) */
  logY: boolean;
  /** x axis title, e.g. "score (−squared L2 distance)" */
  scoreLabel: string;
  /** What makes a pair genuine / impostor (default: same class / different classes; a pair list: as listed). */
  pairKinds?: [string, string];
}

/** Returned by drawHistogram: moves the threshold line without redrawing the bars. */
export interface HistogramHandle {
  /** Pairs with score ≥ t are predicted positive; null or +Infinity hides the line. */
  setThreshold(t: number | null): void;
}

/**
 * Draws the genuine (positive pairs) and impostor (negative pairs) score
 * histograms overlaid into `svg`, each normalised to its own total (the
 * impostors outnumber the genuine pairs many times over), with a movable
 * threshold line. A click reports the score under the pointer.
 * Pure drawing: data in by argument, events out by callback.
 */
export function drawHistogram(svg: SVGSVGElement, d: HistogramData, onPick: (score: number) => void): HistogramHandle {
  const root = d3.select(svg).attr('viewBox', `0 0 ${HIST_WIDTH} ${HIST_HEIGHT}`);
  root.selectAll('*').remove();
  const iw = HIST_WIDTH - M.left - M.right;
  const ih = HIST_HEIGHT - M.top - M.bottom;
  const { edges, genuine, impostor, genuineTotal, impostorTotal } = d.hist;
  const bins = genuine.length;
  const gShare = Float64Array.from(genuine, (c) => (genuineTotal > 0 ? c / genuineTotal : 0));
  const iShare = Float64Array.from(impostor, (c) => (impostorTotal > 0 ? c / impostorTotal : 0));

  let maxShare = 0;
  let minShare = 1;
  for (let b = 0; b < bins; b++) {
    for (const v of [gShare[b], iShare[b]]) {
      if (v > maxShare) maxShare = v;
      if (v > 0 && v < minShare) minShare = v;
    }
  }
  if (maxShare === 0) maxShare = 1;
  // Scores near ±1.8e308 overflow edges[bins] − edges[0]; then the axis runs over half-scores, labelled with the scores.
  const half = Number.isFinite(edges[bins] - edges[0]) ? 1 : 2;
  const xHalf = d3.scaleLinear().domain([edges[0] / half, edges[bins] / half]).range([0, iw]);
  const x = Object.assign((v: number) => xHalf(v / half), { invert: (px: number) => xHalf.invert(px) * half });
  const halfTick = xHalf.tickFormat(8);
  const y = d.logY
    ? d3.scaleLog().domain([Math.min(minShare, maxShare) / 2, maxShare * 1.5]).range([ih, 0]).clamp(true)
    : d3.scaleLinear().domain([0, maxShare * 1.05]).range([ih, 0]);
  const yAt = (v: number) => (v > 0 ? y(v) : ih);

  const g = root.append('g').attr('transform', `translate(${M.left},${M.top})`);
  g.append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(0,${ih})`)
    .call(half === 1 ? d3.axisBottom(xHalf).ticks(8) : d3.axisBottom(xHalf).ticks(8).tickFormat((v) => halfTick(Number(v) * half)));
  g.append('g').attr('class', 'axis').call(d3.axisLeft(y).ticks(d.logY ? 4 : 5, d.logY ? '~%' : '.0%'));
  g.append('text').attr('class', 'axis-label').attr('x', iw / 2).attr('y', ih + 34).attr('text-anchor', 'middle').text(d.scoreLabel);
  g.append('text').attr('class', 'axis-label').attr('transform', 'rotate(-90)').attr('x', -ih / 2).attr('y', -44).attr('text-anchor', 'middle').text('share of its pairs');

  const steps = (share: Float64Array): string => {
    const pts: [number, number][] = [[x(edges[0]), ih]];
    for (let b = 0; b < bins; b++) pts.push([x(edges[b]), yAt(share[b])], [x(edges[b + 1]), yAt(share[b])]);
    pts.push([x(edges[bins]), ih]);
    return d3.line()(pts) ?? '';
  };
  const predicted = g.append('rect').attr('class', 'hist-predicted').attr('y', 0).attr('height', ih).style('display', 'none');
  g.append('path').attr('class', 'hist-impostor').attr('d', steps(iShare));
  g.append('path').attr('class', 'hist-genuine').attr('d', steps(gShare));

  const legend = root.append('g').attr('class', 'hist-legend').attr('transform', `translate(${M.left},14)`);
  const items: [string, string][] = [
    ['hist-genuine', `genuine (${d.pairKinds?.[0] ?? 'same class'}): ${genuineTotal.toLocaleString('en-US')}`],
    ['hist-impostor', `impostor (${d.pairKinds?.[1] ?? 'different classes'}): ${impostorTotal.toLocaleString('en-US')}`],
  ];
  let lx = 0;
  for (const [cls, label] of items) {
    legend.append('rect').attr('class', cls).attr('x', lx).attr('y', -9).attr('width', 12).attr('height', 10);
    const text = legend.append('text').attr('x', lx + 16).attr('y', 0).text(label);
    lx += 16 + textWidth(text.node(), label) + 18;
  }

  const line = g.append('line').attr('class', 'threshold-line').attr('y1', -4).attr('y2', ih).style('display', 'none');
  const lineLabel = g.append('text').attr('class', 'threshold-label').attr('y', 8).style('display', 'none');
  const overlay = g.append('rect').attr('class', 'overlay').attr('width', iw).attr('height', ih);
  const hoverLine = g.append('line').attr('class', 'hist-hover').attr('y1', 0).attr('y2', ih).style('display', 'none');
  overlay
    .on('pointermove', (ev: PointerEvent) => {
      const [mx] = d3.pointer(ev, g.node());
      hoverLine.style('display', null).attr('x1', mx).attr('x2', mx);
    })
    .on('pointerleave', () => hoverLine.style('display', 'none'))
    .on('click', (ev: PointerEvent) => {
      const [mx] = d3.pointer(ev, g.node());
      onPick(x.invert(Math.max(0, Math.min(iw, mx))));
    });

  return {
    setThreshold(t) {
      const show = t !== null && Number.isFinite(t);
      const display = show ? 'inline' : 'none';
      line.style('display', display);
      lineLabel.style('display', display);
      predicted.style('display', display);
      if (!show) return;
      const px = Math.max(0, Math.min(iw, x(t)));
      line.attr('x1', px).attr('x2', px);
      predicted.attr('x', px).attr('width', iw - px);
      const right = px < iw * 0.7;
      lineLabel
        .attr('x', right ? px + 5 : px - 5)
        .attr('text-anchor', right ? 'start' : 'end')
        .text(`score ≥ ${Number(t.toPrecision(4))}: predicted match`);
    },
  };
}

/** Rendered width of a text element (an estimate where layout is unavailable, e.g. a detached svg). */
function textWidth(el: SVGTextElement | null, label: string): number {
  let w = 0;
  try {
    w = el?.getComputedTextLength() ?? 0;
  } catch {
    w = 0;
  }
  return w > 0 ? w : label.length * 7;
}
