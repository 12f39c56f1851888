import type { ClassConfusion } from '../diagnostics/classConfusion';
import { heatmapClasses } from './heatmapClasses';

/** Most classes drawn: a face set has thousands, and classes² cells would freeze the page. */
export const HEATMAP_MAX_CLASSES = 24;

/**
 * Class × class heat map of the top false positives (symmetric; the diagonal
 * is empty: a false positive spans two classes), over the classes that take
 * part in them — the HEATMAP_MAX_CLASSES most involved when there are more.
 */
export function ConfusionHeatmap({ confusion, classes }: { confusion: ClassConfusion; classes: string[] }) {
  const { shown, hidden, max } = heatmapClasses(confusion.entries, HEATMAP_MAX_CLASSES);
  if (max === 0) return null;
  return (
    <>
      <table className="heatmap" data-testid="confusion-heatmap" aria-label="false positives by class pair">
        <thead>
          <tr>
            <th />
            {shown.map((b) => (
              <th key={b} scope="col" title={classes[b]}>
                <span>{classes[b]}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((a) => (
            <tr key={a}>
              <th scope="row" title={classes[a]}>
                {classes[a]}
              </th>
              {shown.map((b) => {
                const v = confusion.count(a, b);
                const alpha = a === b ? 0 : v / max;
                return (
                  <td key={b} title={a === b ? '' : `${classes[a]} ↔ ${classes[b]}: ${v}`} style={{ background: `rgba(200, 55, 45, ${alpha.toFixed(3)})` }}>
                    {v > 0 && a !== b ? v : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {hidden > 0 && (
        <p className="muted" data-testid="heatmap-hidden">
          The {shown.length} classes in the most false positives; {hidden.toLocaleString('en-US')} more classes in fewer are not drawn (the table below ranks every class pair).
        </p>
      )}
    </>
  );
}
