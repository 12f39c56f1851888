import type { PairSampling } from './inputTypes';

/** Negatives sampled per positive: below 0.1 the sample has (almost) no negatives and no estimate; above 1000 it is no longer a sample worth the name. */
export const NEGATIVE_RATIO_RANGE = { min: 0.1, max: 1000 } as const;
/** Seeds are read as uint32 (io/seededRandom.ts); a larger one would silently alias a smaller one. */
export const MAX_SEED = 0xffffffff;

export type FieldCheck = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads the "negatives per positive" field as typed: a number from 0.1 to
 * 1000. Anything else (empty, text, 0, −1, 1e-9) is refused with a message
 * saying what is accepted; the caller keeps the last valid ratio in use.
 */
export function checkNegativeRatio(text: string): FieldCheck {
  const { min, max } = NEGATIVE_RATIO_RANGE;
  const want = `enter a number of negatives per positive from ${min} to ${max}`;
  const t = text.trim();
  if (t === '') return { ok: false, message: want };
  const v = Number(t);
  if (!Number.isFinite(v)) return { ok: false, message: `"${t}" is not a number: ${want}` };
  if (v < min || v > max) return { ok: false, message: `${t} is out of range: ${want}` };
  return { ok: true, value: v };
}

/** Reads the seed field as typed: a whole number from 0 to 4,294,967,295. */
export function checkSeed(text: string): FieldCheck {
  const want = `enter a whole number from 0 to ${MAX_SEED.toLocaleString('en-US')}`;
  const t = text.trim();
  if (t === '') return { ok: false, message: want };
  const v = Number(t);
  if (!Number.isInteger(v) || v < 0 || v > MAX_SEED) return { ok: false, message: `"${t}" is not a valid seed: ${want}` };
  return { ok: true, value: v };
}

/** Whether a sampling setting may be used (the store refuses others, keeping the last valid one). */
export function validPairSampling(p: PairSampling): boolean {
  return (
    Number.isInteger(p.limit) &&
    p.limit >= 0 &&
    Number.isFinite(p.negativeRatio) &&
    p.negativeRatio >= NEGATIVE_RATIO_RANGE.min &&
    p.negativeRatio <= NEGATIVE_RATIO_RANGE.max &&
    Number.isInteger(p.seed) &&
    p.seed >= 0 &&
    p.seed <= MAX_SEED
  );
}
