import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { listPairs } from '../diagnostics/listPairs';
import { PairCard } from './PairCard';

const SHOWN = 120;

/** The pairs ranked at or above the selected point: false positives first by default, most confident first. */
export function Gallery() {
  const { evaluation, selectedIdx, filter, setFilter, dataset } = useApp(
    useShallow((s) => ({ evaluation: s.evaluation, selectedIdx: s.selectedIdx, filter: s.filter, setFilter: s.setFilter, dataset: s.dataset })),
  );
  const listed = useMemo(() => {
    if (!evaluation || selectedIdx === null) return null;
    const c = evaluation.curve;
    if (selectedIdx >= c.thresholds.length) return { pairs: [], total: 0, rank: 0, threshold: Infinity };
    const rank = c.tp[selectedIdx] + c.fp[selectedIdx];
    return { ...listPairs(evaluation, rank, filter, SHOWN), rank, threshold: c.thresholds[selectedIdx] };
  }, [evaluation, selectedIdx, filter]);

  if (!evaluation || !dataset) return null;
  if (!listed) {
    return (
      <section className="gallery empty" aria-label="pairs">
        <p className="muted">Click the curve (or the dip marker) to list the pairs ranked at or above that point.</p>
      </section>
    );
  }
  return (
    <section className="gallery" data-testid="fp-gallery" aria-label="pairs at the selected point">
      <header>
        <h2>
          {listed.total.toLocaleString()} {filter === 'fp' ? 'false positives' : 'pairs'} among the top {listed.rank.toLocaleString()} (score ≥{' '}
          {Number.isFinite(listed.threshold) ? listed.threshold.toPrecision(5) : '—'})
        </h2>
        <div role="radiogroup" aria-label="which pairs">
          <label>
            <input type="radio" name="filter" checked={filter === 'fp'} onChange={() => setFilter('fp')} /> false positives only
          </label>
          <label>
            <input type="radio" name="filter" checked={filter === 'all'} onChange={() => setFilter('all')} /> all pairs
          </label>
        </div>
      </header>
      {listed.total > SHOWN && <p className="muted">Showing the {SHOWN} most confident.</p>}
      <ol className="pairs">
        {listed.pairs.map((p) => (
          <PairCard key={p.pair} pair={p} a={dataset.images[p.i]} b={dataset.images[p.j]} classes={dataset.classes} />
        ))}
      </ol>
    </section>
  );
}
