import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';

const shape = (s: (number | null)[]) => `[${s.map((d) => (d === null ? '?' : d)).join(', ')}]`;

/** What was understood of the dropped model: its signature, or the problem with the one-click ways out, or the error and fix. */
export function ModelDropPanel() {
  const { drop, choose, output, setOutput } = useApp(useShallow((s) => ({ drop: s.modelDrop, choose: s.chooseModelOffer, output: s.modelOutput, setOutput: s.setModelOutput })));
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
  const chosen = m.outputs.find((o) => o.name === output) ?? m.outputs.find((o) => o.name === m.defaultOutput);
  const several = m.outputs.length > 1;
  return (
    <div className="drop-result" data-testid="model-summary">
      <dl className="facts">
        <dt>Model</dt>
        <dd data-testid="model-name">{m.name}</dd>
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
        <dt>Output{several ? 's' : ''}</dt>
        <dd data-testid="model-outputs">
          {m.outputs.map((t) => (
            <div key={t.name} className={t.problem ? 'muted' : undefined}>
              <code>{t.name}</code>
              {t.tensor && <span className="hint"> ({t.tensor})</span>} {t.shape.length > 0 ? shape(t.shape) : '[shape not stated]'} {t.dtype}
              {t.problem && <span className="hint"> — not an embedding</span>}
            </div>
          ))}
        </dd>
        {several && (
          <>
            <dt>
              <label htmlFor="model-output">Embed with</label>
            </dt>
            <dd>
              <select id="model-output" data-testid="model-output" value={chosen?.name} onChange={(e) => setOutput(e.target.value)}>
                {m.outputs.map((t) => (
                  <option key={t.name} value={t.name}>
                    {t.name} {t.shape.length > 0 ? shape(t.shape) : ''}
                    {t.name === m.defaultOutput ? ' (default)' : ''}
                    {t.problem ? ' — not an embedding' : ''}
                  </option>
                ))}
              </select>
              <div className="hint" data-testid="model-output-reason">
                Default <code>{m.defaultOutput}</code>: {m.defaultReason}.{chosen && chosen.name !== m.defaultOutput && !chosen.problem ? ' Your pick is remembered for this model.' : ''}
              </div>
            </dd>
          </>
        )}
        <dt>Embedding size</dt>
        <dd data-testid="embedding-size">{chosen?.problem ? '—' : (chosen?.size ?? 'known after the first batch')}</dd>
      </dl>
      {chosen?.problem && (
        <p className="drop-error" data-testid="output-problem" role="alert">
          {chosen.problem}
        </p>
      )}
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
