import type { DroppedFile } from './dropFiles';
import { formatIssue } from './inputIssue';
import { keepPairsOfUsableImages, type PairList } from './pairList';
import { matchPaths, type UnmatchedPath } from './matchPaths';
import { normalizePath, shortPath } from './pathRules';
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
  /** What the list itself holds, whatever was dropped with it: its pairs (as listed: triplets count twice) and the distinct images they name. */
  listed: { pairs: number; positives: number; negatives: number; images: number };
}

export interface PairListImage {
  /** The path as the list first names its file (normalised); other spellings of the same file are this image too. */
  path: string;
  /** Class id: the image's folder (see `classesKnown` and listClasses), else 0. */
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
  /** What was left out (a bad line, a missing image, a self-pair), one line each naming the list file, the line, what is wrong and the fix. */
  problems: string[];
  /** What was kept but read with an assumption (a repeated pair, a header that does not match the lines), same form. */
  notes: string[];
  /** No image was dropped with the list (yet): its images are not "missing", they are the next drop. */
  awaitingImages: boolean;
}

const MAX_MISSING_LISTED = 20;
const MAX_SELF_LISTED = 20;

/**
 * Parses the list `listPath` (text `text`) as `format` and matches the image
 * paths it names to the dropped `images` (matchPaths: roots may differ, the
 * folders the list gives must agree). Images are unique per dropped FILE: two
 * spellings of one file (`bag/b1.png`, `./data/bag/b1.png`) are one image,
 * embedded once. A pair whose two paths resolve to the same file pairs an
 * image with itself (distance 0, a fake perfect match): it is left out and
 * named with its line and both spellings (a triplet is left out whole).
 * Pairs whose two images were both found are kept, in list order; every other
 * pair is counted once in `skippedPairs`, and each missing image is named with
 * the first line that uses it. Pure: reads no file.
 */
export function readPairListDrop(format: PairListFormat, listPath: string, text: string, images: readonly DroppedFile[]): PairListDrop {
  const file = listPath.split('/').pop() ?? listPath;
  const parsed = format === 'lfw-pairs' ? parseLfwPairs(text, file) : format === 'triplets-csv' ? parseTripletsCsv(text, file) : parsePairsCsv(text, file);
  const listed = parsed.pairs;
  const problems = parsed.issues.filter((i) => i.severity === 'error').map(formatIssue);
  const notes = parsed.issues.filter((i) => i.severity === 'warning').map(formatIssue);
  // A rejected line adds none of its pairs (parsers never keep half a triplet), so each counts whole.
  const badLines = new Set(parsed.issues.filter((i) => i.severity === 'error' && i.line !== undefined).map((i) => i.line));
  const skippedLines = format === 'triplets-csv' ? 2 * badLines.size : badLines.size;

  // LFW's pairs.txt names no extension of its own: `name/name_0001.jpg` is the dataset's, but a copy
  // converted to PNG (or WebP…) is the same image, so LFW names match any image extension.
  const stem = (p: string) => p.replace(/\.(jpe?g|png|webp|bmp|gif|avif|tiff?)$/i, '');
  const match = format === 'lfw-pairs' ? matchIgnoringExtension(listed.paths, images.map((f) => f.path), stem) : matchPaths(listed.paths, images.map((f) => f.path));
  const fileOf = match.fileIndex;
  const usable = Uint8Array.from(fileOf, (f) => (f >= 0 ? 1 : 0));
  const found = keepPairsOfUsableImages(listed, usable).pairs;
  // A list dropped alone is waiting for its images (they are read with it when dropped next): naming each as missing would say the opposite.
  const awaitingImages = images.length === 0 && listed.paths.length > 0;
  if (!awaitingImages) problems.push(...missingProblems(file, listed, match.unmatched));
  const self = selfPairs(format, file, found, fileOf, images);
  problems.push(...self.problems);
  const kept = keepPairs(found, (k) => !self.lines.has(found.line[k]));

  // Only the files the kept pairs reference, each once (however many spellings), in first-use order.
  const imageOfFile = new Map<number, number>();
  const used: number[] = []; // listed path index of each image's first spelling
  const a = new Uint32Array(kept.a.length);
  const b = new Uint32Array(kept.b.length);
  const id = (p: number) => {
    let i = imageOfFile.get(fileOf[p]);
    if (i === undefined) {
      i = used.length;
      imageOfFile.set(fileOf[p], i);
      used.push(p);
    }
    return i;
  };
  for (let k = 0; k < kept.a.length; k++) {
    a[k] = id(kept.a[k]);
    b[k] = id(kept.b[k]);
  }
  const paths = used.map((p) => listed.paths[p]);
  const cls = listClasses(paths, used.map((p) => images[fileOf[p]].path), a, b, kept.label);
  return {
    format,
    listFile: listPath,
    images: used.map((p, i) => ({ path: listed.paths[p], label: cls.labelOf[i], file: images[fileOf[p]].file })),
    pairs: { a, b, labels: kept.label, line: kept.line },
    classes: cls.classes,
    classesKnown: cls.known,
    classesNote: cls.note,
    counts: {
      images: used.length,
      pairs: kept.a.length,
      positives: kept.positives,
      negatives: kept.negatives,
      skippedPairs: listed.a.length - kept.a.length + skippedLines,
      missingImages: match.unmatched.length,
      listed: { pairs: listed.a.length, positives: listed.positives, negatives: listed.negatives, images: listed.paths.length },
    },
    problems,
    notes,
    awaitingImages,
  };
}

