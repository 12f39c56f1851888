import { normalizePath } from './pathRules';

export interface UnmatchedPath {
  path: string;
  reason: 'missing' | 'ambiguous';
  /**
   * For 'missing': a dropped file with the same name (sharing the most trailing
   * segments) whose folders disagree with the listed ones — what the user
   * probably meant. Never used as a match.
   */
  candidate?: string;
}

export interface PathMatch {
  /** For each wanted path, the index into `files` it resolved to, or −1. */
  fileIndex: Int32Array;
  /** Wanted paths that matched no file, or more than one equally well. */
  unmatched: UnmatchedPath[];
}

/**
 * Resolves the image paths a pairs list names to the files that were dropped,
 * whose roots rarely agree (`Aaron/Aaron_0001.jpg` in pairs.txt vs
 * `lfw-deepfunneled/Aaron/Aaron_0001.jpg` in the dropped folder).
 *
 * A wanted path W matches a dropped file F when they agree on every trailing
 * segment both have: W ends F (the list's root is shorter) or F ends W (the
 * list's root is longer). When both roots differ (`/mnt/data/bag/b1.png` in a
 * list written on the training machine vs a dropped `fm/bag/b1.png`), the file
 * sharing the longest tail of at least two segments (the name and its folder)
 * matches. The file sharing the most segments wins; two files sharing as many
 * are 'ambiguous'. A file that shares only the name and has a *different*
 * folder where W names one is NOT a match: `shirt/b2.png` never resolves to
 * `bag/b2.png`; it is 'missing' with `bag/b2.png` as its `candidate`. Paths are normalised first (normalizePath:
 * '\\', '.', '..'). Case-sensitive, like Linux file systems and zip entries.
 *
 * Contract: '/' or '\\' separated relative paths; O(total segments²) time
 * for the suffix index (paths are a few segments deep).
 */
export function matchPaths(wanted: readonly string[], files: readonly string[]): PathMatch {
  // suffix (k trailing segments) → first file index and how many files end with it.
  const bySuffix = new Map<string, { first: number; count: number }>();
  const byFullPath = new Map<string, number>();
  files.forEach((f, i) => {
    const norm = normalizePath(f);
    if (!byFullPath.has(norm)) byFullPath.set(norm, i);
    const parts = norm.split('/');
    for (let k = 1; k <= parts.length; k++) {
      const key = parts.slice(parts.length - k).join('/');
      const prev = bySuffix.get(key);
      if (prev === undefined) bySuffix.set(key, { first: i, count: 1 });
      else if (prev.first !== i) prev.count++;
    }
  });
  const fileIndex = new Int32Array(wanted.length).fill(-1);
  const unmatched: UnmatchedPath[] = [];
  wanted.forEach((w, j) => {
    const parts = normalizePath(w).split('/');
    // 1. W ends one or more files: all agree on every segment W gives.
    const whole = bySuffix.get(parts.join('/'));
    if (whole !== undefined) {
      if (whole.count === 1) fileIndex[j] = whole.first;
      else unmatched.push({ path: w, reason: 'ambiguous' });
      return;
    }
    // 2. A file's whole path ends W (the list names more folders than were dropped): the longest such file.
    for (let k = parts.length - 1; k >= 1; k--) {
      const hit = byFullPath.get(parts.slice(parts.length - k).join('/'));
      if (hit !== undefined) {
        fileIndex[j] = hit;
        return;
      }
    }
    // 3. Both roots differ (`/mnt/data/bag/b1.png` vs a dropped `fm/bag/b1.png`): the file sharing the
    //    longest tail of at least the name and its folder; unique, or it is ambiguous.
    for (let k = parts.length - 1; k >= 2; k--) {
      const hit = bySuffix.get(parts.slice(parts.length - k).join('/'));
      if (hit === undefined) continue;
      if (hit.count === 1) fileIndex[j] = hit.first;
      else unmatched.push({ path: w, reason: 'ambiguous' });
      return;
    }
    // 4. Only the name is shared while the folder differs: not a match; name that file as a hint.
    const sameName = parts.length > 1 ? bySuffix.get(parts[parts.length - 1]) : undefined;
    unmatched.push(sameName === undefined ? { path: w, reason: 'missing' } : { path: w, reason: 'missing', candidate: files[sameName.first] });
  });
  return { fileIndex, unmatched };
}
