import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { drawDet, drawRoc, ROC_HEIGHT, ROC_WIDTH, type RocHandle } from '../chart/rocChart';
import { rocFromPrCurve } from '../metrics/roc';
import { detFromPrCurve } from '../metrics/det';
import { pointAtThreshold } from '../metrics/curveQuery';
import { tarAtFar } from '../metrics/tarAtFar';
import type { PrCurve } from '../metrics/prCurve';
import { formatRate } from './format';

type Mode = 'roc' | 'det';
const FAR_SHOWN = [1e-2, 1e-3, 1e-4];

/**
 * ROC or DET curve of the current evaluation with the selected threshold
 * marked; a click selects the curve point at that threshold. Both curves are
 * derived from the PR curve's cumulative counts (same thresholds, no second
 * sort: O(distinct scores), a few ms for 500k pairs).
 */
export function RocPanel() {
  const { evaluation, selectedIdx, select } = useApp(useShallow((s) => ({ evaluation: s.evaluation, selectedIdx: s.selectedIdx, select: s.select })));
  const [mode, setMode] = useState<Mode>('roc');
  const svgRef = useRef<SVGSVGElement>(null);
  const chart = useRef<RocHandle | null>(null);
  const curve = evaluation?.curve ?? null;
  // The metrics worker sends the ROC with the evaluation; computed here only for evaluations made elsewhere.
  const roc = useMemo(() => (evaluation ? (evaluation.roc ?? rocFromPrCurve(evaluation.curve)) : null), [evaluation]);
  const det = useMemo(() => (curve && mode === 'det' ? detFromPrCurve(curve) : null), [curve, mode]);
  const tar = useMemo(() => (curve ? tarAtFar(curve, FAR_SHOWN) : null), [curve]);
  const selected = useMemo(() => (curve && selectedIdx !== null ? markerAt(curve, selectedIdx, mode) : null), [curve, selectedIdx, mode]);
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(() => {
    if (!curve || !roc || !svgRef.current) return;
    const pick = (t: number) => select(pointAtThreshold(curve, t));
    const negatives = curve.n - curve.positives;
    if (mode === 'roc') chart.current = drawRoc(svgRef.current, roc, pick);
    else if (det) chart.current = drawDet(svgRef.current, det, { positives: curve.positives, negatives }, pick);
    chart.current?.setSelected(selectedRef.current);
  }, [curve, roc, det, mode, select]);
  useEffect(() => chart.current?.setSelected(selected), [selected]);

  if (!curve || !roc) return null;
  return (
    <section className="roc-panel" aria-label="ROC and DET curves">
      <div className="toolbar">
        <h2>{mode === 'roc' ? 'ROC curve' : 'DET curve'}</h2>
        <span role="radiogroup" aria-label="curve">
          <label>
            <input type="radio" name="roc-mode" checked={mode === 'roc'} onChange={() => setMode('roc')} /> ROC
          </label>
          <label>
            <input type="radio" name="roc-mode" data-testid="det-toggle" checked={mode === 'det'} onChange={() => setMode('det')} /> DET (log axes)
          </label>
        </span>
      </div>
      <svg
        ref={svgRef}
        className="roc-chart"
        data-testid={mode === 'roc' ? 'roc-curve' : 'det-curve'}
        role="img"
        aria-label={mode === 'roc' ? 'ROC curve: true positive rate against false positive rate. Click to pick a threshold.' : 'DET curve: false non-match rate against false match rate, log axes. Click to pick a threshold.'}
        viewBox={`0 0 ${ROC_WIDTH} ${ROC_HEIGHT}`}
      />
      <p className="muted roc-notes">
        {roc.auc !== null && (
          <>
            ROC AUC <b data-testid="roc-auc-value">{roc.auc.toFixed(4)}</b>
          </>
        )}
        {tar &&
          tar.map((t) => (
            <span key={t.targetFar}>
              {' '}
              · TAR@FAR {t.targetFar.toExponential(0)} {t.resolvable ? <b>{formatRate(t.tar)}</b> : <span title="fewer negative pairs than 1 / FAR: not measurable">n/a</span>}
            </span>
          ))}
      </p>
    </section>
  );
}

/** The selected curve point in the chart's units: ROC (FPR, TPR) or DET (FMR, FNMR). Exact: same counts, same threshold. */
function markerAt(c: PrCurve, idx: number, mode: Mode): { x: number; y: number } {
  const m = c.thresholds.length;
  const tp = idx < m ? c.tp[idx] : 0;
  const fp = idx < m ? c.fp[idx] : 0;
  const negatives = c.n - c.positives;
  const fpr = negatives > 0 ? fp / negatives : 0;
  if (c.positives === 0) return { x: fpr, y: 0 };
  return mode === 'roc' ? { x: fpr, y: tp / c.positives } : { x: fpr, y: (c.positives - tp) / c.positives };
}
