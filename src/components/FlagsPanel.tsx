import { useShallow } from 'zustand/react/shallow';
import { useApp, useAppStore } from '../state/context';
import { flagsCsvText, sessionText } from '../state/exports';
import type { Flag } from '../diagnostics/flags';
import type { Dataset } from '../state/types';
import { download } from './download';
import { countOf } from './format';

/** The user's flags, the before/after AP, and the CSV / session exports. */
export function FlagsPanel() {
  const { flags, counterfactual, evaluation, dataset, removeFlag, clearFlags, importSession } = useApp(
    useShallow((s) => ({
      flags: s.flags,
      counterfactual: s.counterfactual,
      evaluation: s.evaluation,
      dataset: s.dataset,
      removeFlag: s.removeFlag,
      clearFlags: s.clearFlags,
      importSession: s.importSession,
    })),
  );
  const store = useAppStore();
  if (!evaluation || !dataset) return null;
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section className="flags-panel" aria-label="flagged pairs and images" data-testid="flags-panel">
      <h2>Flags</h2>
      {flags.length === 0 ? (
        <p className="muted">Flag a pair or an image in the gallery (“Flag…”) to see the curve without it.</p>
      ) : (
        <>
          {counterfactual && (
            <p className="before-after">
              AP <b>{evaluation.curve.ap.toFixed(4)}</b> → <b data-testid="ap-counterfactual" data-value={String(counterfactual.curve.ap)}>{counterfactual.curve.ap.toFixed(4)}</b> with the
              flags applied ({countOf(counterfactual.excludedPairs, 'pair')} excluded, {countOf(counterfactual.changedLabels, 'pair label')} flipped)
            </p>
          )}
          <ol className="flags">
            {flags.map((f, k) => (
              <li key={k}>
                {describeFlag(f, dataset, !!evaluation.scoresFrom)}
                <button className="link" aria-label="remove flag" onClick={() => removeFlag(k)}>
                  ×
                </button>
              </li>
            ))}
          </ol>
          <button className="secondary" onClick={clearFlags}>
            Clear all
          </button>{' '}
          <button className="secondary" data-testid="export-flags-csv" onClick={() => download(`dipscope-flags-${stamp}.csv`, flagsCsvText(store.getState()), 'text/csv')}>
            Flags as CSV
          </button>
        </>
      )}
      <div className="session-io">
        <button className="secondary" data-testid="export-session" onClick={() => download(`dipscope-session-${stamp}.json`, sessionText(store.getState()), 'application/json')}>
          Save session (JSON)
        </button>{' '}
        <label className="secondary file-button">
          Open session…
          <input
            type="file"
            accept=".json,application/json"
            data-testid="import-session"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) await importSession(await file.text());
              e.target.value = '';
            }}
          />
        </label>
      </div>
    </section>
  );
}

/** One flag in words; a scores table's items are names in its a, b columns, so excluding one drops every row naming it. */
function describeFlag(f: Flag, d: Dataset, table: boolean): string {
  const p = (i: number) => d.images[i]?.path ?? `#${i}`;
  switch (f.kind) {
    case 'exclude-pair':
      return `exclude pair ${p(f.i)} ↔ ${p(f.j)}`;
    case 'label-error':
      return `label error: ${p(f.i)} ↔ ${p(f.j)}`;
    case 'exclude-image':
      return table ? `exclude every pair with ${p(f.image)}` : `exclude image ${p(f.image)}`;
    case 'relabel-image':
      return `relabel ${p(f.image)} as ${d.classes[f.toClass] ?? f.toClass}`;
  }
}
