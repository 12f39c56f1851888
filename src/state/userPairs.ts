import type { DataInspection } from '../io/dataDrop';
import { classFolderPairs } from '../io/classPairs';
import { pairCount } from '../metrics/pairs';
import type { PairSampling } from './inputTypes';
import type { Dataset, DatasetImage, DatasetPairs } from './types';

type ClassFolders = Extract<DataInspection, { kind: 'class-folders' }>;
type PairListInspection = Extract<DataInspection, { kind: 'pair-list' }>;

/** Makes a dataset image of a dropped file (runSlice: with a blob: URL made on first use, see lazyUrls.ts). */
export type ImageOfFile = (path: string, label: number, file: File) => DatasetImage;

/**
 * A dropped pair list as a dataset: the images the list references (each
 * embedded once) and its pairs with their listed labels. Throws when no pair
 * has both its images.
 */
export function pairListDataset(it: PairListInspection, image: ImageOfFile): Dataset {
  if (it.counts.pairs === 0) {
    throw new Error(`${it.listFile}: none of its pairs has both images among the dropped files (${it.counts.skippedPairs.toLocaleString('en-US')} pairs left out). Drop the list together with the image folders it names.`);
  }
  const images: DatasetImage[] = it.images.map((im) => image(im.path, im.label, im.file));
  const pairs: DatasetPairs = {
    a: it.pairs.a,
    b: it.pairs.b,
    labels: it.pairs.labels,
    origin: {
      kind: 'list',
      file: it.listFile,
      format: it.format,
      line: it.pairs.line,
      skippedPairs: it.counts.skippedPairs,
      classesKnown: it.classesKnown,
      classesNote: it.classesNote,
      problems: it.problems,
      notes: it.notes,
    },
  };
  return { name: it.name, classes: it.classes, images, pairs };
}

/**
 * Class folders as a dataset: every pair while n(n−1)/2 ≤ sampling.limit or
 * when the sample would hold every pair anyway (no `pairs`, the evaluation
 * scores all i < j), otherwise every positive
 * pair plus a seeded sample of negatives (io/classPairs.ts).
 */
export function classFolderDataset(it: ClassFolders, sampling: PairSampling, image: ImageOfFile): Dataset {
  const images: DatasetImage[] = it.images.map((im) => image(im.path, im.label, im.file));
  return withPairSample({ name: it.name, classes: it.classes, images }, it.counts, sampling);
}

/**
 * The dataset as it is when every pair fits under `sampling.limit`;
 * otherwise with every positive pair and a seeded sample of negatives
 * (io/classPairs.ts) — class folders and dropped embeddings alike.
 */
export function withPairSample(dataset: Dataset, counts: { images: number; positives: number; negatives: number }, sampling: PairSampling): Dataset {
  if (!plannedPairs(counts, sampling).sampled) return dataset;
  const sample = classFolderPairs(
    dataset.images.map((im) => im.label),
    { limit: sampling.limit, negativeRatio: sampling.negativeRatio, seed: sampling.seed },
  );
  const c = sample.counts;
  dataset.pairs = {
    a: sample.a,
    b: sample.b,
    labels: sample.label,
    origin: {
      kind: 'sample',
      seed: sampling.seed,
      negativeRatio: sampling.negativeRatio,
      limit: sampling.limit,
      allPositives: c.allPositives,
      allNegatives: c.allNegatives,
      positivesSampled: c.positivesSampled,
    },
  };
  return dataset;
}

/** Pairs a class-folder drop is evaluated on, before the run (for the drop panel): all, or the sample's counts. */
export function plannedPairs(counts: { images: number; positives: number; negatives: number }, sampling: PairSampling): { positives: number; negatives: number; sampled: boolean } {
  if (pairCount(counts.images) <= sampling.limit) return { positives: counts.positives, negatives: counts.negatives, sampled: false };
  const positives = Math.min(counts.positives, 20_000_000);
  const negatives = Math.min(counts.negatives, Math.round(sampling.negativeRatio * positives));
  // A "sample" holding every pair (few negatives per positive, e.g. 10 large classes) is all pairs: no pair list is built for it.
  if (positives === counts.positives && negatives === counts.negatives) return { positives, negatives, sampled: false };
  return { positives, negatives, sampled: true };
}

/** Most pairs scored when every pair is (scores, labels, ranking and sort scratch ≈ 13 bytes a pair: ~1.3 GB; 50 M pairs took 15.7 s and 724 MiB in the page). */
export const MAX_ALL_PAIRS = 100_000_000;
/** Most pairs in a sampled list (two image indices more per pair). */
export const MAX_SAMPLED_PAIRS = 50_000_000;

/**
 * Why a class-folder or embeddings drop cannot be scored as planned — more
 * pairs than the browser tab can hold — with the fix; null when it can.
 * Said at the drop (the run button waits), never as an out-of-memory mid-run.
 */
export function pairBudgetProblem(counts: { images: number; positives: number; negatives: number }, sampling: PairSampling): string | null {
  const plan = plannedPairs(counts, sampling);
  const total = plan.positives + plan.negatives;
  const fmt = (n: number) => n.toLocaleString('en-US');
  if (!plan.sampled) {
    if (total <= MAX_ALL_PAIRS) return null;
    return `${fmt(counts.images)} items give ${fmt(total)} pairs, more than the ${fmt(MAX_ALL_PAIRS)} a browser tab can score at once. Fix: lower "negatives per positive" below (the pairs are then sampled), or drop fewer images`;
  }
  if (total <= MAX_SAMPLED_PAIRS) return null;
  const ratio = Math.max(0, Math.floor(((MAX_SAMPLED_PAIRS - plan.positives) / plan.positives) * 10) / 10);
  return `the sample would hold ${fmt(total)} pairs (${fmt(plan.positives)} positive, ${fmt(plan.negatives)} negative), more than the ${fmt(MAX_SAMPLED_PAIRS)} a browser tab can score at once. Fix: ${ratio >= 0.1 ? `set "negatives per positive" to ${ratio} or less, or ` : ''}drop fewer images`;
}

/** Whether a class-folder set has more pairs than the limit, so the sampling controls apply (even when the ratio keeps every pair). */
export function overPairLimit(counts: { images: number }, sampling: PairSampling): boolean {
  return pairCount(counts.images) > sampling.limit;
}
