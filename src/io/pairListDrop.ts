import type { DroppedFile } from './dropFiles';
import { formatIssue } from './inputIssue';
import { keepPairsOfUsableImages, type PairList } from './pairList';
import { matchPaths } from './matchPaths';
import { parsePairsCsv } from './pairsCsv';
import { parseLfwPairs } from './lfwPairs';
import { parseTripletsCsv } from './tripletsCsv';

/** The list formats a drop may hold (see dataKind.ts). */
export type PairListFormat = 'pairs-csv' | 'lfw-pairs' | 'triplets-csv';

export interface PairListCounts {
  /** Images the usable pairs reference (each embedded once). */
  images: number;
  /** Usable pairs (both images found), as listed: triplets count twice. */
  pairs: number;
  positives: number;
  negatives: number;
  /** Pairs of the list left out: a bad line, or an image not among the dropped files. */
  skippedPairs: number;
  /** Image paths the list names that matched no dropped file (or more than one). */
  missingImages: number;
}

export interface PairListImage {
  /** The path as the list names it (normalised). */
  path: string;
  /** Class id: the image's folder in the list (see `classesKnown`), else 0. */
  label: number;
  file: File;
}

/** A pairs list read against the dropped images: only the images it references, each once; pair k = (a[k], b[k]) into `images`. */
export interface PairListDrop {
  format: PairListFormat;
  /** The list file's path as dropped. */
  listFile: string;
  images: PairListImage[];
  pairs: { a: Uint32Array; b: Uint32Array; labels: Uint8Array; line: Uint32Array };
  /**
   * Class names (folder of each listed path), when every listed label agrees
   * with them (positives share a folder, negatives do not); else one
   * 'unknown' class and `classesKnown` false. `classesNote` says which and why.
   */
  classes: string[];
  classesKnown: boolean;
  classesNote: string;
  counts: PairListCounts;
  /** Each problem as one line naming the list file, the line, what is wrong and the fix. */
  problems: string[];
}

const MAX_MISSING_LISTED = 20;

/**
 * Parses the list `listPath` (text `text`) as `format` and matches the image
 * paths it names to the dropped `images` (matchPaths: roots may differ). Pairs
 * whose two images were both found are kept, in list order; every other pair
 * is counted, and each missing image is named with the first line that uses
 * it. Pure: reads no file.
 */
export function readPairListDrop(format: PairListFormat, listPath: string, text: string, images: readonly DroppedFile[]): PairListDrop {
  const file = listPath.split('/').pop() ?? listPath;
  const parsed = format === 'lfw-pairs' ? parseLfwPairs(text, file) : format === 'triplets-csv' ? parseTripletsCsv(text, file) : parsePairsCsv(text, file);
  const listed = parsed.pairs;
  const problems = parsed.issues.map(formatIssue);
  const badLines = new Set(parsed.issues.filter((i) => i.severity === 'error' && i.line !== undefined).map((i) => i.line));
  const skippedLines = format === 'triplets-csv' ? 2 * badLines.size : badLines.size;

  const match = matchPaths(listed.paths, images.map((f) => f.path));
  const usable = Uint8Array.from(match.fileIndex, (f) => (f >= 0 ? 1 : 0));
  const { pairs: kept, dropped } = keepPairsOfUsableImages(listed, usable);
  problems.push(...missingProblems(file, listed, match.unmatched, match.fileIndex));

  // Only the images the kept pairs reference, each once, in first-use order.
  const remap = new Int32Array(listed.paths.length).fill(-1);
  const used: number[] = [];
  const a = new Uint32Array(kept.a.length);
  const b = new Uint32Array(kept.b.length);
  const id = (p: number) => (remap[p] >= 0 ? remap[p] : ((remap[p] = used.length), used.push(p), remap[p]));
  for (let k = 0; k < kept.a.length; k++) {
    a[k] = id(kept.a[k]);
    b[k] = id(kept.b[k]);
  }
  const paths = used.map((p) => listed.paths[p]);
  const cls = listClasses(paths, a, b, kept.label);
  return {
    format,
    listFile: listPath,
    images: used.map((p, i) => ({ path: listed.paths[p], label: cls.labelOf[i], file: images[match.fileIndex[p]].file })),
    pairs: { a, b, labels: kept.label, line: kept.line },
    classes: cls.classes,
    classesKnown: cls.known,
    classesNote: cls.note,
    counts: {
      images: used.length,
      pairs: kept.a.length,
      positives: kept.positives,
      negatives: kept.negatives,
      skippedPairs: dropped + skippedLines,
      missingImages: match.unmatched.length,
    },
    problems,
  };
}

/** One line per unmatched image (the first MAX_MISSING_LISTED), with the first list line that uses it. */
function missingProblems(file: string, listed: PairList, unmatched: { path: string; reason: 'missing' | 'ambiguous' }[], fileIndex: Int32Array): string[] {
  if (unmatched.length === 0) return [];
  const firstLine = new Map<number, number>();
  const uses = new Map<number, number>();
  for (let k = 0; k < listed.a.length; k++) {
    for (const p of [listed.a[k], listed.b[k]]) {
      if (fileIndex[p] >= 0) continue;
      if (!firstLine.has(p)) firstLine.set(p, listed.line[k]);
      uses.set(p, (uses.get(p) ?? 0) + 1);
    }
  }
  const indexOf = new Map(listed.paths.map((p, i) => [p, i]));
  const out = unmatched.slice(0, MAX_MISSING_LISTED).map(({ path, reason }) => {
    const p = indexOf.get(path) ?? -1;
    const n = uses.get(p) ?? 0;
    const what = reason === 'missing' ? `image "${path}" is not among the dropped files` : `image "${path}" matches more than one dropped file`;
    const fix = reason === 'missing' ? 'drop the folder that holds it together with the list, or remove the lines that use it' : 'drop only one copy of it, or write its path in the list with more of its folders';
    return `${file}, line ${firstLine.get(p) ?? '?'}: ${what}; ${n === 1 ? 'the pair that uses it is' : `the ${n} pairs that use it are`} left out, the other pairs are kept. Fix: ${fix}`;
  });
  if (unmatched.length > MAX_MISSING_LISTED) out.push(`${file}: ${unmatched.length - MAX_MISSING_LISTED} more listed images are not among the dropped files (their pairs are left out too).`);
  return out;
}

/** Folder of each listed path as its class, when the list's labels agree with the folders everywhere. */
function listClasses(paths: string[], a: Uint32Array, b: Uint32Array, labels: Uint8Array): { classes: string[]; labelOf: Int32Array; known: boolean; note: string } {
  const unknown = (note: string) => ({ classes: ['unknown'], labelOf: new Int32Array(paths.length), known: false, note });
  const folders = paths.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : ''));
  if (folders.some((f) => f === '')) return unknown('classes unknown: some listed images are not in a folder, so the list gives no class names');
  const classes = [...new Set(folders)].sort();
  const idOf = new Map(classes.map((c, i) => [c, i]));
  const labelOf = Int32Array.from(folders, (f) => idOf.get(f)!);
  for (let k = 0; k < labels.length; k++) {
    if ((labelOf[a[k]] === labelOf[b[k]] ? 1 : 0) !== labels[k]) {
      return unknown(`classes unknown: the list's labels do not follow the image folders (${paths[a[k]]} and ${paths[b[k]]} are labelled ${labels[k] ? 'same' : 'different'})`);
    }
  }
  return { classes, labelOf, known: true, note: `${classes.length.toLocaleString('en-US')} classes from the images' folders (the list's labels agree with them)` };
}
