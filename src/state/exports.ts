import type { AppState } from './types';
import { dipOf } from './derived';
import { flagsToCsv } from '../io/flagsCsv';
import { exportSession, curveSummary, type Session } from '../io/session';
import { parseSession } from '../io/sessionParse';
import { resolveSessionFlags, sessionDifferences } from '../io/sessionFlags';
import type { Flag } from '../diagnostics/flags';
import { pointAtThreshold } from '../metrics/curveQuery';
import { pairIndexOf } from '../metrics/pairIndex';

/** Each dataset's image paths, made once (a scores table of millions of rows has millions of item names; the autosave asks on every change). */
const pathsOf = (() => {
  const made = new WeakMap<object, string[]>();
  return (d: NonNullable<AppState['dataset']>): string[] => {
    let paths = made.get(d);
    if (!paths) made.set(d, (paths = d.images.map((im) => im.path)));
    return paths;
  };
})();

/** The flagged pairs and images as CSV (paths, classes, score, tag, action). */
export function flagsCsvText(s: AppState): string {
  if (!s.dataset || !s.evaluation) throw new Error('nothing evaluated yet');
  return flagsToCsv(s.flags, {
    paths: pathsOf(s.dataset),
    classes: Int32Array.from(s.dataset.images, (im) => im.label),
    classNames: s.dataset.classes,
    scores: s.evaluation.scores,
    pairs: pairIndexOf(s.evaluation),
  });
}

/** Settings, flags and the curve summary as JSON (no images), for a colleague with the same files. */
export function sessionText(s: AppState, now = new Date()): string {
  if (!s.dataset || !s.evaluation) throw new Error('nothing evaluated yet');
  const c = s.evaluation.curve;
  return exportSession({
    model: s.model ? { name: s.model.name } : null,
    dataset: { name: s.dataset.name, paths: pathsOf(s.dataset), classNames: s.dataset.classes },
    settings: {
      metric: s.metric,
      recallAxis: s.axis,
      threshold: s.selectedIdx !== null && s.selectedIdx < c.thresholds.length ? c.thresholds[s.selectedIdx] : null,
      zoom: s.axis === 'rank' ? null : s.zoom,
      filter: s.filter,
      tagOptions: {},
    },
    flags: s.flags,
    curve: c,
    dip: dipOf(s.evaluation),
    counterfactual: s.counterfactual?.curve ?? null,
    createdAt: now,
  });
}

/**
 * A session file read against the current view: its settings, the flags that
 * name images loaded now, one line per flag that does not, and where its
 * numbers differ from the curve computed now. Throws with the field name when
 * the file is not a Dipscope session.
 */
export function readSession(s: AppState, text: string): { session: Session; flags: Flag[]; problems: string[]; differences: string[]; now: { name: string; images: number; classNames: readonly string[] } } {
  if (!s.dataset || !s.evaluation) throw new Error('run an evaluation first, then import the session');
  const session = parseSession(text);
  const paths = pathsOf(s.dataset);
  const resolved = resolveSessionFlags(session, paths, s.dataset.classes);
  // A pair list holds only some pairs: a pair flag on any other pair cannot apply.
  const index = pairIndexOf(s.evaluation);
  const flags = resolved.flags.filter((f) => {
    if (f.kind !== 'exclude-pair' && f.kind !== 'label-error') return true;
    if (index.find(f.i, f.j).length > 0) return true;
    resolved.problems.push(`${JSON.stringify(paths[f.i])} and ${JSON.stringify(paths[f.j])} are not a pair of this pair list`);
    return false;
  });
  const now = { name: s.dataset.name, images: paths.length, classNames: s.dataset.classes };
  return { session, flags, problems: resolved.problems, differences: sessionDifferences(session, { ...now, curve: curveSummary(s.evaluation.curve, dipOf(s.evaluation)) }), now };
}

/** The curve index a session's threshold points at. */
export function indexOfThreshold(s: AppState, t: number | null): number | null {
  if (t === null || !s.evaluation) return null;
  const i = pointAtThreshold(s.evaluation.curve, t);
  return i < s.evaluation.curve.thresholds.length ? i : null;
}
