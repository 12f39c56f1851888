import type { ListedPair } from '../diagnostics/listPairs';
import type { Dataset } from '../state/types';
import type { ScoresTableView } from '../state/scoresRun';
import { useApp } from '../state/context';
import { flagsOnPair } from '../diagnostics/flags';
import { formatCount, formatScore } from './format';
import { OUTCOME_LABEL, pairOutcome } from './pairOutcome';

/**
 * One row of a scores table: the two names (plain text, never HTML), the
 * file line, score, rank and label, a hub mark, and the flag actions that
 * work without images (exclude the pair, flip its label, exclude a name).
 */
export function TableRowCard({ pair, predicted, dataset, table, isHub }: { pair: ListedPair; predicted: boolean; dataset: Dataset; table: ScoresTableView; isHub: Uint8Array | null }) {
  const addFlag = useApp((s) => s.addFlag);
  const flagged = flagsOnPair(useApp((s) => s.flags), pair.i, pair.j);
  const outcome = pairOutcome(pair.label, predicted);
  const line = table.lines[pair.pair];
  // CSV rows are named by their file line (the header is line 1), Parquet rows by their 1-based row number.
  const where = `${/\.parquet$/i.test(table.file) ? 'row' : 'line'} ${line}`;
  const a = dataset.images[pair.i]?.path ?? '';
  const b = dataset.images[pair.j]?.path ?? '';
  const samePair = pair.i === pair.j;
  const hubA = isHub?.[pair.i] === 1;
  const hubB = isHub?.[pair.j] === 1;
  const tag = hubA || hubB ? 'hub-image' : undefined;
  return (
    <div role="listitem" className={`pair table-row ${outcome}`} data-testid="fp-pair" data-score={pair.score} data-rank={pair.rank} data-line={line}>
      {table.named ? (
        <div className="pair-names" data-testid="pair-names">
          <span className="name" title={a} data-testid="name-a">
            {a}
          </span>
          <span className="arrow" aria-hidden="true">
            ↔
          </span>
          <span className="name" title={b} data-testid="name-b">
            {b}
          </span>
        </div>
      ) : (
        <div className="pair-names" data-testid="pair-names">
          <span className="name" data-testid="row-where">{where}</span>
        </div>
      )}
      <div className="pair-meta">
        <span className="rank">#{formatCount(pair.rank)}</span>
        <span className="score">score {formatScore(pair.score)}</span>
        <span className={`badge ${outcome}`}>{OUTCOME_LABEL[outcome]}</span>
        {flagged.length > 0 && (
          <span className="badge flagged" data-testid="pair-flagged" title="your flags on this row: the dashed curve is drawn without them">
            flagged: {flagged.join(', ').replace(/image/g, 'name')}
          </span>
        )}
        <span className="muted">{table.named ? where : `label ${pair.label}`}</span>
      </div>
      {(hubA || hubB) && (
        <ul className="tags" aria-label="why this pair is here">
          <li data-testid="fp-tag" data-tag="hub-image" className="tag hub-image" title="This name occurs in many of the top false positives.">
            hub name: {hubA ? a : b}
          </li>
        </ul>
      )}
      <details className="pair-actions">
        <summary>Flag…</summary>
        <button disabled={samePair} title={samePair ? 'both sides have the same name' : undefined} onClick={() => addFlag({ kind: 'exclude-pair', i: pair.i, j: pair.j, tag })}>
          Exclude this pair
        </button>
        <button disabled={samePair} title={samePair ? 'both sides have the same name' : undefined} onClick={() => addFlag({ kind: 'label-error', i: pair.i, j: pair.j, tag })}>
          Label error (flip same/different)
        </button>
        {table.named && (
          <>
            <button data-testid="exclude-image-a" onClick={() => addFlag({ kind: 'exclude-image', image: pair.i, tag: hubA ? 'hub-image' : undefined })}>
              Exclude every pair with {a}
            </button>
            <button data-testid="exclude-image-b" disabled={samePair} onClick={() => addFlag({ kind: 'exclude-image', image: pair.j, tag: hubB ? 'hub-image' : undefined })}>
              Exclude every pair with {b}
            </button>
          </>
        )}
      </details>
    </div>
  );
}
