import type { NamedBytes } from './bytes';
import { InputError, type InputIssue } from './inputIssue';
import { readLabels } from './labelsFile';
import { readNpy } from './npy';
import { countOf } from '../base/countOf';

/** Precomputed embeddings with one class per row: what the metrics core needs to score every pair, no model. */
export interface EmbeddingSet {
  /** Row-major [n, dim] float32. */
  embeddings: Float32Array;
  n: number;
  dim: number;
  /** Class index per row, into `classes`. */
  classIds: Uint32Array;
  /** Class names, sorted (numerically when all are integers). */
  classes: string[];
  /** Warnings: float64 narrowed to float32, rows with NaN/Infinity (kept; the curve excludes their pairs). */
  issues: InputIssue[];
}

/**
 * Embeddings `.npy` of shape [N, D] (float32 or float64, C order) plus a
 * labels file (see `readLabels`: .npy or text/CSV, one label per row).
 * Throws `InputError` naming the file for a wrong shape or dtype, a count
 * mismatch, or an unreadable file.
 */
export function readEmbeddingSet(embeddings: NamedBytes, labels: NamedBytes): EmbeddingSet {
  const arr = readNpy(embeddings.bytes, embeddings.name);
  const file = embeddings.name;
  if (arr.shape.length !== 2) {
    throw new InputError({ file, field: 'shape', message: `has shape (${arr.shape.join(', ')}); embeddings need two dimensions [N, D]`, fix: 'in Python: np.save(path, emb.reshape(len(emb), -1))' });
  }
  const [n, dim] = arr.shape;
  if (dim === 0 || n < 2) throw new InputError({ file, field: 'shape', message: `has shape (${n}, ${dim}); pairs need at least 2 rows of at least 1 value`, fix: 'save the embeddings of the whole validation set' });
  if (!(arr.data instanceof Float32Array || arr.data instanceof Float64Array)) {
    throw new InputError({ file, field: 'dtype', message: `has dtype '${arr.dtype}'; embeddings must be float32 or float64`, fix: 'in Python: np.save(path, emb.astype(np.float32))' });
  }
  const issues: InputIssue[] = [];
  if (arr.data instanceof Float64Array) {
    issues.push({ file, field: 'dtype', severity: 'warning', message: 'is float64; read as float32 (what the model and the app compute in)', fix: 'none needed; save as float32 to halve the file' });
  }
  const data = arr.data instanceof Float32Array ? arr.data : Float32Array.from(arr.data);
  const bad: number[] = [];
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < dim; c++) {
      if (!Number.isFinite(data[r * dim + c])) {
        bad.push(r);
        break;
      }
    }
  }
  if (bad.length > 0) {
    issues.push({
      file,
      severity: 'warning',
      message: `${countOf(bad.length, 'row contains', 'rows contain')} NaN or Infinity (row${bad.length === 1 ? '' : 's'} ${bad.slice(0, 5).join(', ')}${bad.length > 5 ? ', …' : ''}); their pairs are excluded from the curve and counted`,
      fix: 'check the model output for these inputs',
    });
  }
  const names = readLabels(labels, n);
  const classes = [...new Set(names)].sort(compareLabels);
  const index = new Map(classes.map((c, i) => [c, i]));
  const classIds = Uint32Array.from(names, (s) => index.get(s)!);
  return { embeddings: data, n, dim, classIds, classes, issues };
}

function compareLabels(a: string, b: string): number {
  const na = Number(a);
  const nb = Number(b);
  if (a.trim() !== '' && b.trim() !== '' && Number.isFinite(na) && Number.isFinite(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}
