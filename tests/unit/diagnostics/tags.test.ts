import { describe, expect, it } from 'vitest';
import { pairIndex } from '../../../src/metrics/pairs';
import { diagnoseTopFalsePositives, imageTagSides, tagPair, tagPairs } from '../../../src/diagnostics/tagPairs';
import { buildTagContext, type TagInputs } from '../../../src/diagnostics/tagContext';
import { TAG_IDS, type TagId } from '../../../src/diagnostics/tagCatalog';
import type { TagOptions } from '../../../src/diagnostics/tagOptions';
import { addImage, classesOf, cleanWorld, embeddingsOf, evaluateWorld, normalise, type World } from './world';

const DIM = 16;
/** 5 orthogonal classes × 8 images, L2-normalised, no planted fault. */
const clean = () => cleanWorld(5, 8, DIM, 0.3, 1);

function inputs(w: World, extra: Partial<TagInputs> = {}): TagInputs {
  return { evaluation: evaluateWorld(w), embeddings: embeddingsOf(w), dim: w.dim, classes: classesOf(w), ...extra };
}

/** The top false positives carrying `id`, as [i, j] image pairs. */
function tagged(w: World, id: TagId, extra: Partial<TagInputs> = {}, options: Partial<TagOptions> = {}): number[][] {
  const d = diagnoseTopFalsePositives(inputs(w, extra), options);
  const out: number[][] = [];
  d.tags.forEach((tags, t) => {
    if (tags.includes(id)) out.push([d.context.top.imageA[t], d.context.top.imageB[t]]);
  });
  return out;
}

const involves = (image: number) => (p: number[]) => p.includes(image);

describe('diagnoseTopFalsePositives on a clean set', () => {
  it('tags none of the top 40 or top 200 false positives', () => {
    for (const topK of [40, 200]) {
      const d = diagnoseTopFalsePositives(inputs(clean(), { pixelStd: new Float32Array(40).fill(40), contentHashes: Array.from({ length: 40 }, (_, i) => `h${i}`) }), { topK });
      expect(d.tags).toHaveLength(topK);
      for (const id of TAG_IDS) expect(d.tagCounts[id], id).toBe(0);
    }
  });
});

describe('exact-duplicate: same bytes or identical embeddings across classes', () => {
  it('tags a planted byte copy filed under another class, which ranks first, and nothing else', () => {
    const w = clean();
    const copy = addImage(w, w.rows[3].slice(), 2); // image 3 is class 0
    const hashes = w.rows.map((_, i) => `h${i}`);
    hashes[copy] = hashes[3];
    const d = diagnoseTopFalsePositives(inputs(w, { contentHashes: hashes }), { topK: 40 });
    expect(d.context.top.pairs[0]).toBe(pairIndex(3, copy, w.rows.length));
    expect(d.tags[0]).toContain('exact-duplicate');
    expect(d.tagCounts['exact-duplicate']).toBe(1);
  });

  it('trusts equal content hashes even when the embeddings differ (e.g. decoded on another backend)', () => {
    const w = clean();
    const hashes = w.rows.map((_, i) => `h${i}`);
    hashes[20] = hashes[3]; // classes 0 and 2
    const ctx = buildTagContext(inputs(w, { contentHashes: hashes }));
    expect(tagPair(ctx, pairIndex(3, 20, 40))).toContain('exact-duplicate');
    hashes[20] = '';
    hashes[3] = '';
    const unknown = buildTagContext(inputs(w, { contentHashes: hashes }));
    expect(tagPair(unknown, pairIndex(3, 20, 40))).not.toContain('exact-duplicate'); // '' = unknown
  });

  it('never tags a positive pair (a duplicate within a class is not label noise)', () => {
    const w = clean();
    const copy = addImage(w, w.rows[3].slice(), 0);
    const ctx = buildTagContext(inputs(w));
    expect(tagPair(ctx, pairIndex(3, copy, w.rows.length))).toEqual([]);
  });
});

describe('near-duplicate: ‖a − b‖² ≤ 1e-4 × median ‖e‖² across classes', () => {
  it('tags a slightly perturbed copy filed under another class, not as exact', () => {
    const w = clean();
    const near = addImage(w, normalise(w.rows[3].map((v, k) => v + (k % 2 ? 1e-3 : -1e-3))), 4);
    const hits = tagged(w, 'near-duplicate', {}, { topK: 40 });
    expect(hits).toEqual([[3, near]]);
    expect(tagged(w, 'exact-duplicate', {}, { topK: 40 })).toEqual([]);
  });

  it('follows the threshold option: a tighter bound drops the tag', () => {
    const w = clean();
    addImage(w, normalise(w.rows[3].map((v, k) => v + (k % 2 ? 1e-3 : -1e-3))), 4);
    expect(tagged(w, 'near-duplicate', {}, { topK: 40, nearDuplicateRelSqDist: 1e-6 })).toEqual([]);
  });
});

