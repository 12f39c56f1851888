import type { TagId } from '../diagnostics/tagCatalog';
import type { TagOptions } from '../diagnostics/tagOptions';

/**
 * A shareable session: settings, flags and curve summary as JSON, no images
 * and no embeddings, so a colleague with the same files and model sees the
 * same view. Images are named by path (not index), classes by name, curve
 * points by threshold (not curve index): all survive a reordered file list.
 */
export const SESSION_FORMAT = 'dipscope-session';
export const SESSION_VERSION = 1;

export const METRICS = ['neg-sq-l2', 'cosine'] as const;
export const RECALL_AXES = ['linear', 'log', 'rank'] as const;
export const GALLERY_FILTERS = ['fp', 'tp', 'fn', 'all'] as const;

/** What the view looked like. */
export interface SessionSettings {
  metric: (typeof METRICS)[number];
  recallAxis: (typeof RECALL_AXES)[number];
  /** Selected point of the curve, as its threshold (a score), or null. */
  threshold: number | null;
  /** Zoomed recall range [lo, hi], 0 ≤ lo < hi ≤ 1, or null for the whole curve. */
  zoom: [number, number] | null;
  /** Gallery filter: false positives, true positives, false negatives or all. */
  filter: (typeof GALLERY_FILTERS)[number];
  /** Tag thresholds that differ from the defaults (see diagnostics/tagOptions.ts). */
  tagOptions: Partial<TagOptions>;
}

/** The numbers a colleague can compare against what their copy computes. */
export interface CurveSummary {
  /** Finite-score pairs on the curve. */
  pairs: number;
  positives: number;
  ap: number;
  chance: number;
  distinctScores: number;
  excludedNonFinite: number;
  /** The dip as thresholds and precisions, or null when there is none. */
  dip: { thresholdTop: number; thresholdEnd: number; recallEnd: number; minPrecision: number; refPrecision: number } | null;
}

/** A flag with images named by path and classes by name. */
export type SessionFlag =
  | { kind: 'exclude-pair' | 'label-error'; a: string; b: string; tag?: TagId }
  | { kind: 'exclude-image'; image: string; tag?: TagId }
  | { kind: 'relabel-image'; image: string; toClass: string; tag?: TagId };

export interface Session {
  format: typeof SESSION_FORMAT;
  version: typeof SESSION_VERSION;
  /** ISO 8601 time of export. */
  createdAt: string;
  model: { name: string } | null;
  dataset: { name: string; images: number; classes: string[] };
  settings: SessionSettings;
  flags: SessionFlag[];
  curve: CurveSummary;
  /** The curve with the flags applied, or null when there are none. */
  counterfactual: CurveSummary | null;
}
