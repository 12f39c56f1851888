import type { TopFalsePositives } from './topFalsePositives';

/** Images ranked by how many of the top false positives contain them. */
export interface HubRanking {
  /** Images that occur in at least one top false positive, most frequent first (ties: lower index first). */
  images: Uint32Array;
  /** Their false-positive counts, parallel to `images` (non-increasing). */
  counts: Uint32Array;
  /** Count of every image (index = image; 0 when absent). */
  countByImage: Uint32Array;
  /** Median count among the images in `images` (0 when there are none). */
  median: number;
  /** Smallest count that makes a hub: max(hubMinCount, hubMedianFactor × median). */
  threshold: number;
  /** 1 where the image is a hub (count ≥ threshold), index = image. */
  isHub: Uint8Array;
  /** Number of hubs. */
  hubCount: number;
}

/**
 * Per-image false-positive counts over `top` (each pair counts once for each
 * of its two images) and the hubs among them: count ≥ hubMinCount and
 * ≥ hubMedianFactor × the median count of the images that occur at all
 * (defaults and reasons: tagOptions.ts). O(n + |top| log |top|).
 *
 * Contract: `n` = number of images; every image index in `top` is < n.
 */
export function hubRanking(n: number, top: TopFalsePositives, hubMinCount: number, hubMedianFactor: number): HubRanking {
  const countByImage = new Uint32Array(n);
  for (let t = 0; t < top.pairs.length; t++) {
    countByImage[top.imageA[t]]++;
    countByImage[top.imageB[t]]++;
  }
  const present: number[] = [];
  for (let i = 0; i < n; i++) if (countByImage[i] > 0) present.push(i);
  present.sort((a, b) => countByImage[b] - countByImage[a] || a - b);
  const images = Uint32Array.from(present);
  const counts = images.map((i) => countByImage[i]);
  const m = counts.length;
  // counts are non-increasing, so the middle of the array is the median
  const median = m === 0 ? 0 : m % 2 === 1 ? counts[(m - 1) / 2] : (counts[m / 2 - 1] + counts[m / 2]) / 2;
  const threshold = Math.max(hubMinCount, hubMedianFactor * median);
  const isHub = new Uint8Array(n);
  let hubCount = 0;
  for (let t = 0; t < m && counts[t] >= threshold && counts[t] > 0; t++) {
    isHub[images[t]] = 1;
    hubCount++;
  }
  return { images, counts, countByImage, median, threshold, isHub, hubCount };
}
