/** Scores: 6 significant digits, no trailing zeros (−0.000848, not −0.00084800). */
export function formatScore(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

/** Counts with thousands separators. */
export function formatCount(v: number): string {
  return v.toLocaleString('en-US');
}

/** Precision / recall: 4 decimals, or 2 significant digits in scientific form below 1e-3 so tiny recalls don't read as 0. */
export function formatRate(v: number): string {
  return v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(1) : v.toFixed(4);
}

export { countOf } from '../base/countOf';
