import { useEffect, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useApp } from '../state/context';
import { matchingRanks, pairAtRank, type PairFilter } from '../diagnostics/listPairs';
import { imageTagSides, tagPair } from '../diagnostics/tagPairs';
import { diagnosisOf } from '../state/derived';
import { PairCard } from './PairCard';
import { TableRowCard } from './TableRowCard';
import { nameHubsOf } from '../state/tableDerived';
import { PointValues } from './CurveTooltip';
import { countOf, formatCount, formatScore } from './format';
import { listedHeading } from './listedHeading';

const PER_ROW = 2;
/** Pairs per page: keeps the virtual list's height far below the browser's maximum element height. */
export const PAGE_SIZE = 5000;
const FILTERS: [PairFilter, string][] = [
  ['fp', 'false positives'],
  ['tp', 'true positives'],
  ['fn', 'false negatives (missed below)'],
  ['all', 'all pairs'],
];

/** The pairs of the selected stretch of the ranking, virtualised so thousands scroll smoothly. */
export function Gallery() {
  const { evaluation, selectedIdx, stretchTopIdx, filter, setFilter, order, setOrder, dataset, embedding, table } = useApp(
    useShallow((s) => ({
      table: s.scoresTable,
      embedding: s.embedding,
      evaluation: s.evaluation,
      selectedIdx: s.selectedIdx,
      stretchTopIdx: s.stretchTopIdx,
      filter: s.filter,
      setFilter: s.setFilter,
      order: s.order,
      setOrder: s.setOrder,
      dataset: s.dataset,
    })),
  );
  const diagnosis = useMemo(() => diagnosisOf(evaluation, embedding, dataset), [evaluation, embedding, dataset]);
  const hubs = useMemo(() => nameHubsOf(evaluation, table?.named ?? false), [evaluation, table]);
  const listed = useMemo(() => {
    if (!evaluation || selectedIdx === null) return null;
    const c = evaluation.curve;
    const rankAt = (i: number) => (i >= c.thresholds.length ? 0 : c.tp[i] + c.fp[i]);
    const toRank = rankAt(selectedIdx);
    const fromRank = stretchTopIdx === null ? 0 : rankAt(stretchTopIdx);
    return { ranks: matchingRanks(evaluation, fromRank, toRank, filter, order), fromRank, toRank };
  }, [evaluation, selectedIdx, stretchTopIdx, filter, order]);

  const [page, setPage] = useState(0);
  useEffect(() => setPage(0), [listed]);
  const pages = listed ? Math.max(1, Math.ceil(listed.ranks.length / PAGE_SIZE)) : 1;
  const pageRanks = listed ? listed.ranks.subarray(page * PAGE_SIZE, (page + 1) * PAGE_SIZE) : new Uint32Array(0);
  const scroller = useRef<HTMLDivElement>(null);
  const rows = Math.ceil(pageRanks.length / PER_ROW);
  const virtual = useVirtualizer({ count: rows, getScrollElement: () => scroller.current, estimateSize: () => 190, overscan: 4 });

  if (!evaluation || !dataset) return null;
  if (!listed || selectedIdx === null) {
    return (
      <section className="gallery empty" aria-label="pairs">
        <p className="muted">Click the curve (or focus it and press Enter, or brush a stretch) to list the pairs behind that part of the ranking.</p>
      </section>
    );
  }
  const c = evaluation.curve;
  const what = FILTERS.find(([f]) => f === filter)![1];
  const stretch = listed.fromRank === 0 ? listed.toRank === 1 ? 'the top pair' : `the top ${countOf(listed.toRank, 'pair')}` : `ranks ${formatCount(listed.fromRank + 1)}–${formatCount(listed.toRank)}`;
  return (
    <section className="gallery" data-testid="fp-gallery" aria-label="pairs at the selected point">
      <header>
        <div className="selection-readout" aria-live="polite" data-testid="selection">
          {selectedIdx < c.thresholds.length ? <PointValues curve={c} idx={selectedIdx} /> : 'end point: no pair is predicted positive'}
        </div>
        <h2>
          {listedHeading(filter, listed.ranks.length, stretch)}
          {selectedIdx < c.thresholds.length &&
            (stretchTopIdx !== null && stretchTopIdx < c.thresholds.length ? (
              <> ({formatScore(c.thresholds[selectedIdx])} ≤ score &lt; {formatScore(c.thresholds[stretchTopIdx])})</>
            ) : (
              <> (score ≥ {formatScore(c.thresholds[selectedIdx])})</>
            ))}
        </h2>
        <div className="gallery-controls">
          <span role="radiogroup" aria-label="which pairs">
            {FILTERS.map(([f, label]) => (
              <label key={f}>
                <input type="radio" name="filter" checked={filter === f} onChange={() => setFilter(f)} /> {label}
              </label>
            ))}
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
      {listed.ranks.length === 0 && (
        <p className="muted">
          No {what} here{filter === 'fp' ? ': every pair scored this high is a true positive. Click further right on the curve, or choose another filter' : ''}.
        </p>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label="pages of pairs">
          <button className="secondary" disabled={page === 0} onClick={() => setPage(0)} aria-label="first page">
            «
          </button>{' '}
          <button className="secondary" disabled={page === 0} onClick={() => setPage(page - 1)} aria-label="previous page">
            ‹
          </button>{' '}
          pairs {formatCount(page * PAGE_SIZE + 1)}–{formatCount(Math.min((page + 1) * PAGE_SIZE, listed.ranks.length))} of {formatCount(listed.ranks.length)}{' '}
          <button className="secondary" disabled={page >= pages - 1} onClick={() => setPage(page + 1)} aria-label="next page">
            ›
          </button>{' '}
          <button className="secondary" disabled={page >= pages - 1} onClick={() => setPage(pages - 1)} aria-label="last page">
            »
          </button>
        </nav>
      )}
      <div className="pairs-scroll" ref={scroller}>
        <div className="pairs" role="list" style={{ height: virtual.getTotalSize() }}>
          {virtual.getVirtualItems().map((row) => (
            <div key={row.key} data-index={row.index} ref={virtual.measureElement} className="pair-row" style={{ transform: `translateY(${row.start}px)` }}>
              {Array.from(pageRanks.subarray(row.index * PER_ROW, row.index * PER_ROW + PER_ROW), (r) => {
                const p = pairAtRank(evaluation, r);
                // Ranks are 0-based: a pair above the selected point (rank < toRank) is predicted a match.
                const predicted = r < listed.toRank;
                if (table) return <TableRowCard key={p.pair} pair={p} predicted={predicted} dataset={dataset} table={table} isHub={hubs?.isHub ?? null} />;
                return (
                  <PairCard
                    key={p.pair}
                    pair={p}
                    predicted={predicted}
                    a={dataset.images[p.i]}
                    b={dataset.images[p.j]}
                    classes={dataset.classes}
                    tags={diagnosis ? tagPair(diagnosis.context, p.pair) : []}
                    sides={diagnosis ? imageTagSides(diagnosis.context, p.pair) : undefined}
                    canRelabel={dataset.pairs?.origin.kind !== 'list' || dataset.pairs.origin.classesKnown}
                  />
                );
              })}
            </div>
          ))}
        </div>
      </div>
    </section>
  );
}
