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
  const dataset: Dataset = { name: it.name, classes: it.classes, images };
  if (!plannedPairs(it.counts, sampling).sampled) return dataset;
  const sample = classFolderPairs(
    images.map((im) => im.label),
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

/** Whether a class-folder set has more pairs than the limit, so the sampling controls apply (even when the ratio keeps every pair). */
export function overPairLimit(counts: { images: number }, sampling: PairSampling): boolean {
  return pairCount(counts.images) > sampling.limit;
}