/** The pairs k of `pairs` for which `keep(k)`; `paths` unchanged. */
function keepPairs(pairs: PairList, keep: (k: number) => boolean): PairList {
  const idx: number[] = [];
  for (let k = 0; k < pairs.a.length; k++) if (keep(k)) idx.push(k);
  if (idx.length === pairs.a.length) return pairs;
  const label = Uint8Array.from(idx, (k) => pairs.label[k]);
  const positives = label.reduce((n, v) => n + v, 0);
  return {
    paths: pairs.paths,
    a: Uint32Array.from(idx, (k) => pairs.a[k]),
    b: Uint32Array.from(idx, (k) => pairs.b[k]),
    label,
    line: Uint32Array.from(idx, (k) => pairs.line[k]),
    positives,
    negatives: idx.length - positives,
  };
}

/**
 * Lines with a pair whose two paths resolve to one dropped file (`fileOf`:
 * listed path → file index), and one problem per such line (the first
 * MAX_SELF_LISTED) naming both spellings and what is left out.
 */
function selfPairs(format: PairListFormat, file: string, pairs: PairList, fileOf: Int32Array, images: readonly DroppedFile[]): { lines: Set<number>; problems: string[] } {
  const lines = new Set<number>();
  const problems: string[] = [];
  for (let k = 0; k < pairs.a.length; k++) {
    const fa = fileOf[pairs.a[k]];
    if (fa !== fileOf[pairs.b[k]] || lines.has(pairs.line[k])) continue;
    lines.add(pairs.line[k]);
    if (problems.length === MAX_SELF_LISTED) continue;
    const what = format === 'triplets-csv' ? 'the triplet is left out (both its pairs)' : 'the pair is left out';
    problems.push(
      `${file}, line ${pairs.line[k]}: pairs an image with itself: "${shortPath(pairs.paths[pairs.a[k]])}" and "${shortPath(pairs.paths[pairs.b[k]])}" are the same dropped file ${shortPath(images[fa].path)}; ${what}, the other pairs are kept. Fix: name two different images on that line`,
    );
  }
  if (lines.size > MAX_SELF_LISTED) problems.push(`${file}: ${lines.size - MAX_SELF_LISTED} more lines pair an image with itself (left out too).`);
  return { lines, problems };
}

/** One line per unmatched image (the first MAX_MISSING_LISTED), with the first list line that uses it. */
/** matchPaths on the paths without their extensions; unmatched paths and candidates are reported as written. */
function matchIgnoringExtension(wanted: string[], files: string[], stem: (p: string) => string): ReturnType<typeof matchPaths> {
  const m = matchPaths(wanted.map(stem), files.map(stem));
  const wantedOf = new Map(wanted.map((w) => [stem(w), w]));
  const fileOf = new Map(files.map((f) => [stem(f), f]));
  return {
    fileIndex: m.fileIndex,
    unmatched: m.unmatched.map((u) => ({ ...u, path: wantedOf.get(u.path) ?? u.path, ...(u.candidate !== undefined ? { candidate: fileOf.get(u.candidate) ?? u.candidate } : {}) })),
  };
}

