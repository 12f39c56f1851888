/**
 * Reads a pair label: 1 = same identity/class (a positive pair), 0 = different.
 * Accepted, case-insensitive: 1 / 0 (also written as floats: 1.0, 1.00, 0.000), true / false, same /
 * different, match / mismatch, yes / no, pos / neg. Anything else is null.
 */
export function parsePairLabel(text: string): 0 | 1 | null {
  const s = text.trim().toLowerCase();
  if (POSITIVE.has(s)) return 1;
  if (NEGATIVE.has(s)) return 0;
  // 1.00, 0.000, 1e0: a label column written as floats.
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) {
    const v = Number(s);
    if (v === 1) return 1;
    if (v === 0) return 0;
  }
  return null;
}

const POSITIVE = new Set(['1', '1.0', 'true', 'same', 'match', 'matched', 'yes', 'pos', 'positive', 'genuine']);
const NEGATIVE = new Set(['0', '0.0', 'false', 'different', 'diff', 'mismatch', 'mismatched', 'no', 'neg', 'negative', 'impostor']);

/** What the error messages list as accepted labels. */
export const PAIR_LABEL_HELP = 'use 1/0, true/false or same/different';
