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
      {errors.length > 0 && (
        <ul className="errors" role="alert">
          {errors.map((e, k) => (
            <li key={k} data-testid="error">
              <span>{e}</span>
              <button className="link" aria-label="dismiss" onClick={() => dismissError(k)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {notes.length > 0 && (
        <ul className="errors notes" role="status" aria-label="notes">
          {notes.map((e, k) => (
            <li key={k} data-testid="note">
              <span>{e}</span>
              <button className="link" aria-label="dismiss note" onClick={() => dismissNote(k)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
