import type { PrCurve } from '../metrics/prCurve';
import { WIDTH, HEIGHT } from '../chart/prChart';

/** Exact values of one curve point. */
export function CurveTooltip({ curve, idx, x, y }: { curve: PrCurve; idx: number; x: number; y: number }) {
  const isEnd = idx >= curve.thresholds.length;
  const left = `${(x / WIDTH) * 100}%`;
  const top = `${(y / HEIGHT) * 100}%`;
  return (
    <div className="tooltip" data-testid="tooltip" style={{ left, top }}>
      {isEnd ? (
        <div>end point (recall 0, precision 1 by convention)</div>
      ) : (
        <>
          <div>
            threshold (score) <b>{curve.thresholds[idx].toPrecision(6)}</b>
          </div>
          <div>
            precision <b>{curve.precision[idx].toFixed(4)}</b> · recall <b>{curve.recall[idx].toFixed(4)}</b>
          </div>
          <div>
            TP <b>{curve.tp[idx].toLocaleString()}</b> · FP <b>{curve.fp[idx].toLocaleString()}</b> · top {(curve.tp[idx] + curve.fp[idx]).toLocaleString()} pairs
          </div>
        </>
      )}
    </div>
  );
}
