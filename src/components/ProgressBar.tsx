import { useApp } from '../state/context';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from './format';

/** Count, percentage and ETA of the embedding stage, with cancel. */
export function ProgressBar() {
  const { status, stageDetail, progress, cancel } = useApp(
    useShallow((s) => ({ status: s.status, stageDetail: s.stageDetail, progress: s.progress, cancel: s.cancel })),
  );
  const busy = status === 'loading' || status === 'backend' || status === 'embedding' || status === 'scoring';
  if (!busy && status !== 'cancelled') return null;
  const done = progress?.done ?? 0;
  const total = progress?.total ?? 0;
  const eta = progress && done > 0 && done < total ? ((progress.updatedAt - progress.startedAt) / done) * (total - done) : null;
  const embedding = status === 'embedding' && total > 0;
  return (
    <div className="progress" data-testid="progress" role="status" aria-live="polite">
      <div className="progress-label">
        {embedding ? (
          <>
            <strong>{stageDetail}</strong> — {formatCount(done)} / {formatCount(total)} images
            {eta !== null && <> · about {formatSeconds(eta / 1000)} left</>}
          </>
        ) : (
          <strong>{stageDetail || labelOf(status)}</strong>
        )}
      </div>
      {/* A count when there is one (embedding; a cancelled run shows where it stopped); stages without counts (loading, backend, scoring) move without claiming a fraction. */}
      {embedding || (status === 'cancelled' && total > 0) ? (
        <progress max={1} value={total ? done / total : 0} aria-label="progress" />
      ) : busy ? (
        <div className="progress-indeterminate" role="progressbar" aria-label="progress" aria-valuetext={stageDetail || labelOf(status)} data-testid="progress-indeterminate">
          <span />
        </div>
      ) : null}
      {busy && (
        <button onClick={cancel} className="secondary">
          Cancel
        </button>
      )}
    </div>
  );
}

function labelOf(status: string): string {
  switch (status) {
    case 'loading':
      return 'Loading';
    case 'backend':
      return 'Choosing a backend';
    case 'embedding':
      return 'Embedding';
    case 'scoring':
      return 'Scoring the pairs and computing the exact curve';
    case 'cancelled':
      return 'Cancelled';
    default:
      return '';
  }
}

function formatSeconds(s: number): string {
  return s < 60 ? `${Math.ceil(s)} s` : `${Math.floor(s / 60)} min ${Math.ceil(s % 60)} s`;
}
