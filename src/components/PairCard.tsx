import type { ListedPair } from '../diagnostics/listPairs';
import type { DatasetImage } from '../state/types';
import { formatCount, formatScore } from './format';

/** One pair side by side: both images (pixelated when tiny), score, rank, both class names and file names (always rendered as text). */
export function PairCard({ pair, a, b, classes }: { pair: ListedPair; a: DatasetImage; b: DatasetImage; classes: string[] }) {
  return (
    <li className={`pair ${pair.label ? 'tp' : 'fp'}`} data-testid="fp-pair" data-score={pair.score} data-rank={pair.rank}>
      <div className="pair-images">
        <PairImage image={a} className={classes[a.label]} />
        <PairImage image={b} className={classes[b.label]} />
      </div>
      <div className="pair-meta">
        <span className="rank">#{formatCount(pair.rank)}</span>
        <span className="score">score {formatScore(pair.score)}</span>
        <span className={`badge ${pair.label ? 'tp' : 'fp'}`}>{pair.label ? 'true positive' : 'false positive'}</span>
      </div>
    </li>
  );
}

function PairImage({ image, className }: { image: DatasetImage; className: string }) {
  const file = image.path.split('/').pop() ?? image.path;
  return (
    <figure>
      <img src={image.url} alt={image.path} width={84} height={84} />
      <figcaption title={image.path}>{className}</figcaption>
      <figcaption className="file" title={image.path}>
        {file}
      </figcaption>
    </figure>
  );
}
