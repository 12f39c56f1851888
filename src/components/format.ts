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

/** A share as a percentage with one decimal that never rounds to a false 100 % or 0 %: 0.99999 → "> 99.9 %", 0.00001 → "< 0.1 %". */
export function formatPercent(fraction: number): string {
  const text = (fraction * 100).toFixed(1);
  if (fraction < 1 && text === '100.0') return '> 99.9 %';
  if (fraction > 0 && text === '0.0') return '< 0.1 %';
  return `${text} %`;
}

/**
 * A name cut in its middle to at most `max` characters ("t-shirt_top-t10k-00979.png"
 * → "t-shi…00979.png"): the end of a file name (its number, its extension) is what
 * tells two files apart, so it is kept, and as much of the start as fits.
 */
export function middleEllipsis(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const tail = Math.ceil((max - 1) * 0.6);
  const head = max - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}
