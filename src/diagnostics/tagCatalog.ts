/**
 * The root-cause tags a listed pair can carry, each with a one-line meaning
 * and a one-line "what to try". The UI shows `label` on the chip
 * (`data-testid="fp-tag"`) and `meaning` / `tryThis` in its tooltip.
 * How each tag is decided: see `tagPairs.ts` and the thresholds in `tagOptions.ts`.
 */

/** Stable ids (used in CSV exports and sessions: never rename one). */
export const TAG_IDS = [
  'exact-duplicate',
  'near-duplicate',
  'hub-image',
  'collapsed-embedding',
  'degenerate-image',
  'confused-class-pair',
] as const;

export type TagId = (typeof TAG_IDS)[number];

export interface TagInfo {
  id: TagId;
  /** Short chip text. */
  label: string;
  /** One line: what the tag says about the pair. */
  meaning: string;
  /** One line: what the user can do about it. */
  tryThis: string;
}

export const TAGS: Readonly<Record<TagId, TagInfo>> = {
  'exact-duplicate': {
    id: 'exact-duplicate',
    label: 'exact duplicate',
    meaning: 'The two images are the same file (same content hash) or have identical embeddings, yet are filed under different classes.',
    tryThis: 'Fix the label or remove one copy (deduplicate); mark the pair as a label error to see the curve without it.',
  },
  'near-duplicate': {
    id: 'near-duplicate',
    label: 'near duplicate',
    meaning: 'The embeddings are almost identical (squared distance near 0), so the model sees the same picture in two classes.',
    tryThis: 'Look at both images: if they are the same item, fix the label or deduplicate; if not, the model cannot tell them apart.',
  },
  'hub-image': {
    id: 'hub-image',
    label: 'hub image',
    meaning: 'One image of this pair turns up in many of the top false positives: it sits close to everything.',
    tryThis: 'Inspect the hub image (blank, mislabeled, off-distribution?); exclude it to see how much of the dip it causes.',
  },
  'collapsed-embedding': {
    id: 'collapsed-embedding',
    label: 'collapsed embedding',
    meaning: 'The score is shared by a large block of tied pairs, or an embedding is near zero or identical to many others.',
    tryThis: 'Check preprocessing and the model output (dead units, missing normalisation); lower the margin or train longer.',
  },
  'degenerate-image': {
    id: 'degenerate-image',
    label: 'degenerate image',
    meaning: 'One image is (nearly) constant: blank, black, or failed to decode properly.',
    tryThis: 'Check decoding and preprocessing for this file; exclude blank images from the evaluation set.',
  },
  'confused-class-pair': {
    id: 'confused-class-pair',
    label: 'confused classes',
    meaning: 'This pair of classes supplies a large share of the top false positives.',
    tryThis: 'Look at both classes: merge them if they are the same, add hard negatives between them, or raise the margin.',
  },
};

/** True for a string that is a known tag id (for validating imported data). */
export function isTagId(x: unknown): x is TagId {
  return typeof x === 'string' && (TAG_IDS as readonly string[]).includes(x);
}
