import { countOf } from './format';

const fmt = (n: number) => n.toLocaleString('en-US');

/** Why the excluded pairs have no score: images by cause (indices), and how to count and name them. */
export interface ExcludedCauses {
  /** Images that could not be read (named above, with their reason). */
  skipped: number[];
  /** Images with an all-zero embedding, under cosine similarity (0/0). */
  zeroNorm: number[];
  /** Images whose embedding holds NaN or ±∞. */
  nonFinite: number[];
  /** Under −squared L2, the images with the largest embeddings: finite rows score ±∞ only when their squared distance passes float32's range. */
  largest?: number[];
  /** Pairs of the evaluation that use at least one of `images`. */
  pairsUsing(images: number[]): number;
  /** The image as the user knows it (its path, or "row 3" of an .npy). */
  name(image: number): string;
}

const SHOWN = 3;
const some = (c: ExcludedCauses, images: number[]) =>
  `${images.slice(0, SHOWN).map(c.name).join(', ')}${images.length > SHOWN ? ` and ${fmt(images.length - SHOWN)} more` : ''}`;

/**
 * The curve's "N non-finite scores excluded" in the words of a run with
 * embeddings: which pairs have no score and why — images that were skipped,
 * all-zero embeddings under cosine (0/0), embeddings holding NaN/±∞ — each
 * with the images named (case P3) and what to do; anything left is said as
 * scores that came out NaN or ±∞.
 */
export function excludedPairsWarning(excluded: number, c: ExcludedCauses): string {
  // Each cause as [pairs, rest of the clause after its subject]; pairs already counted for an earlier cause are not counted again.
  const causes: [number, (plural: boolean) => string][] = [];
  let seen: number[] = [];
  let counted = 0;
  const add = (images: number[], text: (plural: boolean) => string) => {
    if (images.length === 0) return;
    seen = [...seen, ...images];
    const total = c.pairsUsing(seen);
    if (total > counted) causes.push([total - counted, text]);
    counted = total;
  };
  const use = (plural: boolean) => (plural ? 'use' : 'uses');
  const them = (n: number) => (n === 1 ? 'it' : 'them');
  add(c.skipped, (pl) => `${use(pl)} the ${countOf(c.skipped.length, 'skipped image')} (see above), which ${c.skipped.length === 1 ? 'has' : 'have'} no embedding`);
  add(
    c.zeroNorm,
    (pl) => `${use(pl)} ${countOf(c.zeroNorm.length, 'image')} whose embedding is all zeros, so the cosine similarity is 0/0 (${some(c, c.zeroNorm)}): look at ${them(c.zeroNorm.length)} (blank or broken?), or score with −squared L2 distance`,
  );
  add(c.nonFinite, (pl) => `${use(pl)} ${countOf(c.nonFinite.length, 'image')} whose embedding holds NaN or ±∞ (${some(c, c.nonFinite)}): check the model on ${them(c.nonFinite.length)}`);
  const rest = excluded - counted;
  if (causes.length === 1 && rest <= 0) return `${countOf(excluded, 'pair')} left out: ${excluded === 1 ? 'it' : 'they'} ${causes[0][1](excluded !== 1)}.`;
  const parts = causes.map(([n, text]) => `${fmt(n)} ${text(n !== 1)}`);
  if (rest > 0 && c.largest && c.largest.length > 0) {
    parts.push(
      `${causes.length > 0 ? 'the other ' : ''}${fmt(rest)} scored −∞: their squared distance passes float32's range (the largest embeddings: ${some(c, c.largest)}); check the model's output scale (a missing L2-normalisation?), or score with cosine similarity`,
    );
  } else if (rest > 0) parts.push(`${causes.length > 0 ? 'the other ' : ''}${fmt(rest)} scored NaN or ±∞`);
  return `${countOf(excluded, 'pair')} left out: ${parts.join('; ')}.`;
}
