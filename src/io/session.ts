import { findDip, type Dip } from '../diagnostics/dip';
import type { Flag } from '../diagnostics/flags';
import type { PrCurve } from '../metrics/prCurve';
import { flagsToSession } from './sessionFlags';
import { checkSession } from './sessionParse';
import { SESSION_FORMAT, SESSION_VERSION, type CurveSummary, type Session, type SessionSettings } from './sessionTypes';

/**
 * Session export (see sessionTypes.ts for the file's shape, sessionParse.ts
 * for reading it back, sessionFlags.ts for matching flags to the images
 * loaded now).
 */
export * from './sessionTypes';

/** Everything `exportSession` writes, in the app's own terms (indices, curves). */
export interface SessionInput {
  model: { name: string } | null;
  dataset: { name: string; paths: readonly string[]; classNames: readonly string[] };
  settings: SessionSettings;
  flags: readonly Flag[];
  curve: PrCurve;
  dip: Dip | null;
  /** The curve with the flags applied; its dip is found here, by the same findDip (it can still dip). */
  counterfactual?: PrCurve | null;
  createdAt: Date;
}

/** The summary of a curve (and its dip, found by findDip on the same curve). */
export function curveSummary(curve: PrCurve, dip: Dip | null): CurveSummary {
  return {
    pairs: curve.n,
    positives: curve.positives,
    ap: curve.ap,
    chance: curve.chance,
    distinctScores: curve.thresholds.length,
    excludedNonFinite: curve.excludedNonFinite,
    dip: dip && {
      thresholdTop: curve.thresholds[dip.topIdx],
      thresholdEnd: curve.thresholds[dip.endIdx],
      recallEnd: dip.recallEnd,
      minPrecision: dip.minPrecision,
      refPrecision: dip.refPrecision,
    },
  };
}

/**
 * The session as pretty-printed JSON text. Flags are rewritten with paths and
 * class names. Throws an Error naming the field when the input would make a
 * file that `parseSession` refuses (an invalid flag, a bad setting, duplicate
 * paths), so nothing unreadable is ever written.
 */
export function exportSession(input: SessionInput): string {
  const { dataset } = input;
  const session: Session = {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    createdAt: input.createdAt.toISOString(),
    model: input.model ? { name: input.model.name } : null,
    dataset: { name: dataset.name, images: dataset.paths.length, classes: [...dataset.classNames] },
    settings: input.settings,
    flags: flagsToSession(input.flags, dataset.paths, dataset.classNames),
    curve: curveSummary(input.curve, input.dip),
    counterfactual: input.counterfactual ? curveSummary(input.counterfactual, findDip(input.counterfactual.precision, input.counterfactual.recall)) : null,
  };
  const text = JSON.stringify(session, null, 2);
  checkSession(JSON.parse(text)); // round-trip: refuse to write what we could not read
  return text;
}
