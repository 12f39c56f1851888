import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { dipOf } from '../state/derived';
import type { Dataset } from '../state/types';
import type { PrCurve } from '../metrics/prCurve';
import { reweightedAp } from '../metrics/reweightedAp';
import { warnNonFinite } from '../metrics/prCurve';
import { pairsUsingImages } from '../diagnostics/skippedPairs';
import { unscorableImages } from '../diagnostics/unscorableImages';
import { countOf } from './format';
import { excludedPairsWarning } from './skippedPairsNote';
import { reusedEmbeddingsNote } from '../state/runNotes';

const fmt = (n: number) => n.toLocaleString('en-US');

/** AP, chance level, pair counts, warnings and timings of the current evaluation. */
export function Summary() {
  const { evaluation, dataset, timings, fromCache, failed, embedding, embedded } = useApp(
    useShallow((s) => ({
      evaluation: s.evaluation,
      dataset: s.dataset,
      timings: s.timings,
      fromCache: s.embedding?.fromCache ?? 0,
      failed: s.embedding?.failed,
      embedding: s.embedding,
      // Precomputed embeddings and scores tables choose no backend and embed nothing.
      embedded: s.backend !== null,
    })),
  );
  const skipped = failed?.length ?? 0;
  // Why the curve's excluded pairs have no score (P3): skipped images, all-zero embeddings under cosine, NaN/±∞ embeddings — named.
  const excludedText = useMemo(() => {
    const excluded = evaluation?.curve.excludedNonFinite ?? 0;
    if (!evaluation || !dataset || !embedding || excluded === 0) return null;
    const skippedIdx = (failed ?? []).map((f) => f.index);
    const u = unscorableImages(embedding.embeddings, embedding.n, embedding.dim, evaluation.metric, new Set(skippedIdx));
    return excludedPairsWarning(excluded, {
      skipped: skippedIdx,
      zeroNorm: u.zeroNorm,
      nonFinite: u.nonFinite,
      largest: evaluation.metric === 'neg-sq-l2' ? u.largest : undefined,
      pairsUsing: (images) => pairsUsingImages(dataset.images.length, images, dataset.pairs),
      name: (i) => dataset.images[i]?.path ?? `image ${i}`,
    });
  }, [evaluation, dataset, embedding, failed]);
  if (!evaluation || !dataset) return null;
  const c = evaluation.curve;
  const dip = dipOf(evaluation);
  const sample = dataset.pairs?.origin.kind === 'sample' ? dataset.pairs.origin : null;
  const weight = sample ? sampleWeight(dataset) : null;
  const fullSetAp = weight !== null ? reweightedAp(c, weight) : null;
  return (
    <section className="summary" aria-label="summary">
      <dl>
        <div>
          <dt>Average precision{sample && ' of the sampled pairs'}</dt>
          <dd data-testid="ap-value" data-value={String(c.ap)} data-estimate={String(sample !== null)} className="big">
            {c.n === 0 ? <span title="no pair has a score: see the warning below">—</span> : c.ap.toFixed(4)}
          </dd>
        </div>
        {fullSetAp !== null && (
          <div>
            <dt>AP over every pair (estimate)</dt>
            <dd className="big" data-testid="ap-full-estimate" data-value={String(fullSetAp)} title="each sampled negative counted (all negatives / sampled negatives) times; see below">
              ≈ {fullSetAp.toFixed(4)}
            </dd>
          </div>
        )}
        <div>
          <dt>Chance level</dt>
          <dd data-testid="chance-value" data-value={String(c.chance)}>
            {c.n === 0 ? '—' : c.chance.toFixed(4)}
          </dd>
        </div>
        <div>
          <dt>Pairs</dt>
          <dd data-testid="pair-counts" data-pairs={c.n} data-positives={c.positives}>
            {fmt(c.n)} ({fmt(c.positives)} positive, {fmt(c.n - c.positives)} negative)
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
                {skipped > 0 ? `${fmt(evaluation.n - skipped)} of ${fmt(evaluation.n)}` : fmt(evaluation.n)}
                {dataset.pairs?.origin.kind === 'list' && !dataset.pairs.origin.classesKnown ? '' : ` in ${countOf(dataset.classes.length, 'class', 'classes')}`}
                {skipped > 0 && <span data-testid="images-skipped"> ({fmt(skipped)} skipped, see above)</span>}
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
      <PairsOrigin dataset={dataset} curve={c} />
      {c.warnings.length > 0 && (
        <ul className="warnings">
          {c.warnings.map((w) => (
            <li key={w} data-testid="warning">
              {excludedText !== null && w === warnNonFinite(c.excludedNonFinite) ? excludedText : w}
            </li>
          ))}
        </ul>
      )}
      {timings && (
        <p className="timings" data-testid="timings" data-total={timings.totalSeconds}>
          {evaluation.scoresFrom ? (
            <>curve of the given scores {timings.scoreSeconds.toFixed(1)} s · total {timings.totalSeconds.toFixed(1)} s</>
          ) : !embedded ? (
            <>scoring + curve of the dropped embeddings {timings.scoreSeconds.toFixed(1)} s · total {timings.totalSeconds.toFixed(1)} s</>
          ) : (
            <>
              backend choice {timings.backendSeconds.toFixed(1)} s · decode + embed {timings.embedSeconds.toFixed(1)} s · scoring + curve{' '}
              {timings.scoreSeconds.toFixed(1)} s · total {timings.totalSeconds.toFixed(1)} s
            </>
          )}
          {fromCache > 0 && <span data-testid="from-cache"> · {reusedEmbeddingsNote(fromCache)}</span>}
        </p>
      )}
    </section>
  );
}

