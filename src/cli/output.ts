import { bestF1, FAR_TARGETS, interpolatedAveragePrecision, rocAucFromPrCurve, tarAtFar, trapezoidPrArea, type PrCurve } from '../metrics';

/** Where the CLI writes; may return a promise to apply back-pressure. */
export type Write = (chunk: string) => void | Promise<void>;

const CHUNK = 65_536; // numbers per write: keeps every string small for 10⁷-point curves

/**
 * Writes `obj` as one JSON object. Typed arrays are streamed in chunks
 * instead of being built into one string (a 12.5 M-point curve would exceed
 * V8's string limit); other values go through JSON.stringify (±Infinity → null).
 */
export async function writeJson(write: Write, obj: Record<string, unknown>): Promise<void> {
  await write('{');
  let first = true;
  for (const [key, value] of Object.entries(obj)) {
    await write(`${first ? '' : ','}${JSON.stringify(key)}:`);
    first = false;
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const arr = value as unknown as ArrayLike<number>;
      await write('[');
      for (let i = 0; i < arr.length; i += CHUNK) {
        const part = Array.from((value as unknown as Float64Array).subarray(i, i + CHUNK), (x) => JSON.stringify(x)).join(',');
        await write(i === 0 ? part : `,${part}`);
      }
      await write(']');
    } else {
      await write(JSON.stringify(value));
    }
  }
  await write('}\n');
}

const MAX_LISTED = 100;

/**
 * The summary fields of a curve (every metric that needs no second sort).
 * Keys are snake_case like scikit-learn's names; the alternatives to AP are
 * labelled as such.
 */
export function curveSummary(curve: PrCurve): Record<string, unknown> {
  const best = bestF1(curve);
  const tar = tarAtFar(curve, FAR_TARGETS);
  return {
    ap: curve.ap,
    n: curve.n,
    positives: curve.positives,
    excluded_nonfinite: curve.excludedNonFinite,
    excluded_indices: Array.from(curve.excludedIndices.subarray(0, MAX_LISTED)),
    distinct_scores: curve.thresholds.length,
    chance_ap: curve.chance,
    roc_auc: rocAucFromPrCurve(curve),
    best_f1: best && {
      threshold: best.threshold,
      f1: best.f1,
      precision: best.precision,
      recall: best.recall,
      tp: best.tp,
      fp: best.fp,
      tn: best.tn,
      fn: best.fn,
    },
    tar_at_far: tar && tar.map((t) => ({ far_target: t.targetFar, tar: t.tar, far: t.far, threshold: t.threshold, resolvable: t.resolvable })),
    alternative_ap_interpolated_voc: interpolatedAveragePrecision(curve),
    alternative_pr_area_trapezoid: trapezoidPrArea(curve),
    warnings: curve.warnings,
  };
}
