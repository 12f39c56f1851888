import { useState } from 'react';
import { useApp } from '../state/context';

/** Width of the open list (styles.css `.backend ul`). */
const LIST_WIDTH = 560;

/** Which backend runs the model, and why the others were not chosen. */
export function BackendBadge() {
  const report = useApp((s) => s.backend);
  // The badge sits at the left of its row or at the right end: the list opens towards the side with room.
  const [openLeft, setOpenLeft] = useState(false);
  if (!report) return null;
  return (
    <details
      className={openLeft ? 'backend open-left' : 'backend'}
      onToggle={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        setOpenLeft(box.left + LIST_WIDTH > document.documentElement.clientWidth - 8);
      }}
    >
      <summary>
        Backend: <strong data-testid="backend">{report.chosen}</strong>
        {report.forced ? ' (forced by ?backend=)' : ' (fastest that passed the self-test)'}
      </summary>
      <ul>
        {report.trials.map((t) => (
          <li key={t.name} className={`trial ${t.status}`}>
            <strong>{t.name}</strong> {t.status}
            {t.imagesPerSecond !== undefined && <> — model alone {Math.round(t.imagesPerSecond).toLocaleString('en-US')} images/s (warm-up batch, no decoding)</>}
            {t.referenceError !== undefined && <> — reference max |Δ| {t.referenceError.toExponential(1)}</>}
            {t.reason && <> — {t.reason}</>}
          </li>
        ))}
      </ul>
      {report.note && <p className="muted backend-note">{report.note}</p>}
    </details>
  );
}
