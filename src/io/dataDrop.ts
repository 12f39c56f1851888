import { pairCount } from '../metrics/pairs';
import { detectDataKind, type DataKind } from './dataKind';
import { expandZips, type DroppedFile } from './dropFiles';
import { imageFolderLayout, type SkippedFile } from './imageFolder';
import { decodeText, type NamedBytes } from './bytes';
import { readEmbeddingSet, type EmbeddingSet } from './embeddingSet';
import { formatIssue } from './inputIssue';
import { readScoresDrop, type ScoresInspection } from './scoresDrop';
import { readPairListDrop, type PairListDrop } from './pairListDrop';
import { isImagePath, junkReason } from './pathRules';
import { countOf } from '../base/countOf';

export interface PairCounts {
  images: number;
  classes: number;
  positives: number;
  negatives: number;
  /** False: every pair is scored (the evaluation scores all n(n−1)/2 pairs). */
  sampled: boolean;
}

export interface ClassFolderImage {
  path: string;
  label: number;
  file: File;
}

export type DataInspection =
  /** `notes`: what the user should know before running (a text file that was not the pair list it looked like, folders that look like dataset splits). */
  | { kind: 'class-folders'; name: string; classes: string[]; images: ClassFolderImage[]; skipped: SkippedFile[]; counts: PairCounts; notes: string[] }
  /** A pairs list (pairs CSV, LFW pairs.txt, triplets CSV) with its images: only the listed pairs are scored. */
  | ({ kind: 'pair-list'; name: string; skipped: SkippedFile[] } & PairListDrop)
  /** Precomputed embeddings + labels: no model needed; every pair of rows is scored. */
  | { kind: 'embeddings'; name: string; set: EmbeddingSet; warnings: string[]; skipped: SkippedFile[]; counts: PairCounts }
  /** A scores table (CSV / Parquet, score,label[,a,b]): no model and no images needed; each row is one pair. */
  | (ScoresInspection & { skipped: SkippedFile[] })
  /** Recognised, but this build cannot evaluate it yet: `message` says so and what works instead. */
  | { kind: 'unsupported'; detected: DataKind | 'unknown'; message: string; skipped: SkippedFile[] };


/**
 * A validation-set drop, read as far as the counts: zips unpacked, the kind
 * detected (only text files' first bytes are read), and for class folders the
 * ImageFolder layout with every skipped file and its reason. Image bytes stay
 * unread (each `File` is read when it is embedded).
 */
