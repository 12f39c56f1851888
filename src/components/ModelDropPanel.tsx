import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';

const shape = (s: (number | null)[]) => `[${s.map((d) => (d === null ? '?' : d)).join(', ')}]`;

/** What was understood of the dropped model: its signature, or the problem with the one-click ways out, or the error and fix. */
export function ModelDropPanel() {
  const { drop, choose } = useApp(useShallow((s) => ({ drop: s.modelDrop, choose: s.chooseModelOffer })));
  if (!drop) return null;
  if (drop.status === 'reading') return <p className="drop-status" role="status">{drop.detail}…</p>;
  if (drop.status === 'error') return <p className="drop-error" data-testid="error" role="alert">{drop.message}</p>;
  const it = drop.inspection;
  if (it.kind === 'refused') {
    return (
      <div className="drop-result">
        <p className="drop-error" data-testid="error" role="alert">
          {it.problem} <strong>Fix:</strong> {it.fix}.
        </p>
        <Notes notes={it.notes} />
      </div>
    );
  }
  if (it.kind === 'choose') {
    return (
      <div className="drop-result">
        <p className="drop-error" data-testid="error" role="alert">{it.problem}</p>
        <div className="offers">
          {it.offers.map((o) => (
            <button key={o.id} data-testid="model-offer" data-offer={o.id} className={o.recommended ? 'primary' : 'secondary'} onClick={() => void choose(o.id)}>
              {o.label}
              {o.recommended ? ' (recommended)' : ''}
            </button>
          ))}
        </div>
        <Notes notes={it.notes} />
      </div>
    );
  }
  const m = it.summary;
  return (
    <div className="drop-result" data-testid="model-summary">
      <dl className="facts">
        <dt>Model</dt>
        <dd>{m.name}</dd>
        <dt>Format</dt>
        <dd data-testid="model-format">{m.format}</dd>
        <dt>Input{m.inputs.length > 1 ? 's' : ''}</dt>
        <dd>
          {m.inputs.map((t) => (
            <div key={t.name}>
              <code>{t.name}</code> {shape(t.shape)} {t.dtype}
            </div>
          ))}
        </dd>
        <dt>Output{m.outputs.length > 1 ? 's' : ''}</dt>
        <dd>
          {m.outputs.map((t) => (
            <div key={t.name}>
              <code>{t.name}</code> {shape(t.shape)} {t.dtype}
            </div>
          ))}
        </dd>
        <dt>Embedding size</dt>
        <dd data-testid="embedding-size">{m.embeddingSize ?? 'known after the first batch'}</dd>
      </dl>
      <Notes notes={m.notes} />
      {m.unused.length > 0 && <p className="hint">Not used by the model: {m.unused.join(', ')}</p>}
    </div>
  );
}

function Notes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="notes">
      {notes.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
