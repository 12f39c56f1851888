/** How a pair fares at the selected threshold: its label, and whether it ranks high enough to be predicted a match. */
export type PairOutcome = 'tp' | 'fp' | 'fn' | 'tn';

/**
 * A positive ranked above the threshold is a true positive and one below it a
 * false negative (a missed match); a negative above it is a false positive,
 * one below it a true negative. The gallery's "false negatives" filter lists
 * pairs below the stretch, so the label alone does not say which.
 */
export function pairOutcome(label: 0 | 1, predicted: boolean): PairOutcome {
  if (label === 1) return predicted ? 'tp' : 'fn';
  return predicted ? 'fp' : 'tn';
}

export const OUTCOME_LABEL: Record<PairOutcome, string> = {
  tp: 'true positive',
  fp: 'false positive',
  fn: 'false negative (missed)',
  tn: 'true negative',
};
