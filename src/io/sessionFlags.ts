import type { Flag } from '../diagnostics/flags';
import { validateFlags } from '../diagnostics/flags';
import type { CurveSummary, Session, SessionFlag } from './sessionTypes';

/** Datasets up to this many items have their flagged paths checked for repeats (a pass of ~80 ms at most). */
const GUARDED_PATHS = 200_000;

/**
 * Flags with image indices → flags with paths and class names (for a session
 * file). Contract: `paths` and `classNames` describe the evaluated images.
 * Throws an Error naming the first invalid flag, or a duplicated path (a flag
 * on it could not be read back unambiguously).
 */
export function flagsToSession(flags: readonly Flag[], paths: readonly string[], classNames: readonly string[]): SessionFlag[] {
  validateFlags(flags, paths.length, classNames.length);
  // Only a flagged path that occurs twice is ambiguous. Every dataset the app builds has distinct paths by construction
  // (files; list spellings resolved to one file; table names from one Map; "row L·a" per line), so this is a guard, kept
  // for image-sized sets: over 10 M scores-table item names it took 4–8 s on every flag change.
  const flagged = new Set(flags.flatMap((f) => (f.kind === 'exclude-pair' || f.kind === 'label-error' ? [paths[f.i], paths[f.j]] : [paths[f.image]])));
  if (flagged.size > 0 && paths.length <= GUARDED_PATHS) {
    const seen = new Set<string>();
    for (const p of paths) {
      if (!flagged.has(p)) continue;
      if (seen.has(p)) throw new Error(`session: the path ${JSON.stringify(p)} occurs twice in the dataset; flags could not be matched to it`);
      seen.add(p);
    }
  }
  return flags.map((f): SessionFlag => {
    const tag = f.tag === undefined ? {} : { tag: f.tag };
    switch (f.kind) {
      case 'exclude-pair':
      case 'label-error':
        return { kind: f.kind, a: paths[Math.min(f.i, f.j)], b: paths[Math.max(f.i, f.j)], ...tag };
      case 'exclude-image':
        return { kind: f.kind, image: paths[f.image], ...tag };
      case 'relabel-image':
        return { kind: f.kind, image: paths[f.image], toClass: classNames[f.toClass], ...tag };
    }
  });
}

/** Session flags matched against the images the user has loaded now. */
export interface ResolvedFlags {
  /** The flags whose images and classes were all found, in session order. */
  flags: Flag[];
  /** One line per flag that could not be applied (never skipped silently), e.g. 'flag 3: image "x.png" is not in this dataset'. */
  problems: string[];
}

/**
 * Maps the session's paths and class names back to indices into `paths` and
 * `classNames` (the dataset loaded now, in any order). Flags naming an image
 * or class that is missing, or a path that occurs twice, are left out and
 * reported in `problems`.
 */
export function resolveSessionFlags(session: Session, paths: readonly string[], classNames: readonly string[]): ResolvedFlags {
  // Index only the paths the session names (one pass over `paths`; no map of every path).
  const wanted = new Set(session.flags.flatMap((f) => ('image' in f ? [f.image] : [f.a, f.b])));
  const index = new Map<string, number>();
  const twice = new Set<string>();
  if (wanted.size > 0) paths.forEach((p, i) => wanted.has(p) && (index.has(p) ? twice.add(p) : index.set(p, i)));
  const flags: Flag[] = [];
  const problems: string[] = [];
  session.flags.forEach((f, k) => {
    const where = `flag ${k + 1}`;
    const find = (p: string): number | null => {
      if (twice.has(p)) problems.push(`${where}: image ${JSON.stringify(p)} occurs twice in this dataset`);
      else if (!index.has(p)) problems.push(`${where}: image ${JSON.stringify(p)} is not in this dataset`);
      else return index.get(p)!;
      return null;
    };
    const tag = f.tag === undefined ? {} : { tag: f.tag };
    switch (f.kind) {
      case 'exclude-pair':
      case 'label-error': {
        const i = find(f.a);
        const j = find(f.b);
        if (i !== null && j !== null) flags.push({ kind: f.kind, i, j, ...tag });
        return;
      }
      case 'exclude-image': {
        const image = find(f.image);
        if (image !== null) flags.push({ kind: f.kind, image, ...tag });
        return;
      }
      case 'relabel-image': {
        const image = find(f.image);
        const toClass = classNames.indexOf(f.toClass);
        if (toClass < 0) problems.push(`${where}: class ${JSON.stringify(f.toClass)} is not in this dataset`);
        if (image !== null && toClass >= 0) flags.push({ kind: f.kind, image, toClass, ...tag });
        return;
      }
    }
  });
  return { flags, problems };
}

const CURVE_COUNTS = { pairs: 'pairs', positives: 'positive pairs', distinctScores: 'distinct scores', excludedNonFinite: 'non-finite scores excluded' } as const;
const fmt = (n: number) => n.toLocaleString('en-US');
const names = (xs: readonly string[]) => (xs.length > 4 ? `${xs.slice(0, 4).map((x) => JSON.stringify(x)).join(', ')} and ${xs.length - 4} more` : xs.map((x) => JSON.stringify(x)).join(', '));

/**
 * Where what the colleague computes now differs from the session: image
 * count, class names (as a set: flags name classes, so their order does not
 * matter), and the curve summary (counts exactly, AP and chance to 1e-9).
 * Empty when everything matches. Each line says what differs, in numbers.
 */
export function sessionDifferences(session: Session, now: { images: number; classNames: readonly string[]; curve: CurveSummary }): string[] {
  const out: string[] = [];
  if (session.dataset.images !== now.images) out.push(`${fmt(session.dataset.images)} images in the session, ${fmt(now.images)} loaded now`);
  const before = new Set(session.dataset.classes);
  const after = new Set(now.classNames);
  const onlyBefore = session.dataset.classes.filter((c) => !after.has(c));
  const onlyNow = now.classNames.filter((c) => !before.has(c));
  if (onlyBefore.length > 0 || onlyNow.length > 0) {
    const parts = [onlyBefore.length > 0 ? `only in the session: ${names(onlyBefore)}` : '', onlyNow.length > 0 ? `only loaded now: ${names(onlyNow)}` : ''];
    out.push(`classes differ (${parts.filter(Boolean).join('; ')})`);
  }
  const s = session.curve;
  const c = now.curve;
  for (const key of ['pairs', 'positives', 'distinctScores', 'excludedNonFinite'] as const) {
    if (s[key] !== c[key]) out.push(`${CURVE_COUNTS[key]}: ${fmt(s[key])} in the session, ${fmt(c[key])} now`);
  }
  for (const key of ['ap', 'chance'] as const) {
    if (Math.abs(s[key] - c[key]) > 1e-9) {
      const [then, nowText] = distinctDecimals(s[key], c[key]);
      out.push(`${key === 'ap' ? 'AP' : 'chance'}: ${then} in the session, ${nowText} now`);
    }
  }
  return out;
}

/** Two numbers with as few decimals (at least 4) as tell them apart: 0.8782 and 0.8987, 0.500000001 and 0.500000003. */
function distinctDecimals(a: number, b: number): [string, string] {
  let d = 4;
  while (d < 15 && a.toFixed(d) === b.toFixed(d)) d++;
  return [a.toFixed(d), b.toFixed(d)];
}

/** The session was saved over these images and classes (same count, same class names in any order). */
export function sameSessionData(session: Session, now: { images: number; classNames: readonly string[] }): boolean {
  const after = new Set(now.classNames);
  return session.dataset.images === now.images && session.dataset.classes.length === after.size && session.dataset.classes.every((c) => after.has(c));
}