function missingProblems(file: string, listed: PairList, unmatched: UnmatchedPath[]): string[] {
  if (unmatched.length === 0) return [];
  const indexOf = new Map(listed.paths.map((p, i) => [p, i]));
  const missing = new Uint8Array(listed.paths.length);
  for (const u of unmatched) missing[indexOf.get(u.path)!] = 1;
  const firstLine = new Map<number, number>();
  const uses = new Map<number, number>();
  for (let k = 0; k < listed.a.length; k++) {
    for (const p of listed.a[k] === listed.b[k] ? [listed.a[k]] : [listed.a[k], listed.b[k]]) {
      if (!missing[p]) continue;
      if (!firstLine.has(p)) firstLine.set(p, listed.line[k]);
      uses.set(p, (uses.get(p) ?? 0) + 1);
    }
  }
  const out = unmatched.slice(0, MAX_MISSING_LISTED).map(({ path, reason, candidate }) => {
    const p = indexOf.get(path) ?? -1;
    const n = uses.get(p) ?? 0;
    const shown = shortPath(path);
    const what =
      reason === 'ambiguous'
        ? `image "${shown}" matches more than one dropped file`
        : candidate !== undefined
          ? `image "${shown}" is not among the dropped files (did you mean ${shortPath(candidate)}? its folders differ from the list's, so it is not used)`
          : `image "${shown}" is not among the dropped files`;
    const fix =
      reason === 'ambiguous'
        ? 'drop only one copy of it, or write its path in the list with more of its folders'
        : candidate !== undefined
          ? 'correct the path in the list, or drop the folder that holds it'
          : 'drop the folder that holds it together with the list, or remove the lines that use it';
    return `${file}, line ${firstLine.get(p) ?? '?'}: ${what}; ${n === 1 ? 'the pair that uses it is' : `the ${n} pairs that use it are`} left out, the other pairs are kept. Fix: ${fix}`;
  });
  if (unmatched.length > MAX_MISSING_LISTED) out.push(`${file}: ${unmatched.length - MAX_MISSING_LISTED} more listed images are not among the dropped files (their pairs are left out too).`);
  return out;
}

/**
 * Each image's class is its dropped file's folder below the folders all used
 * files share (`lfw/Ann/Ann_0001.jpg` → `Ann`), so two spellings of one file
 * never make two classes; when some file lies at the drop's root, the listed
 * path's folder is used instead. Known only when the list's labels agree with
 * the folders everywhere.
 */
function listClasses(listedPaths: string[], filePaths: string[], a: Uint32Array, b: Uint32Array, labels: Uint8Array): { classes: string[]; labelOf: Int32Array; known: boolean; note: string } {
  const unknown = (note: string) => ({ classes: ['unknown'], labelOf: new Int32Array(listedPaths.length), known: false, note });
  const dirs = filePaths.map((p) => normalizePath(p).split('/').slice(0, -1));
  let folders: string[];
  if (dirs.length > 0 && dirs.every((d) => d.length > 0)) {
    let minDepth = Infinity;
    for (const d of dirs) minDepth = Math.min(minDepth, d.length);
    let common = 0;
    while (common < minDepth - 1 && dirs.every((d) => d[common] === dirs[0][common])) common++;
    folders = dirs.map((d) => d.slice(common).join('/'));
  } else {
    folders = listedPaths.map((p) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : ''));
  }
  if (folders.some((f) => f === '')) return unknown('classes unknown: some listed images are not in a folder, so the list gives no class names');
  const classes = [...new Set(folders)].sort();
  const idOf = new Map(classes.map((c, i) => [c, i]));
  const labelOf = Int32Array.from(folders, (f) => idOf.get(f)!);
  for (let k = 0; k < labels.length; k++) {
    if ((labelOf[a[k]] === labelOf[b[k]] ? 1 : 0) !== labels[k]) {
      return unknown(`classes unknown: the list's labels do not follow the image folders (${shortPath(listedPaths[a[k]])} and ${shortPath(listedPaths[b[k]])} are labelled ${labels[k] ? 'same' : 'different'})`);
    }
  }
  return { classes, labelOf, known: true, note: `${classes.length.toLocaleString('en-US')} classes from the images' folders (the list's labels agree with them)` };
}
