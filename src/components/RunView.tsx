import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';
import type { RunOptions } from '../state/types';
import { ProgressBar } from './ProgressBar';
import { BackendBadge } from './BackendBadge';
import { Errors } from './Errors';
import { Summary } from './Summary';
import { CurvePanel } from './CurvePanel';
import { Gallery } from './Gallery';
import { FlagsPanel } from './FlagsPanel';
import { WhyPanel } from './WhyPanel';
import { TableWhyPanel } from './TableWhyPanel';
import { ExportButtons } from './ExportButtons';
import { ThresholdPanel } from './ThresholdPanel';
import { RocPanel } from './RocPanel';

export function RunView({ options }: { options: RunOptions }) {
  const { dataset, model, status, rerun, metric, setMetric, backToStart, fromTable } = useApp(
    useShallow((s) => ({ dataset: s.dataset, model: s.model, status: s.status, rerun: s.rerun, metric: s.metric, setMetric: s.setMetric, backToStart: s.backToStart, fromTable: s.scoresTable !== null })),
  );
  const toStart = () => {
    // Reloading the start page must not start the demo again.
    const url = new URL(window.location.href);
    url.searchParams.delete('demo');
    window.history.replaceState(null, '', url.href);
    backToStart();
  };
  return (
    <div className="run">
      <div className="run-header">
        <div>
          <button className="link" data-testid="back-to-start" onClick={toStart}>
            ← Start page (change model or data)
          </button>
          {model && <span className="chip">model: {model.name}</span>}
          {dataset && (
            <span className="chip">
              data: {dataset.name}
              {fromTable ? ' (scores table)' : ''}
              {dataset.subsetOf ? ` — ${dataset.images.length.toLocaleString('en-US')} of ${dataset.subsetOf.toLocaleString('en-US')} images, evenly spread` : ''}
            </span>
          )}
          {fromTable ? (
            <span className="chip">score: as given in the table</span>
          ) : (
            <label className="chip">
              score{' '}
              <select value={metric} onChange={(e) => void setMetric(e.target.value as typeof metric)} disabled={status !== 'ready'}>
                <option value="neg-sq-l2">−squared L2 distance</option>
                <option value="cosine">cosine similarity</option>
              </select>
            </label>
          )}
        </div>
        <BackendBadge />
        {(status === 'error' || status === 'cancelled') && (
          <button className="secondary" onClick={() => void rerun(options)}>
            Run again
          </button>
        )}
      </div>
      <ProgressBar />
      <Errors />
      <Summary />
      <div className="main-grid">
        <div className="left-column">
          <CurvePanel />
          <FlagsPanel />
          <WhyPanel />
          <TableWhyPanel />
        </div>
        <Gallery />
      </div>
      <ExportButtons />
      <div className="linked-grid">
        <ThresholdPanel />
        <RocPanel />
      </div>
    </div>
  );
}
