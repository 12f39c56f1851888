import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { diagnosisOf } from '../state/derived';
import { TAGS, TAG_IDS, type TagId } from '../diagnostics/tagCatalog';
import type { Diagnosis } from '../diagnostics/tagPairs';
import type { Flag } from '../diagnostics/flags';
import { countOf, formatCount, formatPercent } from './format';
import { ConfusionHeatmap } from './ConfusionHeatmap';

const HUBS_SHOWN = 8;
const CLASS_PAIRS_SHOWN = 6;

/** Why the most confident false positives are there: tag counts with what to try, hub images, confused class pairs, collapse. */
export function WhyPanel() {
  const { evaluation, embedding, dataset, addFlag, addFlags, flags } = useApp(
    useShallow((s) => ({ evaluation: s.evaluation, embedding: s.embedding, dataset: s.dataset, addFlag: s.addFlag, addFlags: s.addFlags, flags: s.flags })),
  );
  const excluded = useMemo(() => new Set(flags.flatMap((f) => (f.kind === 'exclude-image' ? [f.image] : []))), [flags]);
  const diagnosis = useMemo(() => diagnosisOf(evaluation, embedding, dataset), [evaluation, embedding, dataset]);
  if (!diagnosis || !dataset) return null;
  const { context: ctx, tagCounts } = diagnosis;
  const topN = ctx.top.pairs.length;
  const hubs = Array.from(ctx.hubs.images.slice(0, HUBS_SHOWN)).map((image, k) => ({ image, count: ctx.hubs.counts[k], hub: ctx.hubs.isHub[image] === 1 }));
  const c = ctx.collapse;
  return (
    <section className="why-panel" aria-label="why the top false positives are there" data-testid="why-panel">
      <h2>{topN === 0 ? 'Why: no false positives' : `Why: ${topN === 1 ? 'the top false positive' : `the top ${countOf(topN, 'false positive')}`}`}</h2>
      <ul className="why-tags">
        {TAG_IDS.filter((t) => tagCounts[t] > 0).map((t) => (
          <li key={t}>
            <span className={`tag ${t}`}>{TAGS[t].label}</span> <b>{formatCount(tagCounts[t])}</b> — {TAGS[t].meaning} <i>Try: {TAGS[t].tryThis}</i>
            {(t === 'exact-duplicate' || t === 'near-duplicate') && tagCounts[t] > 1 && (
              <>
                {' '}
                <button className="link" data-testid={`exclude-tagged-${t}`} onClick={() => addFlags(taggedPairFlags(diagnosis, t))}>
                  exclude these {formatCount(tagCounts[t])} pairs
                </button>
              </>
            )}
          </li>
        ))}
        {topN === 0 && (
          <li className="muted">
            No false positive to explain: {dataset.classes.length < 2 ? 'with one class there are no pairs of different classes' : 'no pair of different classes is ranked above the positives'}.
          </li>
        )}
        {topN > 0 && TAG_IDS.every((t) => tagCounts[t] === 0) && <li className="muted">No root-cause tag fits the top false positives: they look like ordinary model errors.</li>}
      </ul>
      <div className="why-grid">
        <div>
          <h3>Images in the most false positives</h3>
          <ol className="hubs">
            {hubs.map(({ image, count, hub }) => {
              const im = dataset.images[image];
              return (
                <li key={image} className={hub ? 'hub' : ''}>
                  <img src={im.url} alt={im.path} width={42} height={42} />
                  <span className="hub-text" title={im.path}>
                    {formatCount(count)}× · {dataset.classes[im.label]} · {im.path.split('/').pop()}
                    {hub && <b> hub</b>}
                  </span>
                  {excluded.has(image) ? (
                    <span className="muted" data-testid="hub-excluded">
                      excluded
                    </span>
                  ) : (
                    <button className="link" onClick={() => addFlag({ kind: 'exclude-image', image, tag: hub ? 'hub-image' : undefined })}>
                      exclude
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </div>
        <div>
          <h3>Confused class pairs</h3>
          {!ctx.classPairs && (
            <p className="muted" data-testid="confusion-hidden">
              Not shown for a pair list: its pairs are the ones the list chose, not every pair of two classes, so counts per class pair would
              show that choice rather than confusion.
            </p>
          )}
          {ctx.classPairs && <ConfusionHeatmap confusion={ctx.confusion} classes={dataset.classes} />}
          <table className="confusion">
            <tbody>
              {ctx.confusion.entries.slice(0, CLASS_PAIRS_SHOWN).map((e) => (
                <tr key={`${e.classA}-${e.classB}`} className={e.confused ? 'confused' : ''}>
                  <td>
                    {dataset.classes[e.classA]} ↔ {dataset.classes[e.classB]}
                  </td>
                  <td className="bar-cell">
                    <span className="bar" style={{ width: `${Math.round(e.share * 100)}%` }} />
                  </td>
                  <td className="nowrap">
                    {formatCount(e.count)} ({Math.round(e.share * 100)} %)
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>Collapse</h3>
          <p className="collapse">
            {countOf(c.largestTieBlock, 'pair')} {c.largestTieBlock === 1 ? 'has' : 'share'} the most common score · {formatPercent(c.distinctScoreFraction)} of scores are distinct ·{' '}
            {countOf(c.identicalEmbeddingCount, 'image')} with an identical twin embedding · {countOf(c.nearZeroNormCount, 'near-zero embedding')}
          </p>
        </div>
      </div>
    </section>
  );
}

/** An exclude-pair flag for each top false positive carrying `tag` (one click for, say, every byte-copy pair). */
export function taggedPairFlags(d: Diagnosis, tag: TagId): Flag[] {
  const top = d.context.top;
  return d.tags.flatMap((tags, t) => (tags.includes(tag) ? [{ kind: 'exclude-pair' as const, i: top.imageA[t], j: top.imageB[t], tag }] : []));
}
