import type { ClassConfusion } from '../diagnostics/classConfusion';

/** Class × class heat map of the top false positives (symmetric; the diagonal is empty: a false positive spans two classes). */
export function ConfusionHeatmap({ confusion, classes }: { confusion: ClassConfusion; classes: string[] }) {
  const c = confusion.classCount;
  let max = 0;
  for (let k = 0; k < confusion.matrix.length; k++) max = Math.max(max, confusion.matrix[k]);
  if (max === 0) return null;
  return (
    <table className="heatmap" data-testid="confusion-heatmap" aria-label="false positives by class pair">
      <thead>
        <tr>
          <th />
          {classes.slice(0, c).map((name, b) => (
            <th key={b} scope="col" title={name}>
              <span>{name}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {classes.slice(0, c).map((name, a) => (
          <tr key={a}>
            <th scope="row">{name}</th>
            {classes.slice(0, c).map((_, b) => {
              const v = confusion.matrix[a * c + b];
              const alpha = a === b ? 0 : v / max;
              return (
                <td key={b} title={a === b ? '' : `${name} ↔ ${classes[b]}: ${v}`} style={{ background: `rgba(200, 55, 45, ${alpha.toFixed(3)})` }}>
                  {v > 0 && a !== b ? v : ''}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
