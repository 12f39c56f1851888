import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { nameHubsOf } from '../state/tableDerived';
import { countOf, formatCount, formatPercent } from './format';

const HUBS_SHOWN = 8;

/**
 * The why panel of a scores table: what can be said from names and scores
 * alone (names in many top false positives, tied scores), and one line on
 * what cannot (everything that needs embeddings or image bytes).
 */
export function TableWhyPanel() {
  const { evaluation, dataset, table, addFlag } = useApp(useShallow((s) => ({ evaluation: s.evaluation, dataset: s.dataset, table: s.scoresTable, addFlag: s.addFlag })));
  const hubs = useMemo(() => nameHubsOf(evaluation, table?.named ?? false), [evaluation, table]);
  const ties = useMemo(() => {
    if (!evaluation) return null;
    const c = evaluation.curve;
    let largest = 0;
    for (let t = 0; t < c.thresholds.length; t++) {
      const above = t + 1 < c.thresholds.length ? c.tp[t + 1] + c.fp[t + 1] : 0;
      largest = Math.max(largest, c.tp[t] + c.fp[t] - above);
    }
    return { largest, distinct: c.n > 0 ? c.thresholds.length / c.n : 0 };
  }, [evaluation]);
  if (!evaluation || !dataset || !table || !ties) return null;
  return (
    <section className="why-panel" aria-label="why the top false positives are there" data-testid="why-panel">
      <h2>Why: the top false positives</h2>
      <p className="muted" data-testid="why-hidden">
        Duplicates (same bytes), near duplicates, collapsed embeddings and blank images are not checked: a scores table has no embeddings and no images.
      </p>
      {table.named && hubs ? (
        <div>
          <h3>Names in the most false positives (top {formatCount(hubs.topFalsePositives)})</h3>
          {hubs.images.length === 0 ? (
            <p className="muted">No false positive among the ranked pairs.</p>
          ) : (
            <ol className="hubs" data-testid="name-hubs">
              {Array.from(hubs.images.slice(0, HUBS_SHOWN), (item, k) => {
                const hub = hubs.isHub[item] === 1;
                const name = dataset.images[item]?.path ?? '';
                return (
                  <li key={item} className={hub ? 'hub' : ''}>
                    <span className="hub-text" title={name}>
                      {formatCount(hubs.counts[k])}× · {name}
                      {hub && <b> hub</b>}
                    </span>
                    <button className="link" onClick={() => addFlag({ kind: 'exclude-image', image: item, tag: hub ? 'hub-image' : undefined })}>
                      exclude
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      ) : (
        <p className="muted">The table has no a, b columns, so no name can be counted as a hub. Add the two item names to see which ones recur.</p>
      )}
      <h3>Ties</h3>
      <p className="collapse">
        {countOf(ties.largest, 'pair')} {ties.largest === 1 ? 'has' : 'share'} the most common score · {formatPercent(ties.distinct)} of scores are distinct
      </p>
    </section>
  );
}