describe('hub-image: in ≥ 3 and ≥ 5 × median of the top false positives', () => {
  it('finds a planted image close to every class, ranks it first, and tags its pairs only', () => {
    const w = clean();
    const hub = addImage(w, normalise([1, 1, 1, 1, 1, ...new Array(DIM - 5).fill(0)]), 0);
    const d = diagnoseTopFalsePositives(inputs(w), { topK: 40 });
    const h = d.context.hubs;
    expect(h.images[0]).toBe(hub);
    expect(h.counts[0]).toBeGreaterThanOrEqual(h.threshold);
    expect(h.hubCount).toBe(1);
    expect(h.countByImage[hub]).toBe(h.counts[0]);
    d.tags.forEach((tags, t) => {
      const mine = d.context.top.imageA[t] === hub || d.context.top.imageB[t] === hub;
      expect(tags.includes('hub-image')).toBe(mine);
    });
  });

  it('says which side of each tagged pair is the hub (left = the pair\'s first image), and nothing on untagged pairs', () => {
    const w = clean();
    const hub = addImage(w, normalise([1, 1, 1, 1, 1, ...new Array(DIM - 5).fill(0)]), 0);
    const d = diagnoseTopFalsePositives(inputs(w), { topK: 40 });
    let seen = 0;
    d.tags.forEach((tags, t) => {
      const sides = imageTagSides(d.context, d.context.top.pairs[t]);
      if (!tags.includes('hub-image')) return expect(sides['hub-image']).toBeUndefined();
      seen++;
      expect(sides['hub-image']).toBe(d.context.top.imageA[t] === hub ? 'left' : 'right');
    });
    expect(seen).toBeGreaterThan(0);
  });
});

describe('collapsed-embedding: tied blocks, near-zero or widely shared embeddings', () => {
  it('tags pairs of a block of 6 identical embeddings in 6 classes as collapsed, not as duplicates, and counts them', () => {
    const w = cleanWorld(6, 6, DIM, 0.3, 2);
    const point = normalise(new Array(DIM).fill(1));
    const block = [0, 6, 12, 18, 24, 30].map((i) => i); // one image of each class
    for (const i of block) w.rows[i] = point.slice();
    const d = diagnoseTopFalsePositives(inputs(w), { topK: 40 });
    expect(d.context.collapse).toMatchObject({ identicalEmbeddingCount: 6, largestIdenticalGroup: 6, largestTieBlock: 15, largestTieScore: 0, topLargestTieBlock: 15 });
    for (let t = 0; t < 15; t++) {
      expect(block).toContain(d.context.top.imageA[t]);
      expect(d.tags[t]).toContain('collapsed-embedding');
      expect(d.tags[t]).not.toContain('exact-duplicate');
    }
  });

  it('tags every pair of a quantised model whose 12 images sit on 12 axes (66 pairs tied at −2, none identical)', () => {
    const w: World = { rows: [], classes: [], dim: 12 };
    for (let k = 0; k < 12; k++) addImage(w, Array.from({ length: 12 }, (_, d) => (d === k ? 1 : 0)), k % 4);
    const d = diagnoseTopFalsePositives(inputs(w), { topK: 100 });
    expect(d.context.collapse).toMatchObject({ largestTieBlock: 66, largestTieScore: -2, topLargestTieBlock: 54, identicalEmbeddingCount: 0 });
    expect(d.context.collapse.distinctScoreFraction).toBeCloseTo(1 / 66, 15);
    expect(d.tagCounts['collapsed-embedding']).toBe(54);
  });

  it('leaves blocks of fewer than minTieBlock tied pairs alone', () => {
    const w: World = { rows: [], classes: [], dim: 4 };
    for (let k = 0; k < 4; k++) addImage(w, Array.from({ length: 4 }, (_, d) => (d === k ? 1 : 0)), k); // 6 pairs tied
    expect(diagnoseTopFalsePositives(inputs(w)).tagCounts['collapsed-embedding']).toBe(0);
    expect(diagnoseTopFalsePositives(inputs(w), { minTieBlock: 6 }).tagCounts['collapsed-embedding']).toBe(6);
  });

  it('tags the pairs of a near-zero embedding and counts it', () => {
    const w = clean();
    const zero = addImage(w, [1e-6, ...new Array(DIM - 1).fill(0)], 3);
    const d = diagnoseTopFalsePositives(inputs(w), { topK: 40 });
    expect(d.context.collapse.nearZeroNormCount).toBe(1);
    const hits = tagged(w, 'collapsed-embedding', {}, { topK: 40 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every(involves(zero))).toBe(true);
  });
});

describe('degenerate-image: pixel std ≤ 2 on the 0–255 scale', () => {
  it('tags the pairs of a planted blank image and only those', () => {
    const w = clean();
    const std = new Float32Array(40).fill(35);
    std[9] = 0; // blank
    std[30] = NaN; // unknown: never degenerate
    const d = diagnoseTopFalsePositives(inputs(w, { pixelStd: std }), { topK: 200 });
    expect(d.context.degenerateCount).toBe(1);
    const hits = tagged(w, 'degenerate-image', { pixelStd: std }, { topK: 200 });
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every(involves(9))).toBe(true);
  });

  it('puts the boundary at degenerateMaxStd inclusive', () => {
    const std = new Float32Array(40).fill(35);
    std[1] = 2;
    std[2] = 2.01;
    const ctx = buildTagContext(inputs(clean(), { pixelStd: std }));
    expect(Array.from(ctx.degenerate.slice(0, 3))).toEqual([0, 1, 0]);
  });
});

