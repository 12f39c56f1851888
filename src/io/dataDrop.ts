import { pairCount } from '../metrics/pairs';
import { detectDataKind, type DataKind } from './dataKind';
import { expandZips, type DroppedFile } from './dropFiles';
import { imageFolderLayout, type SkippedFile } from './imageFolder';
import type { NamedBytes } from './bytes';
import { readEmbeddingSet, type EmbeddingSet } from './embeddingSet';
import { formatIssue } from './inputIssue';
import { readScoresDrop, type ScoresInspection } from './scoresDrop';
import { readPairListDrop, type PairListDrop } from './pairListDrop';
import { isImagePath, junkReason } from './pathRules';

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
  | { kind: 'class-folders'; name: string; classes: string[]; images: ClassFolderImage[]; skipped: SkippedFile[]; counts: PairCounts }
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
    const message = drop.file ? drop.reason : `Nothing to evaluate in this drop: ${drop.reason}. Drop class folders (one folder of images per class), or a zip of them.`;
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
    return { ...(await readScoresDrop(file.path, await file.file.arrayBuffer(), drop.kind)), skipped: zipSkipped };
  }
  if (drop.kind === 'pairs-csv' || drop.kind === 'lfw-pairs' || drop.kind === 'triplets-csv') {
    const list = files.find((f) => f.path === drop.list)!;
    const images = files.filter((f) => f !== list && isImagePath(f.path) && junkReason(f.path) === null);
    const read = readPairListDrop(drop.kind, list.path, await list.file.text(), images);
    return { kind: 'pair-list', name: list.path.split('/').pop() ?? list.path, skipped: zipSkipped, ...read };
  }
  drop.kind satisfies 'class-folders'; // every other kind is read above
  const layout = imageFolderLayout(files.map((f) => f.path));
  const byPath = new Map(files.map((f) => [f.path, f.file]));
  const images = layout.images.map((im) => ({ path: im.path, label: im.label, file: byPath.get(im.path)! }));
  const skipped = [...zipSkipped, ...layout.skipped];
  const name = layout.root.split('/').pop() || (dropped.length === 1 ? dropped[0].path : 'dropped images');
  return { kind: 'class-folders', name, classes: layout.classes, images, skipped, counts: classFolderCounts(images.map((im) => im.label)) };
}

/** Positive (same class) and negative pairs among images with these labels, every unordered pair once. */
export function classFolderCounts(labels: readonly number[]): PairCounts {
  const sizes = new Map<number, number>();
  for (const l of labels) sizes.set(l, (sizes.get(l) ?? 0) + 1);
  let positives = 0;
  for (const s of sizes.values()) positives += pairCount(s);
  return { images: labels.length, classes: sizes.size, positives, negatives: pairCount(labels.length) - positives, sampled: false };
}
