import { pairCount } from '../metrics/pairs';
import { drawSortedUnique, mergeUnique, sampleDistinct, seededRandom, sortIntegers } from './seededRandom';

export interface ClassPairOptions {
  /** Use every pair while there are at most this many (default 2,000,000). */
  limit?: number;
  /** Past the limit: sampled negatives per kept positive (default 1, i.e. balanced like LFW's 3000/3000). */
  negativeRatio?: number;
  /** Past the limit, positives beyond this many are sampled too (default 20,000,000, ~200 MB of pairs). */
  maxPositives?: number;
  /** Seed of the negative (and positive) sample (default 0). */
  seed?: number;
}

export interface ClassPairs {
  /** Pair k = (a[k], b[k]) with a[k] < b[k], image indices; sorted row-major as `pairIndex` orders them. */
  a: Uint32Array;
  b: Uint32Array;
  /** 1 = same class. */
  label: Uint8Array;
  counts: {
    images: number;
    classes: number;
    /** Pairs in the result. */
    positives: number;
    negatives: number;
    /** Pairs that exist among the images. */
    allPositives: number;
    allNegatives: number;
    /** True when the result is a sample (not every pair). */
    sampled: boolean;
    positivesSampled: boolean;
  };
}

/**
 * Pairs for class folders. While n(n−1)/2 ≤ `limit`: every pair, in the
 * row-major order of src/metrics/pairs (so it lines up with `pairLabels`).
 * Otherwise: every positive pair (sampled only past `maxPositives`) plus a
 * uniform, seeded sample of round(negativeRatio × positives) negative pairs
 * (all of them if fewer exist), all without repeats, sorted row-major.
 *
 * A sample changes what precision means: it is the precision of a set with
 * that negative:positive ratio, not of the full set (whose ratio is
 * allNegatives : allPositives). Show the counts next to the curve.
 *
 * Contract: `classIds[i]` is the class of image i (non-negative integers).
 */
export function classFolderPairs(classIds: ArrayLike<number>, options: ClassPairOptions = {}): ClassPairs {
  const limit = options.limit ?? 2_000_000;
  const ratio = options.negativeRatio ?? 1;
  const maxPositives = options.maxPositives ?? 20_000_000;
  const random = seededRandom(options.seed ?? 0);
  const n = classIds.length;
  const members = groupByClass(classIds);
  const allPositives = members.reduce((s, m) => s + pairCount(m.length), 0);
  const total = pairCount(n);
  const allNegatives = total - allPositives;
  const base = { images: n, classes: members.length, allPositives, allNegatives };
  if (total <= limit) {
    const a = new Uint32Array(total);
    const b = new Uint32Array(total);
    const label = new Uint8Array(total);
    let k = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++, k++) {
        a[k] = i;
        b[k] = j;
        label[k] = classIds[i] === classIds[j] ? 1 : 0;
      }
    }
    return { a, b, label, counts: { ...base, positives: allPositives, negatives: allNegatives, sampled: false, positivesSampled: false } };
  }
  const keptPositives = Math.min(allPositives, maxPositives);
  const positives = keptPositives < allPositives ? sampledPositives(members, n, sampleRanks(random, keptPositives, allPositives)) : allPositivesRowMajor(classIds, members, n, keptPositives);
  const kNeg = Math.min(allNegatives, Math.round(ratio * keptPositives));
  const negatives = negativeIndices(classIds, kNeg, allNegatives, random);
  const size = positives.length + negatives.length;
  const a = new Uint32Array(size);
  const b = new Uint32Array(size);
  const label = new Uint8Array(size);
  // Both lists are sorted pair indices: merge them row-major.
  let pi = 0;
  let ni = 0;
  let row = 0;
  for (let k = 0; k < size; k++) {
    const isPos = ni >= negatives.length || (pi < positives.length && positives[pi] < negatives[ni]);
    const p = isPos ? positives[pi++] : negatives[ni++];
    while (row < n - 2 && rowStart(row + 1, n) <= p) row++;
    a[k] = row;
    b[k] = p - rowStart(row, n) + row + 1;
    label[k] = isPos ? 1 : 0;
  }
  return {
    a,
    b,
    label,
    counts: { ...base, positives: positives.length, negatives: negatives.length, sampled: true, positivesSampled: keptPositives < allPositives },
  };
}