describe('confused-class-pair: a class pair supplying ≥ 20 % (and ≥ 2 × its fair share) of the top false positives', () => {
  it('finds two overlapping classes, sorts them first and tags exactly their pairs', () => {
    const w = clean();
    for (let i = 8; i < 16; i++) w.rows[i] = normalise(w.rows[i].map((v, k) => v + (k === 0 ? 1 : 0))); // class 1 leans on class 0
    const d = diagnoseTopFalsePositives(inputs(w, { classNames: ['T-shirt', 'Shirt', 'Bag', 'Boot', 'Coat'] }), { topK: 40 });
    const top = d.context.confusion.entries[0];
    expect(top).toMatchObject({ classA: 0, classB: 1, confused: true });
    expect(top.share).toBeGreaterThan(0.5);
    expect(d.context.confusion.entries.filter((e) => e.confused)).toHaveLength(1);
    expect(d.context.confusion.count(0, 1)).toBe(top.count);
    expect(d.context.confusion.count(1, 0)).toBe(top.count);
    d.tags.forEach((tags, t) => {
      const pairClasses = [w.classes[d.context.top.imageA[t]], w.classes[d.context.top.imageB[t]]].sort();
      expect(tags.includes('confused-class-pair')).toBe(pairClasses[0] === 0 && pairClasses[1] === 1);
    });
  });

  it('never fires with two classes (one class pair supplies every false positive by necessity)', () => {
    const w = cleanWorld(2, 10, 8, 0.5, 3);
    expect(diagnoseTopFalsePositives(inputs(w)).tagCounts['confused-class-pair']).toBe(0);
  });
});

describe('tagPairs(ctx, pairs)', () => {
  it('tags any listed pair (e.g. a gallery page), parallel to the input', () => {
    const w = clean();
    const copy = addImage(w, w.rows[3].slice(), 2);
    const ctx = buildTagContext(inputs(w));
    const n = w.rows.length;
    expect(tagPairs(ctx, [pairIndex(0, 1, n), pairIndex(3, copy, n)])).toEqual([[], ['exact-duplicate']]);
  });

  it('throws on an index that is not a pair', () => {
    const ctx = buildTagContext(inputs(clean()));
    expect(() => tagPairs(ctx, [780])).toThrow('tagPairs: pairs[0] = 780 is not a pair index in 0..779');
  });
});

describe('buildTagContext(inputs) input checks', () => {
  it('names the input whose length does not fit', () => {
    const base = inputs(clean());
    expect(() => buildTagContext({ ...base, classes: new Int32Array(3) })).toThrow('classes has 3 entries for 40 images');
    expect(() => buildTagContext({ ...base, contentHashes: ['a'] })).toThrow('contentHashes has 1 entries for 40 images');
    expect(() => buildTagContext({ ...base, pixelStd: new Float32Array(2) })).toThrow('pixelStd has 2 entries for 40 images');
    expect(() => buildTagContext({ ...base, classNames: ['a', 'b'] })).toThrow('class id 4 but only 2 classNames');
    expect(() => buildTagContext({ ...base, embeddings: new Float32Array(5) })).toThrow('embedding length 5');
  });

  it('refuses classes that contradict the evaluation labels', () => {
    const base = inputs(clean());
    expect(() => buildTagContext({ ...base, classes: new Int32Array(40) })).toThrow('classes do not match the evaluation');
  });
});
