import type { ListedPair } from '../diagnostics/listPairs';
import type { TagId } from '../diagnostics/tagCatalog';
import type { TagSide } from '../diagnostics/tagPairs';
import { TAGS } from '../diagnostics/tagCatalog';
import { flagsOnPair } from '../diagnostics/flags';
import type { DatasetImage } from '../state/types';
import { useApp } from '../state/context';
import { formatCount, formatScore, middleEllipsis } from './format';
import { OUTCOME_LABEL, pairOutcome } from './pairOutcome';

/** One pair side by side: both images (pixelated when tiny), score, rank, classes, file names (always text), why-tags and flag actions. */
export function PairCard(props: { pair: ListedPair; predicted: boolean; a: DatasetImage; b: DatasetImage; classes: string[]; tags: TagId[]; sides?: Partial<Record<TagId, TagSide>>; canRelabel?: boolean }) {
  const { pair, predicted, a, b, classes, tags, sides = {}, canRelabel = true } = props;
  const addFlag = useApp((s) => s.addFlag);
  const flagged = flagsOnPair(useApp((s) => s.flags), pair.i, pair.j);
  const tag = tags[0];
  const outcome = pairOutcome(pair.label, predicted);
  return (
    <div role="listitem" className={`pair ${outcome}`} data-testid="fp-pair" data-score={pair.score} data-rank={pair.rank}>
      <div className="pair-images">
        <PairImage image={a} className={classes[a.label]} />
        <PairImage image={b} className={classes[b.label]} />
      </div>
      <div className="pair-meta">
        <span className="rank">#{formatCount(pair.rank)}</span>
        <span className="score">score {formatScore(pair.score)}</span>
        <span className={`badge ${outcome}`}>{OUTCOME_LABEL[outcome]}</span>
        {flagged.length > 0 && (
          <span className="badge flagged" data-testid="pair-flagged" title="your flags on this pair: the dashed curve is drawn without them">
            flagged: {flagged.join(', ')}
          </span>
        )}
      </div>
      {tags.length > 0 && (
        <ul className="tags" aria-label="why this pair is here">
          {tags.map((t) => (
            <li key={t} data-testid="fp-tag" data-tag={t} className={`tag ${t}`} title={`${TAGS[t].meaning} Try: ${TAGS[t].tryThis}`}>
              {TAGS[t].label}
              {sides[t] && ` (${sides[t] === 'both' ? 'both images' : sides[t]})`}
            </li>
          ))}
        </ul>
      )}
      <details className="pair-actions">
        <summary>Flag…</summary>
        <button onClick={() => addFlag({ kind: 'exclude-pair', i: pair.i, j: pair.j, tag })}>Exclude this pair</button>
        <button onClick={() => addFlag({ kind: 'label-error', i: pair.i, j: pair.j, tag })}>Label error (flip same/different)</button>
        <button data-testid="exclude-image-a" onClick={() => addFlag({ kind: 'exclude-image', image: pair.i, tag })}>
          Exclude left image
        </button>
        <button data-testid="exclude-image-b" onClick={() => addFlag({ kind: 'exclude-image', image: pair.j, tag })}>
          Exclude right image
        </button>
        {canRelabel && a.label !== b.label && (
          <>
            <button onClick={() => addFlag({ kind: 'relabel-image', image: pair.j, toClass: a.label, tag })}>Relabel right as {classes[a.label]}</button>
            <button onClick={() => addFlag({ kind: 'relabel-image', image: pair.i, toClass: b.label, tag })}>Relabel left as {classes[b.label]}</button>
          </>
        )}
      </details>
    </div>
  );
}

function PairImage({ image, className }: { image: DatasetImage; className: string }) {
  const file = image.path.split('/').pop() ?? image.path;
  return (
    <figure>
      <img src={image.url} alt={image.path} width={84} height={84} />
      <figcaption title={image.path}>{className}</figcaption>
      <figcaption className="file" title={image.path}>
        {middleEllipsis(file, 13)}
      </figcaption>
    </figure>
  );
}