/** Where the pairs come from when they are not every pair: a pair list (its file, skipped pairs) or a sample (counts before/after, seed, AP estimate). */
function PairsOrigin({ dataset, curve }: { dataset: Dataset; curve: PrCurve }) {
  const o = dataset.pairs?.origin;
  if (!o) return null;
  if (o.kind === 'list') {
    return (
      <div className="pairs-origin" data-testid="pairs-origin" data-kind="list" data-skipped={o.skippedPairs}>
        Pairs from <b>{o.file}</b>: only the listed pairs are scored, with their listed labels
        {o.skippedPairs > 0 ? `; ${o.skippedPairs === 1 ? 'one pair of the list was' : `${fmt(o.skippedPairs)} pairs of the list were`} left out (bad line or missing image)` : ''}. {o.classesNote}.
        <ListMessages items={o.problems ?? []} kind="problem" />
        <ListMessages items={o.notes ?? []} kind="note" />
      </div>
    );
  }
  const { negatives, positives } = sampleCounts(dataset);
  const weight = sampleWeight(dataset);
  const estimate =
    weight !== null ? (
      <>
        counting each sampled negative {weight.toFixed(1)}× estimates the AP over every pair at <b data-testid="ap-reweighted">{reweightedAp(curve, weight).toFixed(4)}</b>
      </>
    ) : (
      <span data-testid="ap-no-estimate">
        the sample has no {positives === 0 ? 'positive' : 'negative'} pairs, so it gives no estimate of the AP over every pair (raise the negatives per positive and run again)
      </span>
    );
  return (
    <p className="pairs-origin" data-testid="pairs-origin" data-kind="sample" data-seed={o.seed} data-all-negatives={o.allNegatives} data-negatives={negatives}>
      <b>Sampled pairs</b>: {fmt(dataset.images.length)} images in {fmt(dataset.classes.length)} classes have {fmt(o.allPositives)} positive and {fmt(o.allNegatives)}{' '}
      negative pairs (over the limit of {fmt(o.limit)}); scored: {o.positivesSampled ? 'a sample of' : 'all'} {fmt(positives)} positive pairs and{' '}
      {fmt(negatives)} negative pairs sampled at {o.negativeRatio} per positive, seed {o.seed}. The AP above is the AP of this sample (its chance level is{' '}
      {curve.chance.toFixed(4)}); {estimate}.
    </p>
  );
}

/** Positive and negative pairs of a dataset's pair sample. */
function sampleCounts(dataset: Dataset): { positives: number; negatives: number } {
  const labels = dataset.pairs!.labels;
  const positives = labels.reduce((s, v) => s + v, 0);
  return { positives, negatives: labels.length - positives };
}

/**
 * How many negatives of the full set each sampled negative stands for
 * (all negatives / sampled negatives); null when the sample has no negatives
 * or no positives, which leaves no estimate of the full set's AP.
 */
function sampleWeight(dataset: Dataset): number | null {
  const o = dataset.pairs?.origin;
  if (o?.kind !== 'sample') return null;
  const { positives, negatives } = sampleCounts(dataset);
  return negatives > 0 && positives > 0 ? o.allNegatives / negatives : null;
}

/** A pair list's problems (pairs left out: red) or notes (kept with an assumption: amber), open while there are few. */
function ListMessages({ items, kind }: { items: string[]; kind: 'problem' | 'note' }) {
  if (items.length === 0) return null;
  return (
    <details className={kind === 'problem' ? 'list-problems list-errors' : 'list-problems warnings'} open={items.length <= 3} data-testid={kind === 'problem' ? 'run-list-problems' : 'run-list-notes'}>
      <summary>{kind === 'problem' ? `${countOf(items.length, 'problem')} on the list: pairs left out` : `${countOf(items.length, 'note')} on the list`}</summary>
      <ul>
        {items.slice(0, 50).map((p) => (
          <li key={p}>{p}</li>
        ))}
        {items.length > 50 && <li>… and {fmt(items.length - 50)} more</li>}
      </ul>
    </details>
  );
}
