import { useApp } from '../state/context';

/** Every error or skipped input, each naming its file and the fix. */
export function Errors() {
  const errors = useApp((s) => s.errors);
  const dismiss = useApp((s) => s.dismissError);
  if (errors.length === 0) return null;
  return (
    <ul className="errors" role="alert">
      {errors.map((e, k) => (
        <li key={k} data-testid="error">
          <span>{e}</span>
          <button className="link" aria-label="dismiss" onClick={() => dismiss(k)}>
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
