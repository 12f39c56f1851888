import { countOf } from './format';

const fmt = (n: number) => n.toLocaleString('en-US');

/**
 * The curve's "N non-finite scores excluded" in the words of a run with skipped
 * images: their pairs have no score (the image has no embedding); any other
 * excluded pair scored NaN or ±∞ (e.g. an all-zero embedding under cosine).
 */
export function skippedPairsWarning(excluded: number, ofSkipped: number, skipped: number): string {
  const images = `the ${countOf(skipped, 'skipped image')}`;
  if (ofSkipped >= excluded) return `${countOf(excluded, 'pair')} left out: ${excluded === 1 ? 'it uses' : 'they use'} ${images} (see above), which ${skipped === 1 ? 'has' : 'have'} no embedding.`;
  const rest = excluded - ofSkipped;
  return `${countOf(excluded, 'pair')} left out: ${fmt(ofSkipped)} use ${images} (see above), which ${skipped === 1 ? 'has' : 'have'} no embedding; the other ${fmt(rest)} scored NaN or ±∞ (an all-zero or non-finite embedding).`;
}