export async function inspectDataDrop(dropped: readonly DroppedFile[]): Promise<DataInspection> {
  const { files, skipped: zipSkipped } = await expandZips(dropped);
  const named: NamedBytes[] = await Promise.all(
    files.map(async (f) => ({ name: f.path, bytes: /\.(csv|tsv|txt|npy)$/i.test(f.path) ? await f.file.slice(0, 8192).arrayBuffer() : new Uint8Array(0) })),
  );
  const drop = detectDataKind(named);
  if (drop.kind === 'unknown') {
    const zips = dropped.filter((f) => /\.zip$/i.test(f.path)).map((f) => f.path);
    const where = zips.length > 0 ? `${zips.join(', ')} (${files.length === 0 ? 'empty' : `unpacked: ${files.length.toLocaleString('en-US')} file${files.length === 1 ? '' : 's'}`})` : 'this drop';
    const message = drop.file ? drop.reason : `Nothing to evaluate in ${where}: ${drop.reason}. Drop class folders (one folder of images per class), or a zip of them.`;
    return { kind: 'unsupported', detected: 'unknown', message, skipped: zipSkipped };
  }
  if (drop.kind === 'embeddings') {
    const byPath = new Map(files.map((f) => [f.path, f.file]));
    const read = async (path: string) => ({ name: path, bytes: await byPath.get(path)!.arrayBuffer() });
    const set = readEmbeddingSet(await read(drop.embeddings!), await read(drop.labels!));
    const name = drop.embeddings!.split('/').pop()!.replace(/\.npy$/i, '');
    return { kind: 'embeddings', name, set, warnings: set.issues.map(formatIssue), skipped: zipSkipped, counts: classFolderCounts(Array.from(set.classIds)) };
  }
  if (drop.kind === 'scores-csv' || drop.kind === 'scores-parquet') {
    const file = files.find((f) => f.path === drop.list)!;
    const read = await readScoresDrop(file.path, await file.file.arrayBuffer(), drop.kind);
    // The table is the whole evaluation: images dropped with it are not embedded, and that is said, not left to guess.
    const unused = drop.images.length > 0 ? [`${countOf(drop.images.length, 'image was', 'images were')} dropped with ${read.name} and ${drop.images.length === 1 ? 'is' : 'are'} not used: a scores table already holds a score for every pair. Fix: to embed the images with a model instead, drop their folder without ${read.name}`] : [];
    return { ...read, warnings: [...unused, ...read.warnings], skipped: zipSkipped };
  }
  const notes: string[] = [];
  if (drop.kind === 'pairs-csv' || drop.kind === 'lfw-pairs' || drop.kind === 'triplets-csv') {
    const list = files.find((f) => f.path === drop.list)!;
    const images = files.filter((f) => f !== list && isImagePath(f.path) && junkReason(f.path) === null);
    const read = readPairListDrop(drop.kind, list.path, decodeText(await list.file.arrayBuffer(), list.path), images);
    const name = list.path.split('/').pop() ?? list.path;
    // A text file that reads like a list (notes.txt: "fold 3 of 10") but names none of the dropped images is not their list.
    // A list that names some of them but no whole pair is theirs (a path spelled differently, say): kept, so the missing ones are named.
    const notTheirList = images.length > 0 && read.counts.images === 0 && read.counts.missingImages > 0 && read.counts.missingImages === read.counts.listed.images;
    if (!notTheirList) return { kind: 'pair-list', name, skipped: zipSkipped, ...read };
    notes.push(
      `${name} reads like ${LIST_NAMES[drop.kind]} but names none of the ${countOf(images.length, 'dropped image')}, so it is not used and the images are read as class folders. If it is their pair list, its paths must end like the dropped files' paths (e.g. ${images[0].path}).`,
    );
  }
  if (drop.kind === 'class-folders' && 'note' in drop && drop.note) notes.push(drop.note);
  const layout = imageFolderLayout(files.map((f) => f.path).filter((p) => !/\.npy$/i.test(p)));
  const byPath = new Map(files.map((f) => [f.path, f.file]));
  const images = layout.images.map((im) => ({ path: im.path, label: im.label, file: byPath.get(im.path)! }));
  const skipped = [...zipSkipped, ...layout.skipped];
  const name = layout.root.split('/').pop() || (dropped.length === 1 ? dropped[0].path : 'dropped images');
  const splits = splitFolders(layout.images.map((im) => im.path), layout.root, layout.classes);
  if (splits) notes.push(splits);
  return { kind: 'class-folders', name, classes: layout.classes, images, skipped, counts: classFolderCounts(images.map((im) => im.label)), notes };
}

const LIST_NAMES = { 'pairs-csv': 'a pairs CSV', 'lfw-pairs': 'an LFW pairs.txt', 'triplets-csv': 'a triplets CSV' } as const;

/**
 * A warning when the "classes" look like dataset splits (train/, val/, test/
 * each holding the same class folders): every class folder has sub-folders
 * and at least two sub-folder names recur in two or more of them. Scoring
 * such a drop pairs train images against val images by split, not by class.
 */
export function splitFolders(paths: readonly string[], root: string, classes: readonly string[]): string | null {
  if (classes.length < 2) return null;
  const prefix = root ? `${root}/` : '';
  const subs = new Map<string, Set<string>>(classes.map((c) => [c, new Set<string>()]));
  for (const p of paths) {
    const parts = (p.startsWith(prefix) ? p.slice(prefix.length) : p).split('/');
    if (parts.length >= 3) subs.get(parts[0])?.add(parts[1]);
  }
  if ([...subs.values()].some((s) => s.size === 0)) return null;
  const seen = new Map<string, number>();
  for (const s of subs.values()) for (const name of s) seen.set(name, (seen.get(name) ?? 0) + 1);
  const shared = [...seen].filter(([, k]) => k >= 2).map(([name]) => name).sort();
  if (shared.length < 2) return null;
  const list = (xs: readonly string[]) => (xs.length > 5 ? `${xs.slice(0, 5).join(', ')}, …` : xs.join(', '));
  return `These look like dataset splits, not classes: ${list(classes)} each hold the same folders (${list(shared)}). The curve would pair images by split. Fix: drop one split's folder (e.g. ${classes.find((c) => /val|test/i.test(c)) ?? classes[0]}), whose sub-folders are the classes.`;
}

/** Positive (same class) and negative pairs among images with these labels, every unordered pair once. */
export function classFolderCounts(labels: readonly number[]): PairCounts {
  const sizes = new Map<number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  let positives = 0;
  for (const s of sizes.values()) positives += pairCount(s);
  return { images: labels.length, classes: sizes.size, positives, negatives: pairCount(labels.length) - positives, sampled: false };
}
