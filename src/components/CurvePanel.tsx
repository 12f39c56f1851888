import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { dipOf } from '../state/derived';
import { drawPrChart, WIDTH, HEIGHT } from '../chart/prChart';
import { downsampleCurve } from '../metrics/curveQuery';
import { CurveTooltip } from './CurveTooltip';

const MAX_DRAWN = 4000;
const TOP_RANKS_ALWAYS_DRAWN = 2000;

/** The chart with its controls; hover reads exact values from the full curve. */
export function CurvePanel() {
  const { evaluation, selectedIdx, logRecall, select, setLogRecall } = useApp(
    useShallow((s) => ({ evaluation: s.evaluation, selectedIdx: s.selectedIdx, logRecall: s.logRecall, select: s.select, setLogRecall: s.setLogRecall })),
  );
  const svgRef = useRef<SVGSVGElement>(null);
  const [hover, setHover] = useState<{ idx: number; x: number; y: number } | null>(null);
  const dip = dipOf(evaluation);

  const drawIdx = useMemo(() => {
    if (!evaluation) return new Uint32Array(0);
    const c = evaluation.curve;
    const base = downsampleCurve(c, MAX_DRAWN);
    // The first ranks are few pixels wide on a linear axis but wide on a log axis: always draw them exactly.
    const lastIdx = c.precision.length - 1;
    const extra = new Set<number>(base);
    for (let i = Math.max(0, lastIdx - TOP_RANKS_ALWAYS_DRAWN); i <= lastIdx; i++) extra.add(i);
    return Uint32Array.from([...extra].sort((a, b) => a - b));
  }, [evaluation]);

  useEffect(() => {
    if (!evaluation || !svgRef.current) return;
    const c = evaluation.curve;
    drawPrChart(
      svgRef.current,
      { precision: c.precision, recall: c.recall, drawIdx, chance: c.chance, dip, selectedIdx, logRecall },
      {
        onHover: (idx, at) => setHover(idx === null || !at ? null : { idx, ...at }),
        onSelect: (idx) => select(idx),
      },
    );
  }, [evaluation, drawIdx, dip, selectedIdx, logRecall, select]);

  if (!evaluation) return null;
  const last = evaluation.curve.precision.length - 1;
  const onKey = (e: React.KeyboardEvent) => {
    // Arrow keys walk the curve one operating point at a time (right = more recall).
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    e.preventDefault();
    const cur = selectedIdx ?? last;
    select(Math.max(0, Math.min(last, cur + (e.key === 'ArrowRight' ? -1 : 1))));
  };

  return (
    <section className="curve-panel" aria-label="precision-recall curve">
      <div className="toolbar">
        <label>
          <input type="checkbox" checked={logRecall} onChange={(e) => setLogRecall(e.target.checked)} /> log recall (zoom into low recall)
        </label>
        {dip && (
          <button className="primary" onClick={() => select(dip.endIdx)}>
            Inspect the dip
          </button>
        )}
        {!dip && <span className="muted">No low-recall dip: precision is highest where the model is most confident.</span>}
      </div>
      <div className="chart-wrap">
        <svg ref={svgRef} data-testid="pr-curve" role="img" aria-label="precision-recall curve; click a point to list its pairs" tabIndex={0} onKeyDown={onKey} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} />
        {hover && <CurveTooltip curve={evaluation.curve} idx={hover.idx} x={hover.x} y={hover.y} />}
      </div>
    </section>
  );
}
