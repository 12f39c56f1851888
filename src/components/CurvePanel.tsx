import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { dipOf } from '../state/derived';
import { drawPrChart, WIDTH, HEIGHT, type ChartHandle } from '../chart/prChart';
import { nextCurveIndex } from '../chart/curveKeys';
import { dipView } from '../chart/prScales';
import { downsampleCurve } from '../metrics/curveQuery';
import { CurveTooltip } from './CurveTooltip';

const MAX_DRAWN = 4000;
const TOP_RANKS_ALWAYS_DRAWN = 2000;

/** The chart with its controls; hover reads exact values from the full curve. */
export function CurvePanel() {
  const { evaluation, selectedIdx, stretchTopIdx, axis, zoom, select, selectStretch, setAxis, setZoom, counterfactual } = useApp(
    useShallow((s) => ({
      evaluation: s.evaluation,
      selectedIdx: s.selectedIdx,
      stretchTopIdx: s.stretchTopIdx,
      axis: s.axis,
      zoom: s.zoom,
      select: s.select,
      selectStretch: s.selectStretch,
      setAxis: s.setAxis,
      setZoom: s.setZoom,
      counterfactual: s.counterfactual,
    })),
  );
  const [brushMode, setBrushMode] = useState(false);
  const [brushed, setBrushed] = useState<[number, number] | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const chart = useRef<ChartHandle | null>(null);
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

  const overlay = useMemo(() => {
    if (!counterfactual || !evaluation) return null;
    const o = counterfactual.curve;
    return { precision: o.precision, recall: o.recall, drawIdx: downsampleCurve(o, MAX_DRAWN), ap: o.ap, baseAp: evaluation.curve.ap };
  }, [counterfactual, evaluation]);

  useEffect(() => {
    if (!evaluation || !svgRef.current) return;
    const c = evaluation.curve;
    chart.current = drawPrChart(
      svgRef.current,
      { precision: c.precision, recall: c.recall, tp: c.tp, fp: c.fp, drawIdx, chance: c.chance, dip, axis, zoom, brush: brushMode, overlay },
      {
        onHover: (idx, at) => setHover(idx === null || !at ? null : { idx, ...at }),
        onSelect: (idx) => select(idx),
        onBrush: (topIdx, endIdx, range) => {
          selectStretch(topIdx, endIdx);
          setBrushed(range);
        },
      },
    );
    chart.current.setSelected(current.current.selectedIdx, current.current.stretchTopIdx);
  }, [evaluation, drawIdx, dip, axis, zoom, brushMode, select, selectStretch, overlay]);

  // Moving the selection only moves its marker (the curve is not redrawn).
  const current = useRef({ selectedIdx, stretchTopIdx });
  current.current = { selectedIdx, stretchTopIdx };
  useEffect(() => chart.current?.setSelected(selectedIdx, stretchTopIdx), [selectedIdx, stretchTopIdx]);

  if (!evaluation) return null;
  const c = evaluation.curve;
  const onKey = (e: React.KeyboardEvent) => {
    const current = selectedIdx ?? hover?.idx ?? c.precision.length - 2;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      select(Math.max(0, current));
      return;
    }
    const next = nextCurveIndex(e.key, e.shiftKey, Math.max(0, current), c.recall);
    if (next === null) return;
    e.preventDefault();
    select(next);
  };

  return (
    <section className="curve-panel" aria-label="precision-recall curve">
      <div className="toolbar">
        <label>
          x axis{' '}
          <select value={axis} onChange={(e) => setAxis(e.target.value as typeof axis)} data-testid="axis">
            <option value="linear">recall</option>
            <option value="log">recall, log scale (low recall)</option>
            <option value="rank">rank: top-k pairs (log)</option>
          </select>
        </label>
        <label title="Drag across the chart to select a stretch of the curve; its pairs are listed">
          <input type="checkbox" checked={brushMode} onChange={(e) => setBrushMode(e.target.checked)} data-testid="brush-mode" /> brush a stretch
        </label>
        {brushed && brushMode && (
          <button className="secondary" onClick={() => setZoom([Math.min(...brushed), Math.max(...brushed)])}>
            Zoom to stretch
          </button>
        )}
        {zoom && (
          <button className="secondary" onClick={() => setZoom(null)}>
            Reset zoom
          </button>
        )}
        {dip && (
          <button
            className="primary"
            title="Switch to the log-recall axis, zoom onto the dip and list its pairs"
            onClick={() => {
              const view = dipView(c.recall, dip);
              setAxis(view.axis); // clears the zoom…
              setZoom(view.zoom); // …so zoom after
              select(dip.endIdx);
            }}
          >
            Inspect the dip
          </button>
        )}
        {!dip && <span className="muted">No low-recall dip: up to recall 0.5, precision never falls more than 0.05 below what it recovers to.</span>}
      </div>
      <div className="chart-wrap">
        <svg
          ref={svgRef}
          data-testid="pr-curve"
          role="img"
          aria-label="Precision-recall curve. Click a point, or focus and use the arrow keys (Shift, Page Up/Down, Home, End for bigger steps), to list its pairs."
          tabIndex={0}
          onKeyDown={onKey}
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        />
        {hover && <CurveTooltip curve={c} idx={hover.idx} x={hover.x} y={hover.y} />}
      </div>
      <p className="muted keys-hint">Keys on the chart: ←/→ one point · Shift+←/→ 1 % recall · PgUp/PgDn 10 % · Home/End · Enter selects. Brush mode: drag to list a stretch, then zoom to it.</p>
    </section>
  );
}
