import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { scoreHistograms, HIST_BINS as BINS } from '../diagnostics/histograms';
import { drawHistogram, HIST_WIDTH, HIST_HEIGHT, type HistogramHandle } from '../chart/histogram';
import { operatingPointAt } from '../metrics/bestF1';
import { pointAtThreshold } from '../metrics/curveQuery';
import type { PrCurve } from '../metrics/prCurve';
import { countOf, formatCount, formatRate, formatScore } from './format';


/**
 * Genuine vs impostor score histograms with the selected threshold, and the
 * confusion counts at it. A click (or ←/→ on the focused chart) on the
 * histogram selects the curve point at that score, so every view follows.
 */
/** A pair list's or a scores table's pairs are same/different as the file says, not by class folders. */
const LISTED_KINDS: [string, string] = ['listed as same', 'listed as different'];

export function ThresholdPanel() {
  const { evaluation, selectedIdx, select, listed } = useApp(
    useShallow((s) => ({ evaluation: s.evaluation, selectedIdx: s.selectedIdx, select: s.select, listed: s.dataset?.pairs?.origin.kind === 'list' || !!s.evaluation?.scoresFrom })),
  );
  const [logY, setLogY] = useState(true);
  const svgRef = useRef<SVGSVGElement>(null);
  const chart = useRef<HistogramHandle | null>(null);
  const hist = useMemo(() => (evaluation ? (evaluation.histograms ?? scoreHistograms(evaluation.scores, evaluation.labels, BINS)) : null), [evaluation]);
  const threshold = evaluation && selectedIdx !== null ? thresholdAt(evaluation.curve, selectedIdx) : null;
  const thresholdRef = useRef(threshold);
  thresholdRef.current = threshold;

  useEffect(() => {
    if (!evaluation || !hist || !svgRef.current) return;
    const scoreLabel = evaluation.scoresFrom ? `score (as given in ${evaluation.scoresFrom})` : evaluation.metric === 'neg-sq-l2' ? 'score (−squared L2 distance)' : 'score (cosine similarity)';
    const pairKinds: [string, string] | undefined = listed ? LISTED_KINDS : undefined;
    chart.current = drawHistogram(svgRef.current, { hist, logY, scoreLabel, pairKinds }, (t) => select(pointAtThreshold(evaluation.curve, t)));
    chart.current.setThreshold(thresholdRef.current);
  }, [evaluation, hist, logY, select, listed]);
  useEffect(() => chart.current?.setThreshold(threshold), [threshold]);

  if (!evaluation || !hist) return null;
  const c = evaluation.curve;
  const binWidth = (hist.edges[BINS] - hist.edges[0]) / BINS;
  const onKey = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const from = threshold !== null && Number.isFinite(threshold) ? threshold : hist.edges[BINS];
    const to = from + (e.key === 'ArrowRight' ? binWidth : -binWidth);
    select(pointAtThreshold(c, Math.min(Math.max(to, hist.edges[0]), hist.edges[BINS] + binWidth)));
  };

  return (
    <section className="threshold-panel" aria-label="score histograms and threshold">
      <div className="toolbar">
        <h2>Genuine vs impostor scores</h2>
        <label>
          <input type="checkbox" checked={logY} onChange={(e) => setLogY(e.target.checked)} /> log scale
        </label>
      </div>
      <svg
        ref={svgRef}
        className="hist-chart"
        data-testid="score-histogram"
        role="img"
        tabIndex={0}
        onKeyDown={onKey}
        aria-label="Score histograms of genuine and impostor pairs. Click a score, or focus and use ←/→, to set the threshold."
        viewBox={`0 0 ${HIST_WIDTH} ${HIST_HEIGHT}`}
      />
      {hist.skipped > 0 && <p className="muted">{countOf(hist.skipped, 'pair')} with a non-finite score {hist.skipped === 1 ? 'is' : 'are'} not shown.</p>}
      {selectedIdx === null ? (
        <p className="muted">Click the curve or the histogram to pick a threshold.</p>
      ) : (
        <ThresholdReadout curve={c} idx={selectedIdx} rows={listed ? LISTED_KINDS : ['same class', 'different classes']} />
      )}
    </section>
  );
}

function thresholdAt(c: PrCurve, idx: number): number {
  return idx < c.thresholds.length ? c.thresholds[idx] : Infinity;
}

/** TP, FP, TN, FN, precision, recall and F1 when every score ≥ the threshold of curve point `idx` is predicted a match. */
function ThresholdReadout({ curve, idx, rows }: { curve: PrCurve; idx: number; rows: [string, string] }) {
  const op = operatingPointAt(curve, idx, thresholdAt(curve, idx));
  const cells: [string, string, number][] = [
    ['tp', 'TP', op.tp],
    ['fn', 'FN', op.fn],
    ['fp', 'FP', op.fp],
    ['tn', 'TN', op.tn],
  ];
  return (
    <div className="threshold-readout" data-testid="threshold-readout" aria-live="polite">
      <p>
        {Number.isFinite(op.threshold) ? (
          <>
            Predicted match when score ≥ <b data-testid="threshold-value">{formatScore(op.threshold)}</b>
          </>
        ) : (
          'Above every score: no pair is predicted a match'
        )}
      </p>
      <table className="threshold-confusion">
        <thead>
          <tr>
            <th />
            <th scope="col">predicted match</th>
            <th scope="col">predicted non-match</th>
          </tr>
        </thead>
        <tbody>
          {[0, 2].map((row) => (
            <tr key={row}>
              <th scope="row">{row === 0 ? rows[0] : rows[1]}</th>
              {cells.slice(row, row + 2).map(([id, name, v]) => (
                <td key={id} className={`cell-${id}`}>
                  {name} <b data-testid={`threshold-${id}`} data-value={v}>{formatCount(v)}</b>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="rates">
        precision <b data-testid="threshold-precision">{formatRate(op.precision)}</b> · recall <b data-testid="threshold-recall">{formatRate(op.recall)}</b> · F1{' '}
        <b data-testid="threshold-f1">{formatRate(op.f1)}</b>
      </p>
    </div>
  );
}
