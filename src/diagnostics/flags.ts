import { isTagId, type TagId } from './tagCatalog';

/**
 * What the user marked in the gallery. Images are referred to by index into
 * the evaluated image list; a pair by its two images (any order, never the
 * same image twice). `tag` optionally records why (the tag that led to it).
 *  - exclude-pair: drop the pair from the evaluation;
 *  - label-error: the pair's label is wrong: flip it (positive ↔ negative);
 *  - exclude-image: drop every pair that contains the image;
 *  - relabel-image: the image belongs to class `toClass`: recompute the
 *    labels of all its pairs.
 */
export type Flag =
  | { kind: 'exclude-pair'; i: number; j: number; tag?: TagId }
  | { kind: 'label-error'; i: number; j: number; tag?: TagId }
  | { kind: 'exclude-image'; image: number; tag?: TagId }
  | { kind: 'relabel-image'; image: number; toClass: number; tag?: TagId };

export type FlagKind = Flag['kind'];

export const FLAG_KINDS: readonly FlagKind[] = ['exclude-pair', 'label-error', 'exclude-image', 'relabel-image'];

/**
 * Checks one flag against a set of `n` images and `classCount` classes.
 * Returns null when it is valid, else one line naming the field, e.g.
 * "flags[2].j: 7 is not an image index in 0..5". `where` prefixes the field.
 * Accepts untyped values (parsed JSON).
 */
export function flagError(flag: unknown, n: number, classCount: number, where = 'flag'): string | null {
  if (typeof flag !== 'object' || flag === null || Array.isArray(flag)) return `${where}: expected an object, got ${describe(flag)}`;
  const f = flag as Record<string, unknown>;
  const image = (key: string): string | null =>
    Number.isInteger(f[key]) && (f[key] as number) >= 0 && (f[key] as number) < n ? null : `${where}.${key}: ${describe(f[key])} is not an image index in 0..${n - 1}`;
  if (f.tag !== undefined && !isTagId(f.tag)) return `${where}.tag: ${describe(f.tag)} is not a known tag id`;
  switch (f.kind) {
    case 'exclude-pair':
    case 'label-error': {
      const bad = image('i') ?? image('j');
      if (bad) return bad;
      return f.i === f.j ? `${where}: a pair needs two different images, got (${f.i}, ${f.j})` : null;
    }
    case 'exclude-image':
      return image('image');
    case 'relabel-image': {
      const bad = image('image');
      if (bad) return bad;
      const c = f.toClass;
      return Number.isInteger(c) && (c as number) >= 0 && (c as number) < classCount ? null : `${where}.toClass: ${describe(c)} is not a class id in 0..${classCount - 1}`;
    }
    default:
      return `${where}.kind: ${describe(f.kind)} is not one of ${FLAG_KINDS.join(', ')}`;
  }
}

/** Throws an Error with the first `flagError` of `flags` (field named as flags[k].…). */
export function validateFlags(flags: readonly unknown[], n: number, classCount: number): asserts flags is Flag[] {
  for (let k = 0; k < flags.length; k++) {
    const err = flagError(flags[k], n, classCount, `flags[${k}]`);
    if (err) throw new Error(err);
  }
}

function describe(x: unknown): string {
  if (typeof x === 'string') return JSON.stringify(x);
  if (x === undefined) return 'missing';
  if (typeof x === 'number') return String(x);
  try {
    return JSON.stringify(x) ?? String(x);
  } catch {
    return String(x);
  }
}

/** A key equal for flags that mean the same thing (pairs in either order): for de-duplicating many flags at once. */
export function flagKey(f: Flag): string {
  switch (f.kind) {
    case 'exclude-pair':
    case 'label-error':
      return `${f.kind}:${Math.min(f.i, f.j)}:${Math.max(f.i, f.j)}`;
    case 'exclude-image':
      return `${f.kind}:${f.image}`;
    case 'relabel-image':
      return `${f.kind}:${f.image}:${f.toClass}`;
  }
}

/** Two flags mean the same thing (pairs in either order). */
export function sameFlag(a: Flag, b: Flag): boolean {
  if (a.kind !== b.kind) return false;
  if ((a.kind === 'exclude-pair' || a.kind === 'label-error') && (b.kind === 'exclude-pair' || b.kind === 'label-error')) {
    return (a.i === b.i && a.j === b.j) || (a.i === b.j && a.j === b.i);
  }
  if (a.kind === 'exclude-image' && b.kind === 'exclude-image') return a.image === b.image;
  if (a.kind === 'relabel-image' && b.kind === 'relabel-image') return a.image === b.image && a.toClass === b.toClass;
  return false;
}

/**
 * What the user's flags say about the pair (i, j), one short phrase each, in
 * flag order: "pair excluded", "label flipped", "left image excluded",
 * "right image relabelled" (left = i, right = j).
 */
export function flagsOnPair(flags: readonly Flag[], i: number, j: number): string[] {
  const side = (image: number) => (image === i ? 'left' : 'right');
  const out: string[] = [];
  for (const f of flags) {
    if ((f.kind === 'exclude-pair' || f.kind === 'label-error') && ((f.i === i && f.j === j) || (f.i === j && f.j === i))) out.push(f.kind === 'exclude-pair' ? 'pair excluded' : 'label flipped');
    if ((f.kind === 'exclude-image' || f.kind === 'relabel-image') && (f.image === i || f.image === j)) out.push(`${side(f.image)} image ${f.kind === 'exclude-image' ? 'excluded' : 'relabelled'}`);
  }
  return out;
}