function groupByClass(classIds: ArrayLike<number>): number[][] {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < classIds.length; i++) {
    let m = byClass.get(classIds[i]);
    if (!m) byClass.set(classIds[i], (m = []));
    m.push(i);
  }
  return [...byClass.values()];
}

/** k distinct sorted ranks in [0, n), sampling the complement when k > n/2. */
function sampleRanks(random: () => number, k: number, n: number): Float64Array {
  if (k <= n / 2) return sampleDistinct(random, k, n);
  const drop = sampleDistinct(random, n - k, n);
  const out = new Float64Array(k);
  let d = 0;
  let w = 0;
  for (let r = 0; r < n; r++) {
    if (d < drop.length && drop[d] === r) d++;
    else out[w++] = r;
  }
  return out;
}

/** Pair indices of every positive pair, ascending: row i lists the later members of i's class. */
function allPositivesRowMajor(classIds: ArrayLike<number>, members: number[][], n: number, count: number): Float64Array {
  const out = new Float64Array(count);
  const classOf = new Map<number, number[]>(members.map((m) => [classIds[m[0]], m]));
  const next = new Map<number, number>(members.map((m) => [classIds[m[0]], 0]));
  let w = 0;
  for (let i = 0; i < n; i++) {
    const c = classIds[i];
    const m = classOf.get(c)!;
    const at = next.get(c)! + 1; // members are ascending, so i is m[at − 1]
    next.set(c, at);
    const start = rowStart(i, n) - i - 1;
    for (let x = at; x < m.length; x++) out[w++] = start + m[x];
  }
  return out;
}

/** Pair indices of the positives at `ranks` (sorted ranks in class-by-class order), ascending. */
function sampledPositives(members: number[][], n: number, ranks: Float64Array): Float64Array {
  const out = new Float64Array(ranks.length);
  let rank = 0;
  let r = 0;
  for (const m of members) {
    for (let x = 0; x < m.length && r < ranks.length; x++) {
      for (let y = x + 1; y < m.length; y++, rank++) {
        if (ranks[r] !== rank) continue;
        out[r++] = rowStart(m[x], n) + (m[y] - m[x] - 1);
      }
    }
  }
  return sortIntegers(out);
}

/** `k` distinct negative pairs' indices out of `all` negatives: rejection in pair space while sparse, else by enumeration. */
function negativeIndices(classIds: ArrayLike<number>, k: number, all: number, random: () => number): Float64Array {
  const n = classIds.length;
  const total = pairCount(n);
  if (k <= all / 2) {
    let have: Float64Array = new Float64Array(0);
    while (have.length < k) {
      // Enough draws to expect the shortfall, in batches of at most 4M (32 MB).
      const want = Math.ceil(((k - have.length) * total) / all) + 16;
      const draw = drawSortedUnique(random, Math.min(4_000_000, want), total);
      let w = 0;
      let row = 0;
      for (let x = 0; x < draw.length; x++) {
        const p = draw[x];
        while (row < n - 2 && rowStart(row + 1, n) <= p) row++;
        if (classIds[row] !== classIds[p - rowStart(row, n) + row + 1]) draw[w++] = p;
      }
      have = mergeUnique(have, draw.subarray(0, w));
    }
    // More than k may have been found: keep a uniform k of them.
    if (have.length === k) return have;
    const positions = sampleRanks(random, k, have.length);
    return Float64Array.from(positions, (i) => have[i]);
  }
  const keep = sampleRanks(random, k, all);
  const out = new Float64Array(k);
  let rank = 0;
  let r = 0;
  let p = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, p++) {
      if (classIds[i] === classIds[j]) continue;
      if (r < keep.length && keep[r] === rank) out[r++] = p;
      rank++;
    }
  }
  return out;
}

// Row-major pair arithmetic of src/metrics/pairs (`pairIndex`), inlined
// without its argument checks: it runs millions of times here.
function rowStart(i: number, n: number): number {
  return (i * (2 * n - i - 1)) / 2;
}

