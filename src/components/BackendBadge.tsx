import { useEffect, useRef, useState } from 'react';
import { useApp } from '../state/context';

/** Width of the open list (styles.css `.backend ul`). */
const LIST_WIDTH = 560;

/** Which backend runs the model, and why the others were not chosen. */
export function BackendBadge() {
  const report = useApp((s) => s.backend);
  // The badge sits at the left of its row or at the right end: the list opens towards the side with room.
  const [openLeft, setOpenLeft] = useState(false);
  const [open, setOpen] = useState(false);
  const details = useRef<HTMLDetailsElement>(null);
  // The open list floats over the results: a click elsewhere or Escape closes it, like any popover.
  useEffect(() => {
    if (!open) return;
    const close = () => {
      if (details.current) details.current.open = false;
    };
    const onPointer = (e: PointerEvent) => {
      if (!details.current?.contains(e.target as Node)) close();
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      close();
      details.current?.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);
  if (!report) return null;
  return (
    <details
      ref={details}
      data-testid="backend-details"
      className={openLeft ? 'backend open-left' : 'backend'}
      onToggle={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        setOpenLeft(box.left + LIST_WIDTH > document.documentElement.clientWidth - 8);
        setOpen(e.currentTarget.open);
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
