import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import { diagnosisOf, dipOf } from '../state/derived';
import type { AppState } from '../state/types';
import { listPairs } from '../diagnostics/listPairs';
import { tagPair } from '../diagnostics/tagPairs';
import { TAGS } from '../diagnostics/tagCatalog';
import { copyPngToClipboard, svgToPngBlob, svgToString } from '../chart/exportImage';
import { chartTitleBlock, fileSlug, localDate, localDateTime, type TitleBlock } from '../chart/titleBlock';
import { drawContactSheet, type SheetPair } from '../chart/contactSheet';
import { download } from './download';

/** False positives on the contact sheet. */
const SHEET_PAIRS = 24;
const PNG_SCALE = 2;

type Status = { kind: 'ok' | 'error' | 'busy'; text: string } | null;

/**
 * Share the current view: the PR chart as PNG or SVG with a title block
 * (model, data, pairs, AP, backend, date, dip), the PNG on the clipboard,
 * and a contact sheet of the most confident false positives with their tags.
 */
export function ExportButtons() {
  const s = useApp(
    useShallow((st) => ({
      evaluation: st.evaluation,
      dataset: st.dataset,
      model: st.model,
      backend: st.backend,
      embedding: st.embedding,
      selectedIdx: st.selectedIdx,
    })),
  );
  const [status, setStatus] = useState<Status>(null);
  if (!s.evaluation || !s.dataset) return null;
  const date = localDate(new Date());
  const base = fileSlug(s.dataset.name);

  const run = async (what: string, job: () => Promise<string>) => {
    setStatus({ kind: 'busy', text: `${what}…` });
    try {
      setStatus({ kind: 'ok', text: await job() });
    } catch (e) {
      setStatus({ kind: 'error', text: (e as Error).message });
    }
  };
  const renderPng = async () => {
    const out = svgToString(chartSvg(), titleOf(s));
    return svgToPngBlob(out.svg, out.width, out.height, PNG_SCALE);
  };

  return (
    <section className="export-buttons" aria-label="share">
      <span className="export-label">Share the chart:</span>
      <button
        data-testid="export-png"
        onClick={() =>
          void run('Rendering PNG', async () => {
            const name = `dipscope-pr-${base}-${date}.png`;
            download(name, await renderPng());
            return `Saved ${name}`;
          })
        }
      >
        PNG
      </button>
      <button
        data-testid="export-svg"
        onClick={() =>
          void run('Writing SVG', async () => {
            const name = `dipscope-pr-${base}-${date}.svg`;
            download(name, new Blob([svgToString(chartSvg(), titleOf(s)).svg], { type: 'image/svg+xml' }));
            return `Saved ${name}`;
          })
        }
      >
        SVG
      </button>
      <button
        data-testid="copy-png"
        // The PNG promise goes to the clipboard at once, inside the click (see copyPngToClipboard).
        onClick={() =>
          void run('Copying PNG', async () => {
            await copyPngToClipboard(renderPng());
            return 'PNG copied to the clipboard';
          })
        }
      >
        Copy PNG
      </button>
      <button
        data-testid="export-contact-sheet"
        onClick={() =>
          void run('Drawing contact sheet', async () => {
            const name = `dipscope-fp-${base}-${date}.png`;
            download(name, await contactSheet(s));
            return `Saved ${name}`;
          })
        }
      >
        Contact sheet (PNG)
      </button>
      {status && (
        <span className={`export-status ${status.kind}`} role={status.kind === 'error' ? 'alert' : 'status'} data-testid="export-status">
          {status.text}
        </span>
      )}
    </section>
  );
}

type Inputs = Pick<AppState, 'evaluation' | 'dataset' | 'model' | 'backend' | 'embedding' | 'selectedIdx'>;

function chartSvg(): SVGSVGElement {
  const svg = document.querySelector<SVGSVGElement>('[data-testid="pr-curve"]');
  if (!svg) throw new Error('The precision-recall chart is not on the page: wait for the curve, then export.');
  return svg;
}

/** The dataset's name, saying where its pairs come from when they are not every pair. */
function datasetLabel(ds: NonNullable<Inputs['dataset']>): string {
  const o = ds.pairs?.origin;
  if (!o) return ds.name;
  return o.kind === 'list' ? `${ds.name} (listed pairs)` : `${ds.name} (sampled pairs, seed ${o.seed}: AP is an estimate)`;
}

function scoreName(metric: string): string {
  return metric === 'neg-sq-l2' ? '−squared L2 distance' : 'cosine similarity';
}

function titleOf(s: Inputs): TitleBlock {
  const ev = s.evaluation!;
  const c = ev.curve;
  const idx = s.selectedIdx;
  const selected = idx !== null && idx < c.thresholds.length ? { threshold: c.thresholds[idx], precision: c.precision[idx], recall: c.recall[idx] } : null;
  return chartTitleBlock({
    model: s.model?.name ?? 'none (scores given)',
    dataset: datasetLabel(s.dataset!),
    pairs: c.n,
    positives: c.positives,
    ap: c.ap,
    chance: c.chance,
    score: ev.scoresFrom ? `as given in ${ev.scoresFrom}` : scoreName(ev.metric),
    backend: s.backend?.chosen ?? 'n/a',
    date: new Date(),
    dip: dipOf(ev),
    selected,
  });
}

/** The most confident false positives of the whole ranking, with the same tags as the gallery. */
async function contactSheet(s: Inputs): Promise<Blob> {
  const ev = s.evaluation!;
  const ds = s.dataset!;
  const diagnosis = diagnosisOf(ev, s.embedding, ds);
  const { pairs } = listPairs(ev, ev.order.length, 'fp', SHEET_PAIRS, 'top');
  const image = (k: number) => {
    const im = ds.images[k];
    if (ev.scoresFrom) return { url: '', className: '', file: im.path }; // a scores table: names only
    return { url: im.url, className: ds.classes[im.label] ?? String(im.label), file: im.path.split('/').pop() ?? im.path };
  };
  const sheet: SheetPair[] = pairs.map((p) => ({
    a: image(p.i),
    b: image(p.j),
    score: p.score,
    rank: p.rank,
    tags: diagnosis ? tagPair(diagnosis.context, p.pair).map((t) => TAGS[t].label) : undefined,
  }));
  const c = ev.curve;
  return drawContactSheet(sheet, {
    title: `Top ${sheet.length} false positives · ${ds.name}`,
    subtitle: `model: ${s.model?.name ?? 'none'} · ${c.n.toLocaleString('en-US')} pairs · AP ${c.ap.toFixed(4)} · score: ${ev.scoresFrom ? `as given in ${ev.scoresFrom}` : scoreName(ev.metric)} · most confident first · ${localDateTime(new Date())}`,
  });
}
