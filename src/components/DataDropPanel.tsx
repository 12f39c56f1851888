import { useApp } from '../state/context';

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
