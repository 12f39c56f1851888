import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { listPairs } from '../diagnostics/listPairs';
import { tagPair } from '../diagnostics/tagPairs';
import { diagnosisOf } from '../state/derived';
import { PairCard } from './PairCard';
import { PointValues } from './CurveTooltip';
import { formatCount, formatScore } from './format';

const SHOWN = 120;

/** The pairs ranked at or above the selected point: false positives only by default, most confident first. */
export function Gallery() {
  const { evaluation, selectedIdx, filter, setFilter, order, setOrder, dataset, embedding } = useApp(
    useShallow((s) => ({
      embedding: s.embedding,
      evaluation: s.evaluation,
      selectedIdx: s.selectedIdx,
      filter: s.filter,
      setFilter: s.setFilter,
      order: s.order,
      setOrder: s.setOrder,
      dataset: s.dataset,
    })),
  );
  const listed = useMemo(() => {
    if (!evaluation || selectedIdx === null) return null;
    const c = evaluation.curve;
    if (selectedIdx >= c.thresholds.length) return { pairs: [], total: 0, rank: 0, threshold: Infinity };
    const rank = c.tp[selectedIdx] + c.fp[selectedIdx];
    return { ...listPairs(evaluation, rank, filter, SHOWN, order), rank, threshold: c.thresholds[selectedIdx] };
  }, [evaluation, selectedIdx, filter, order]);

  const diagnosis = useMemo(() => diagnosisOf(evaluation, embedding, dataset), [evaluation, embedding, dataset]);

  if (!evaluation || !dataset) return null;
  if (!listed || selectedIdx === null) {
    return (
      <section className="gallery empty" aria-label="pairs">
        <p className="muted">Click the curve (or focus it and press Enter) to list the pairs ranked at or above that point.</p>
      </section>
    );
  }
  const what = filter === 'fp' ? 'false positives' : 'pairs';
  return (
    <section className="gallery" data-testid="fp-gallery" aria-label="pairs at the selected point">
      <header>
        <div className="selection-readout" aria-live="polite" data-testid="selection">
          {selectedIdx < evaluation.curve.thresholds.length ? <PointValues curve={evaluation.curve} idx={selectedIdx} /> : 'end point: no pair is predicted positive'}
        </div>
        <h2>
          {formatCount(listed.total)} {what} among the top {formatCount(listed.rank)} pairs
          {Number.isFinite(listed.threshold) && <> (score ≥ {formatScore(listed.threshold)})</>}
        </h2>
        <div className="gallery-controls">
          <span role="radiogroup" aria-label="which pairs">
            <label>
              <input type="radio" name="filter" checked={filter === 'fp'} onChange={() => setFilter('fp')} /> false positives only
            </label>
            <label>
              <input type="radio" name="filter" checked={filter === 'all'} onChange={() => setFilter('all')} /> all pairs
            </label>
          </span>
          <span role="radiogroup" aria-label="order">
            <label>
              <input type="radio" name="order" checked={order === 'top'} onChange={() => setOrder('top')} /> most confident first
            </label>
            <label>
              <input type="radio" name="order" checked={order === 'threshold'} onChange={() => setOrder('threshold')} /> nearest the threshold first
            </label>
          </span>
        </div>
      </header>
      {listed.total === 0 && (
        <p className="muted">
          No {what} this high in the ranking: every pair scored ≥ this threshold is a true positive. Click further right on the curve, or choose
          “all pairs”.
        </p>
      )}
      {listed.total > SHOWN && (
        <p className="muted">
          Showing {SHOWN} of {formatCount(listed.total)}, {order === 'top' ? 'the most confident' : 'those just above the threshold'}.
        </p>
      )}
      <ol className="pairs">
        {listed.pairs.map((p) => (
          <PairCard
            key={p.pair}
            pair={p}
            a={dataset.images[p.i]}
            b={dataset.images[p.j]}
            classes={dataset.classes}
            tags={diagnosis ? tagPair(diagnosis.context, p.pair) : []}
          />
        ))}
      </ol>
    </section>
  );
}
