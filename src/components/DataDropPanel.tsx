import type { ReactNode } from 'react';
import { useApp } from '../state/context';
import type { DataDropView } from '../state/inputTypes';

const fmt = (n: number) => n.toLocaleString('en-US');

/** What was understood of the dropped validation set: counts, and every skipped file with its reason. */
export function DataDropPanel() {
  const drop = useApp((s) => s.dataDrop);
  if (!drop) return null;
  if (drop.status === 'reading') return <p className="drop-status" role="status">{drop.detail}…</p>;
  if (drop.status === 'error') return <p className="drop-error" data-testid="error" role="alert">{drop.message}</p>;
  const it = drop.inspection;
  const skipped = <Skipped items={it.skipped} />;
  if (it.kind === 'unsupported') {
    return (
      <div className="drop-result">
        <p className="drop-error" data-testid="error" role="alert">{it.message}</p>
        {skipped}
      </div>
    );
  }
  if (it.kind === 'scores') return <ScoresTableCounts it={it} skipped={skipped} />;
  const c = it.counts;
  const what = it.kind === 'embeddings' ? `${fmt(c.images)} embeddings of ${fmt(it.set.dim)} values` : `${fmt(c.images)} images`;
  return (
    <div className="drop-result">
      <p
        data-testid="data-counts"
        data-images={c.images}
        data-classes={c.classes}
        data-positives={c.positives}
        data-negatives={c.negatives}
        data-sampled={String(c.sampled)}
      >
        <strong>{it.name}</strong>: {what} in {fmt(c.classes)} classes → {fmt(c.positives)} positive and {fmt(c.negatives)} negative pairs
        {c.sampled ? ' (sampled)' : ' (every pair is scored)'}
      </p>
      {c.classes < 2 && <p className="drop-error" data-testid="error">Only one class: there are no negative pairs, so precision is 1 everywhere. Drop at least two class folders.</p>}
      {it.kind === 'embeddings' &&
        it.warnings.map((w) => (
          <p key={w} className="warnings">
            {w}
          </p>
        ))}
      {skipped}
    </div>
  );
}

/** A scores table: rows, positives, negatives, names, non-finite scores and every skipped row (by line). */
function ScoresTableCounts({ it, skipped }: { it: Extract<Extract<DataDropView, { status: 'inspected' }>['inspection'], { kind: 'scores' }>; skipped: ReactNode }) {
  const t = it.table;
  const rows = t.scores.length;
  return (
    <div className="drop-result">
      <p data-testid="data-counts" data-rows={rows} data-positives={t.positives} data-negatives={t.negatives} data-nonfinite={it.nonFinite} data-named={String(t.a !== null)}>
        <strong>{it.name}</strong>: a scores table of {fmt(rows)} pair{rows === 1 ? '' : 's'} ({fmt(t.positives)} positive, {fmt(t.negatives)} negative)
        {t.a ? ', with pair names' : ', without pair names (rows are shown by line)'}. No model is needed: the curve is drawn from these scores.
      </p>
      {it.nonFinite > 0 && (
        <p className="warnings">
          {fmt(it.nonFinite)} NaN/infinite score{it.nonFinite === 1 ? '' : 's'}: excluded from the curve and counted.
        </p>
      )}
      {t.positives === 0 && (
        <p className="drop-error" data-testid="error">
          No positive pairs (no label 1/true): AP is 0 and the curve is flat. Check the label column.
        </p>
      )}
      {t.negatives === 0 && <p className="drop-error" data-testid="error">No negative pairs (no label 0/false): precision is 1 everywhere.</p>}
      {it.warnings.length > 0 && (
        <details className="skipped" open={it.warnings.length <= 8}>
          <summary>{fmt(it.warnings.length)} note{it.warnings.length === 1 ? '' : 's'} on the table</summary>
          <ul data-testid="table-notes">
            {it.warnings.slice(0, 50).map((w) => (
              <li key={w}>{w}</li>
            ))}
            {it.warnings.length > 50 && <li>… and {fmt(it.warnings.length - 50)} more (all are listed above the curve after the run)</li>}
          </ul>
        </details>
      )}
      {skipped}
    </div>
  );
}

function Skipped({ items }: { items: { path: string; reason: string }[] }) {
  if (items.length === 0) return null;
  return (
    <details className="skipped" open={items.length <= 8}>
      <summary>
        {fmt(items.length)} file{items.length === 1 ? '' : 's'} skipped
      </summary>
      <ul data-testid="skipped">
        {items.map((s) => (
          <li key={s.path}>
            <code>{s.path}</code> — {s.reason}
          </li>
        ))}
      </ul>
    </details>
  );
}
