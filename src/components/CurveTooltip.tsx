import type { PrCurve } from '../metrics/prCurve';
import { WIDTH, HEIGHT } from '../chart/prChart';
import { countOf, formatCount, formatRate, formatScore } from './format';

/** Exact values of one curve point (flips below the point near the top of the chart). */
export function CurveTooltip({ curve, idx, x, y }: { curve: PrCurve; idx: number; x: number; y: number }) {
  const isEnd = idx >= curve.thresholds.length;
  const style = { left: `${(x / WIDTH) * 100}%`, top: `${(y / HEIGHT) * 100}%` };
  const below = y < HEIGHT * 0.3;
  return (
    <div className={`tooltip${below ? ' below' : ''}`} data-testid="tooltip" style={style}>
      {isEnd ? <div>end point (recall 0, precision 1 by convention)</div> : <PointValues curve={curve} idx={idx} />}
    </div>
  );
}

export function PointValues({ curve, idx }: { curve: PrCurve; idx: number }) {
  return (
    <>
      <div>
        threshold (score) ≥ <b>{formatScore(curve.thresholds[idx])}</b>
      </div>
      <div>
        precision <b>{formatRate(curve.precision[idx])}</b> · recall <b>{formatRate(curve.recall[idx])}</b>
      </div>
      <div>
        TP <b>{formatCount(curve.tp[idx])}</b> · FP <b>{formatCount(curve.fp[idx])}</b> · top {countOf(curve.tp[idx] + curve.fp[idx], 'pair')}
      </div>
    </>
  );
}
