import type { PairFilter } from '../diagnostics/listPairs';
import { countOf } from './format';

const NOUNS: Record<PairFilter, [string, string]> = {
  fp: ['false positive', 'false positives'],
  tp: ['true positive', 'true positives'],
  fn: ['false negative', 'false negatives'],
  all: ['pair', 'pairs'],
};

/** "1 false positive among the top 29 pairs", "2,496 false negatives: positives ranked below the top 1,870 pairs", "Every pair of ranks 10–20". */
export function listedHeading(filter: PairFilter, count: number, stretch: string): string {
  const [one, many] = NOUNS[filter];
  if (filter === 'all') return stretch === 'the top pair' ? 'The top pair' : `Every pair of ${stretch}`;
  if (filter === 'fn') return `${countOf(count, one, many)}: positives ranked below ${stretch}`;
  return `${countOf(count, one, many)} among ${stretch}`;
}
