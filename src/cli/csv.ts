import { CliError } from './errors';

/**
 * Scores and 0/1 labels from CSV text with a header row naming a `score`
 * and a `label` column (any order, other columns ignored, case-insensitive).
 * Empty cells, `nan`, `inf`, `-inf` are accepted as non-finite scores (the
 * metrics drop and count them); labels are 0/1 or true/false. Errors name
 * the file and the line.
 *
 * Contract: comma-separated, no quoted commas (a score table, not general CSV).
 */
export function parseScoreLabelCsv(text: string, name: string): { scores: Float64Array; labels: Uint8Array } {
  const lines = text.split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  if (lines.length === 0) throw new CliError(`${name}: empty file; expected a header row "score,label" and one row per score.`);
  const header = lines[0].split(',').map((h) => h.trim().replace(/^"|"$/g, '').toLowerCase());
  const si = header.indexOf('score');
  const li = header.indexOf('label');
  if (si < 0 || li < 0) {
    throw new CliError(`${name}: the header row must name a "score" and a "label" column, got "${lines[0].slice(0, 80)}"; add the header "score,label".`);
  }
  const n = lines.length - 1;
  if (n === 0) throw new CliError(`${name}: no rows after the header; nothing to evaluate.`);
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let r = 0; r < n; r++) {
    const cells = lines[r + 1].split(',');
    const line = r + 2;
    if (cells.length !== header.length) throw new CliError(`${name}: line ${line} has ${cells.length} cells but the header has ${header.length}.`);
    scores[r] = parseScore(cells[si].trim(), name, line);
    labels[r] = parseLabel(cells[li].trim(), name, line);
  }
  return { scores, labels };
}

function parseScore(cell: string, name: string, line: number): number {
  const c = cell.toLowerCase();
  if (c === '' || c === 'nan') return NaN;
  if (c === 'inf' || c === '+inf' || c === 'infinity') return Infinity;
  if (c === '-inf' || c === '-infinity') return -Infinity;
  const v = Number(cell);
  if (Number.isNaN(v)) throw new CliError(`${name}: line ${line}: score "${cell}" is not a number.`);
  return v;
}

function parseLabel(cell: string, name: string, line: number): number {
  const c = cell.toLowerCase();
  if (c === 'true') return 1;
  if (c === 'false') return 0;
  const v = c === '' ? NaN : Number(c);
  if (v === 0 || v === 1) return v;
  throw new CliError(`${name}: line ${line}: label "${cell}" must be 0 or 1 (or true/false).`);
}
