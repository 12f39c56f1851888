import { describe, expect, it } from 'vitest';
import { readPairListDrop } from '../../../src/io/pairListDrop';
import type { DroppedFile } from '../../../src/io/dropFiles';
import { normalizePath } from '../../../src/io/pathRules';

const file = (path: string): DroppedFile => ({ path, file: new File(['x'], path.split('/').pop()!) });

const lfw = ['2 1', 'Ann 1 2', 'Bob 1 2', 'Ann 1 Bob 2', 'Cid 1 Ann 2', ''].join('\n');
const lfwImages = ['lfw/Ann/Ann_0001.jpg', 'lfw/Ann/Ann_0002.jpg', 'lfw/Bob/Bob_0001.jpg', 'lfw/Bob/Bob_0002.jpg', 'lfw/Cid/Cid_0001.jpg', 'lfw/Zed/Zed_0001.jpg'].map(file);

describe('readPairListDrop', () => {
  it('LFW pairs.txt: images matched under another root, each listed image once (unlisted dropped images are not used), identities as classes', () => {
    const r = readPairListDrop('lfw-pairs', 'pairs.txt', lfw, lfwImages);
    expect(r.counts).toEqual({ images: 5, pairs: 4, positives: 2, negatives: 2, skippedPairs: 0, missingImages: 0, listed: { pairs: 4, positives: 2, negatives: 2, images: 5 } });
    expect(r.awaitingImages).toBe(false);
    expect(r.images.map((im) => im.path)).toEqual(['Ann/Ann_0001.jpg', 'Ann/Ann_0002.jpg', 'Bob/Bob_0001.jpg', 'Bob/Bob_0002.jpg', 'Cid/Cid_0001.jpg']);
    expect(r.images[0].file).toBe(lfwImages[0].file);
    expect([...r.pairs.labels]).toEqual([1, 1, 0, 0]);
    expect([...r.pairs.line]).toEqual([2, 3, 4, 5]);
    expect(r.classesKnown).toBe(true);
    expect(r.classes).toEqual(['Ann', 'Bob', 'Cid']);
    expect(r.images.map((im) => r.classes[im.label])).toEqual(['Ann', 'Ann', 'Bob', 'Bob', 'Cid']);
  });

  it('a list dropped alone awaits its images: what it lists is counted, no image is named missing, bad lines are still named', () => {
    const r = readPairListDrop('lfw-pairs', 'pairs.txt', `${lfw}Ann x 2\n`, []);
    expect(r.awaitingImages).toBe(true);
    expect(r.counts).toMatchObject({ images: 0, pairs: 0, listed: { pairs: 4, positives: 2, negatives: 2, images: 5 } });
    expect(r.problems.join('\n')).not.toMatch(/not among the dropped files/);
    expect(r.problems.join("\n")).toMatch(/pairs\.txt, line 6: "Ann x 2"/);
  });

  it('LFW names match any image extension (a copy converted to PNG is the same image); a missing one is still named as the list writes it', () => {
    const png = lfwImages.map((f) => file(f.path.replace('.jpg', '.png'))).filter((f) => !f.path.endsWith('Ann_0002.png'));
    const r = readPairListDrop('lfw-pairs', 'pairs.txt', lfw, png);
    expect(r.counts).toMatchObject({ images: 3, pairs: 2, missingImages: 1 });
    expect(r.problems.join('\n')).toMatch(/image "Ann\/Ann_0002\.jpg" is not among the dropped files/);
  });

  it('a missing image: one error naming the list file, the first line using it, the path and the fix; only its pairs are left out and counted', () => {
    const r = readPairListDrop('lfw-pairs', 'pairs.txt', lfw, lfwImages.filter((f) => !f.path.endsWith('Ann_0002.jpg')));
    expect(r.counts).toMatchObject({ pairs: 2, positives: 1, negatives: 1, skippedPairs: 2, missingImages: 1 });
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^pairs\.txt, line 2: image "Ann\/Ann_0002\.jpg" is not among the dropped files; the 2 pairs that use it are left out, the other pairs are kept\. Fix: drop the folder/);
  });

  it('problems (pairs left out) and notes (pairs kept, read with an assumption) are apart: a repeated pair and a header that promises other counts are notes', () => {
    const r = readPairListDrop('lfw-pairs', 'pairs.txt', `4 1\nAnn 1 2\nAnn 1 2\nBob 1 2\nAnn 1 Bob 2\nCid 1 Ann 2\nAnn x 2\n`, lfwImages);
    expect(r.problems).toEqual([expect.stringMatching(/^pairs\.txt, line 7: "Ann x 2"/)]);
    expect(r.notes.join('\n')).toMatch(/header promises 4 × 2 × 1 = 8 pair lines but the file has/);
    expect(r.notes.join('\n')).toMatch(/1 pair repeats an earlier pair \(line 3\)/);
    expect(r.counts).toMatchObject({ pairs: 5, skippedPairs: 1 });
  });

  it('a pairs CSV whose labels do not follow the folders has unknown classes (and says why); bad lines count as skipped pairs', () => {
    const csv = 'path_a,path_b,label\nx/1.png,y/2.png,1\nx/1.png,x/3.png,0\nx/1.png,y/2.png,maybe\n';
    const r = readPairListDrop('pairs-csv', 'data/pairs.csv', csv, ['x/1.png', 'y/2.png', 'x/3.png'].map(file));
    expect(r.counts).toMatchObject({ pairs: 2, skippedPairs: 1 });
    expect(r.classesKnown).toBe(false);
    expect(r.classes).toEqual(['unknown']);
    expect(r.classesNote).toMatch(/do not follow the image folders/);
    expect(r.problems[0]).toMatch(/^pairs\.csv, line 4 \(label\): label "maybe"/);
  });

  it('triplets CSV: one positive and one negative pair per triplet, the anchor embedded once', () => {
    const r = readPairListDrop('triplets-csv', 't.csv', 'anchor,positive,negative\na/1.png,a/2.png,b/1.png\na/2.png,a/1.png,b/2.png\n', ['a/1.png', 'a/2.png', 'b/1.png', 'b/2.png'].map(file));
    expect(r.counts).toMatchObject({ images: 4, pairs: 4, positives: 2, negatives: 2 });
    expect([...r.pairs.a]).toEqual([0, 0, 1, 1]);
    expect([...r.pairs.b]).toEqual([1, 2, 0, 3]);
    expect([...r.pairs.labels]).toEqual([1, 0, 1, 0]);
    expect(r.classesKnown).toBe(true);
  });

  it('one image per dropped file however many spellings (root, "./", "..", "\\"); a line whose two paths are the same file "pairs an image with itself": left out and named with its line and both spellings, the other pairs kept and counted', () => {
    const images = ['data/bag/b1.png', 'data/bag/b2.png', 'data/coat/c1.png', 'data/coat/c2.png'].map(file);
    const csv = [
      'path_a,path_b,label',
      'bag/b1.png,bag/b2.png,1',
      'coat/c1.png,coat/c2.png,1',
      'bag/b1.png,coat/c1.png,0',
      'data/bag/b1.png,./bag/b1.png,0',
      '../data/bag/b2.png,coat\\c2.png,0',
      'bag/../coat/c1.png,bag/b2.png,0',
      '',
    ].join('\n');
    const r = readPairListDrop('pairs-csv', 'lists/pairs.csv', csv, images);
    expect(r.counts).toEqual({ images: 4, pairs: 5, positives: 2, negatives: 3, skippedPairs: 1, missingImages: 0, listed: { pairs: 6, positives: 2, negatives: 4, images: 6 } });
    expect(r.images.map((im) => im.file)).toEqual(images.map((f) => f.file));
    expect([...r.pairs.line]).toEqual([2, 3, 4, 6, 7]);
    expect([...r.pairs.a]).toEqual([0, 2, 0, 1, 2]);
    expect([...r.pairs.b]).toEqual([1, 3, 2, 3, 1]);
    for (let k = 0; k < r.pairs.a.length; k++) expect(r.pairs.a[k]).not.toBe(r.pairs.b[k]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatch(/^pairs\.csv, line 5: pairs an image with itself: "data\/bag\/b1\.png" and "bag\/b1\.png" are the same dropped file data\/bag\/b1\.png; the pair is left out, the other pairs are kept/);
    expect(r.classes).toEqual(['bag', 'coat']);
    expect(r.classesKnown).toBe(true);
  });

  it('the QA case: "somewhere/bag/b1.png" and "data/bag/b1.png" (two roots) resolve to the one dropped plB/data/bag/b1.png, so the line pairs an image with itself and is left out', () => {
    const images = ['plB/data/bag/b1.png', 'plB/data/bag/b2.png', 'plB/data/coat/c1.png'].map(file);
    const csv = ['path_a,path_b,label', 'somewhere/bag/b1.png,data/bag/b1.png,0', 'bag/b1.png,bag/b2.png,1', 'bag/b2.png,coat/c1.png,0', ''].join('\n');
    const r = readPairListDrop('pairs-csv', 'pairs.csv', csv, images);
    expect(r.counts).toMatchObject({ images: 3, pairs: 2, skippedPairs: 1 });
    expect(r.problems[0]).toMatch(/line 2: pairs an image with itself/);
  });

  it('normalizePath resolves ".", "..", backslashes and a leading "./" or "/"', () => {
    expect(normalizePath('../imgs/bag/b5.png')).toBe('imgs/bag/b5.png');
    expect(normalizePath('bag/../coat/c5.png')).toBe('coat/c5.png');
    expect(normalizePath('.\\bag\\.\\b1.png')).toBe('bag/b1.png');
    expect(normalizePath('/data//bag/b1.png')).toBe('data/bag/b1.png');
  });

  it('a listed path whose folder disagrees with the only same-named dropped file is missing, with that file named as "did you mean"; no class is invented from it', () => {
    const csv = 'path_a,path_b,label\nbag/b1.png,bag/b2.png,1\ncoat/c1.png,coat/c2.png,1\nbag/b1.png,coat/c1.png,0\nshirt/b2.png,coat/c2.png,0\n';
    const r = readPairListDrop('pairs-csv', 'pairs.csv', csv, ['data/bag/b1.png', 'data/bag/b2.png', 'data/coat/c1.png', 'data/coat/c2.png'].map(file));
    expect(r.counts).toEqual({ images: 4, pairs: 3, positives: 2, negatives: 1, skippedPairs: 1, missingImages: 1, listed: { pairs: 4, positives: 2, negatives: 2, images: 5 } });
    expect(r.problems).toEqual([expect.stringMatching(/^pairs\.csv, line 5: image "shirt\/b2\.png" is not among the dropped files \(did you mean data\/bag\/b2\.png\?/)]);
    expect(r.classes).toEqual(['bag', 'coat']);
    expect(r.images.map((im) => im.path)).not.toContain('shirt/b2.png');
  });

  it('triplets CSV: a triplet naming one image twice (in any spelling, or as one dropped file) is left out whole, both its pairs counted exactly once, and its line says so', () => {
    const csv = [
      'anchor,positive,negative',
      'bag/b1.png,bag/b2.png,coat/c1.png',
      './bag/b1.png,bag/b1.png,coat/c2.png',
      'coat/c1.png,coat/c2.png,bag/b3.png',
      'coat/c3.png,coat/c3.png,coat/c3.png',
      'bag/b3.png,bag/b2.png',
      'data/bag/b2.png,bag/b3.png,bag/b2.png',
      '',
    ].join('\n');
    const images = ['data/bag/b1.png', 'data/bag/b2.png', 'data/bag/b3.png', 'data/coat/c1.png', 'data/coat/c2.png', 'data/coat/c3.png'].map(file);
    const r = readPairListDrop('triplets-csv', 'triplets.csv', csv, images);
    expect(r.counts).toMatchObject({ pairs: 4, positives: 2, negatives: 2, skippedPairs: 8 });
    expect([...r.pairs.line]).toEqual([2, 2, 4, 4]);
    expect(r.problems).toEqual([
      expect.stringMatching(/^triplets\.csv, line 3: uses the same image twice \(anchor "\.\/bag\/b1\.png" and positive "bag\/b1\.png"\); the triplet is left out \(both its pairs\)/),
      expect.stringMatching(/^triplets\.csv, line 5: uses the same image twice .*; the triplet is left out \(both its pairs\)/),
      expect.stringMatching(/^triplets\.csv, line 6: has 2 field\(s\), a triplet needs 3; the triplet is left out \(both its pairs\)/),
      expect.stringMatching(/^triplets\.csv, line 7: pairs an image with itself: "data\/bag\/b2\.png" and "bag\/b2\.png" .*; the triplet is left out \(both its pairs\)/),
    ]);
  });

  it('a path of 300 kB is clipped in every message to its last 300 characters after an ellipsis', () => {
    const huge = `${'x'.repeat(300_000)}/tail.png`;
    const csv = `path_a,path_b,label\na/1.png,a/2.png,1\n${huge},a/1.png,0\n${huge},${huge},0\n`;
    const r = readPairListDrop('pairs-csv', 'pairs.csv', csv, ['a/1.png', 'a/2.png'].map(file));
    expect(r.problems).toHaveLength(2);
    for (const p of r.problems) {
      expect(p.length).toBeLessThan(1000);
      expect(p).toContain(`"…${'x'.repeat(291)}/tail.png"`);
    }
  });
});
