import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../state/context';

/**
 * What went wrong (errors: a skipped image or row, a refused file, each naming
 * the file and the fix) as alerts, and what was read with an assumption or is
 * worth knowing, with nothing lost (notes), in a quieter style below them.
 */
export function Errors() {
  const { errors, notes, dismissError, dismissNote } = useApp(
    useShallow((s) => ({ errors: s.errors, notes: s.notes, dismissError: s.dismissError, dismissNote: s.dismissNote })),
  );
  return (
    <>
      <Messages items={errors} kind="error" onDismiss={dismissError} />
      <Messages items={notes} kind="note" onDismiss={dismissNote} />
    </>
  );
}

function Messages({ items, kind, onDismiss }: { items: string[]; kind: 'error' | 'note'; onDismiss(index: number): void }) {
  if (items.length === 0) return null;
  return (
    <ul className={kind === 'error' ? 'errors' : 'errors notes'} role={kind === 'error' ? 'alert' : 'status'} aria-label={kind === 'note' ? 'notes' : undefined}>
      {items.map((text, k) => (
        <li key={k} data-testid={kind}>
          <span>{text}</span>
          <button className="link" aria-label={kind === 'error' ? 'dismiss' : 'dismiss note'} onClick={() => onDismiss(k)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
