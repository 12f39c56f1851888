/**
 * The thresholds behind the root-cause tags, with their defaults and why.
 * Every one is a parameter; `resolveTagOptions` fills in the defaults and
 * rejects nonsense with a message naming the option.
 */
export interface TagOptions {
  /**
   * How many false positives, most confident first, count as "the top false
   * positives" for the hub ranking, the class-pair confusion and the tie
   * statistics. Default 200: a few screens of the gallery. To study exactly
   * the dip, pass the number of false positives in it (`curve.fp[dip.endIdx]`).
   */
  topK: number;
  /**
   * Near duplicate: ‖a − b‖² ≤ nearDuplicateRelSqDist × (median ‖e‖² over all
   * images). Relative so that it does not depend on the embedding scale; for
   * L2-normalised embeddings it is ‖a − b‖² ≤ 1e-4 (cosine ≥ 0.99995), far
   * below the distances of two different photos of one object. Default 1e-4.
   */
  nearDuplicateRelSqDist: number;
  /**
   * Identical embeddings (bit for bit) shared by at least this many images are
   * a collapse, not a duplicate: a few copies of one file is label noise, a
   * crowd of images on one point is a model or preprocessing failure. Default 5.
   */
  collapseMinGroup: number;
  /**
   * Near-zero embedding: ‖e‖ ≤ zeroNormRatio × median ‖e‖ (or ‖e‖ = 0).
   * Default 1e-3: a thousand times shorter than a typical embedding is no
   * longer a direction (cosine is meaningless, L2 puts it next to every
   * short vector).
   */
  zeroNormRatio: number;
  /**
   * Collapsed tie block: a score shared by at least this many pairs (pairs
   * with identical embeddings excepted, they are duplicates). Default 10:
   * float32 scores of continuous embeddings tie by chance in twos, very
   * rarely in threes, essentially never in tens, even at millions of pairs.
   */
  minTieBlock: number;
  /** Hub image: at least this many of the top false positives contain it. Default 3. */
  hubMinCount: number;
  /**
   * Hub image: and at least hubMedianFactor × the median count among the images
   * that occur in the top false positives at all. Default 5: an image five
   * times as common as the typical offender is not bad luck.
   */
  hubMedianFactor: number;
  /**
   * Degenerate image: standard deviation of its decoded pixel values (all
   * channels, 0–255 scale) ≤ degenerateMaxStd. Default 2: a constant image
   * with JPEG noise stays below 2, while faint real content (a white shirt on
   * white) is above it.
   */
  degenerateMaxStd: number;
  /**
   * Confused class pair: a class pair that supplies at least this share of the
   * top false positives (and at least twice its fair share 1 / number of class
   * pairs, and at least `confusedMinCount` of them). Default 0.2.
   */
  confusedMinShare: number;
  /** Confused class pair: minimum number of top false positives. Default 3. */
  confusedMinCount: number;
}

export const DEFAULT_TAG_OPTIONS: Readonly<TagOptions> = Object.freeze({
  topK: 200,
  nearDuplicateRelSqDist: 1e-4,
  collapseMinGroup: 5,
  zeroNormRatio: 1e-3,
  minTieBlock: 10,
  hubMinCount: 3,
  hubMedianFactor: 5,
  degenerateMaxStd: 2,
  confusedMinShare: 0.2,
  confusedMinCount: 3,
});

const INTEGER_OPTIONS = ['topK', 'collapseMinGroup', 'minTieBlock', 'hubMinCount', 'confusedMinCount'] as const;

/**
 * The defaults overridden by `partial` (undefined entries keep the default).
 * Throws an Error naming the option when a value is not a finite number ≥ 0,
 * a count is not an integer, or confusedMinShare is above 1.
 */
export function resolveTagOptions(partial: Partial<TagOptions> = {}): TagOptions {
  const out: TagOptions = { ...DEFAULT_TAG_OPTIONS };
  for (const key of Object.keys(DEFAULT_TAG_OPTIONS) as (keyof TagOptions)[]) {
    const v = partial[key];
    if (v === undefined) continue;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new Error(`tag option ${key} = ${String(v)}: must be a finite number ≥ 0`);
    if ((INTEGER_OPTIONS as readonly string[]).includes(key) && !Number.isInteger(v)) throw new Error(`tag option ${key} = ${v}: must be an integer`);
    out[key] = v;
  }
  if (out.confusedMinShare > 1) throw new Error(`tag option confusedMinShare = ${out.confusedMinShare}: must be at most 1`);
  return out;
}
