import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { dipOf } from '../state/derived';

/** AP, chance level, pair counts, warnings and timings of the current evaluation. */
export function Summary() {
  const { evaluation, dataset, timings, fromCache } = useApp(
    useShallow((s) => ({ evaluation: s.evaluation, dataset: s.dataset, timings: s.timings, fromCache: s.embedding?.fromCache ?? 0 })),
  );
  if (!evaluation || !dataset) return null;
  const c = evaluation.curve;
  const dip = dipOf(evaluation);
  return (
    <section className="summary" aria-label="summary">
      <dl>
        <div>
          <dt>Average precision</dt>
          <dd data-testid="ap-value" data-value={String(c.ap)} className="big">
            {c.ap.toFixed(4)}
          </dd>
        </div>
        <div>
          <dt>Chance level</dt>
          <dd data-testid="chance-value" data-value={String(c.chance)}>
            {c.chance.toFixed(4)}
          </dd>
        </div>
        <div>
          <dt>Pairs</dt>
          <dd>
            {c.n.toLocaleString()} ({c.positives.toLocaleString()} positive)
          </dd>
        </div>
        {evaluation.scoresFrom ? (
          <div>
            <dt>Score</dt>
            <dd data-testid="scores-from">as given in {evaluation.scoresFrom} (no model)</dd>
          </div>
        ) : (
          <>
            <div>
              <dt>Images</dt>
              <dd>
                {evaluation.n.toLocaleString()} in {dataset.classes.length} classes
              </dd>
            </div>
            <div>
              <dt>Score</dt>
              <dd>{evaluation.metric === 'neg-sq-l2' ? '−squared L2 distance' : 'cosine similarity'}</dd>
            </div>
          </>
        )}
        <div>
          <dt>Dip</dt>
          <dd>{dip ? `precision ${dip.minPrecision.toFixed(3)} vs ${dip.refPrecision.toFixed(3)} up to recall ${dip.recallEnd.toPrecision(2)}` : 'none found'}</dd>
        </div>
      </dl>
      {c.warnings.length > 0 && (
        <ul className="warnings">
          {c.warnings.map((w) => (
            <li key={w} data-testid="warning">
              {w}
            </li>
          ))}
        </ul>
      )}
      {timings && (
        <p className="timings" data-testid="timings" data-total={timings.totalSeconds}>
          {evaluation.scoresFrom ? (
            <>curve of the given scores {timings.scoreSeconds.toFixed(1)} s · total {timings.totalSeconds.toFixed(1)} s</>
          ) : (
            <>
              backend choice {timings.backendSeconds.toFixed(1)} s · decode + embed {timings.embedSeconds.toFixed(1)} s · scoring + curve{' '}
              {timings.scoreSeconds.toFixed(1)} s · total {timings.totalSeconds.toFixed(1)} s
            </>
          )}
          {fromCache > 0 && <span data-testid="from-cache"> · {fromCache.toLocaleString('en-US')} embeddings from this browser's cache (not embedded again)</span>}
        </p>
      )}
    </section>
  );
}
