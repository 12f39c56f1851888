import type { ListedPair } from '../diagnostics/listPairs';
import type { DatasetImage } from '../state/types';

/** One pair side by side: both images (pixelated when tiny), score, rank and both class names. File names are rendered as text. */
export function PairCard({ pair, a, b, classes }: { pair: ListedPair; a: DatasetImage; b: DatasetImage; classes: string[] }) {
  return (
    <li className={`pair ${pair.label ? 'tp' : 'fp'}`} data-testid="fp-pair" data-score={pair.score} data-rank={pair.rank}>
      <div className="pair-images">
        <figure>
          <img src={a.url} alt={a.path} width={84} height={84} />
          <figcaption title={a.path}>{classes[a.label]}</figcaption>
        </figure>
        <figure>
          <img src={b.url} alt={b.path} width={84} height={84} />
          <figcaption title={b.path}>{classes[b.label]}</figcaption>
        </figure>
      </div>
      <div className="pair-meta">
        <span className="rank">#{pair.rank.toLocaleString()}</span>
        <span className="score">score {pair.score.toFixed(4)}</span>
        <span className={`badge ${pair.label ? 'tp' : 'fp'}`}>{pair.label ? 'same class' : 'false positive'}</span>
      </div>
    </li>
  );
}
