import { normalizePath } from './pathRules';

export interface PathMatch {
  /** For each wanted path, the index into `files` it resolved to, or −1. */
  fileIndex: Int32Array;
  /** Wanted paths that matched no file, or more than one equally well. */
  unmatched: { path: string; reason: 'missing' | 'ambiguous' }[];
}

/**
 * Resolves the image paths a pairs list names to the files that were dropped,
 * whose roots rarely agree (`Aaron/Aaron_0001.jpg` in pairs.txt vs
 * `lfw-deepfunneled/Aaron/Aaron_0001.jpg` in the dropped folder). A wanted
 * path matches the file whose path ends with it (whole segments); failing
 * that, the longest trailing run of its segments shared with exactly one file.
 * A bare file name matches only when it is unique. Case-sensitive, like
 * Linux file systems and zip entries.
 *
 * Contract: '/' or '\\' separated relative paths; O(total segments) time.
 */
export function matchPaths(wanted: readonly string[], files: readonly string[]): PathMatch {
  // suffix (k trailing segments) → file index, or −2 when several files share it.
  const bySuffix = new Map<string, number>();
  files.forEach((f, i) => {
    const parts = normalizePath(f).split('/');
    for (let k = 1; k <= parts.length; k++) {
      const key = parts.slice(parts.length - k).join('/');
      const prev = bySuffix.get(key);
      bySuffix.set(key, prev === undefined || prev === i ? i : -2);
    }
  });
  const fileIndex = new Int32Array(wanted.length).fill(-1);
  const unmatched: PathMatch['unmatched'] = [];
  wanted.forEach((w, j) => {
    const parts = normalizePath(w).split('/');
    let ambiguous = false;
    for (let k = parts.length; k >= 1; k--) {
      const hit = bySuffix.get(parts.slice(parts.length - k).join('/'));
      if (hit === undefined) continue;
      if (hit === -2) {
        ambiguous = true;
        break;
      }
      fileIndex[j] = hit;
      break;
    }
    if (fileIndex[j] < 0) unmatched.push({ path: w, reason: ambiguous ? 'ambiguous' : 'missing' });
  });
  return { fileIndex, unmatched };
}
