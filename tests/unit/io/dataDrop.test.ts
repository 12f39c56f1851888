import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { classFolderCounts, inspectDataDrop } from '../../../src/io/dataDrop';
import type { DroppedFile } from '../../../src/io/dropFiles';
import { npyBytes } from '../cli/npyWriter';

const file = (path: string, text = 'x'): DroppedFile => ({ path, file: new File([text], path.split('/').pop()!) });

describe('classFolderCounts', () => {
  it('classFolderCounts(labels) counts every unordered pair once: 3 classes × 5 → 30 positive, 75 negative', () => {
    const labels = [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2];
    expect(classFolderCounts(labels)).toEqual({ images: 15, classes: 3, positives: 30, negatives: 75, sampled: false });
  });
  it('classFolderCounts of one image or one class has no negative pairs', () => {
    expect(classFolderCounts([0])).toMatchObject({ positives: 0, negatives: 0 });
    expect(classFolderCounts([4, 4, 4])).toMatchObject({ classes: 1, positives: 3, negatives: 0 });
  });
});

describe('inspectDataDrop', () => {
  it('reads class folders from their paths, keeps each File for later, and lists every skipped file with its reason', async () => {
    const drop = [file('val/cat/1.png'), file('val/dog/2.jpg'), file('val/cat/0.png'), file('val/notes.md'), file('val/.DS_Store')];
    const r = await inspectDataDrop(drop);
    expect(r.kind).toBe('class-folders');
    if (r.kind !== 'class-folders') return;
    expect(r.name).toBe('val');
    expect(r.classes).toEqual(['cat', 'dog']);
    expect(r.images.map((im) => [im.path, im.label])).toEqual([
      ['val/cat/0.png', 0],
      ['val/cat/1.png', 0],
      ['val/dog/2.jpg', 1],
    ]);
    expect(r.images[0].file).toBe(drop[2].file);
    expect(r.counts).toMatchObject({ images: 3, classes: 2, positives: 1, negatives: 2 });
    expect(r.skipped.map((s) => s.path).sort()).toEqual(['val/.DS_Store', 'val/notes.md']);
  });

  it('unpacks a dropped zip of class folders (junk entries are listed as skipped)', async () => {
    const zip = zipSync({ 'set/a/1.png': new Uint8Array([1]), 'set/b/2.png': new Uint8Array([2]), '__MACOSX/set/._x': new Uint8Array([0]) });
    const r = await inspectDataDrop([{ path: 'set.zip', file: new File([zip], 'set.zip') }]);
    expect(r.kind).toBe('class-folders');
    if (r.kind !== 'class-folders') return;
    expect(r.classes).toEqual(['a', 'b']);
    expect(r.skipped[0].path).toMatch(/__MACOSX/);
  });

  it('a pairs CSV with its images is read as a pair list: only the listed images, each once, pairs as listed', async () => {
    const r = await inspectDataDrop([file('pairs.csv', 'path_a,path_b,label\na/1.png,b/2.png,0\na/1.png,a/3.png,1\n'), file('a/1.png'), file('b/2.png'), file('a/3.png'), file('c/9.png')]);
    expect(r.kind).toBe('pair-list');
    if (r.kind !== 'pair-list') return;
    expect(r.images.map((im) => im.path)).toEqual(['a/1.png', 'b/2.png', 'a/3.png']);
    expect([...r.pairs.a]).toEqual([0, 0]);
    expect([...r.pairs.b]).toEqual([1, 2]);
    expect([...r.pairs.labels]).toEqual([0, 1]);
    expect(r.counts).toEqual({ images: 3, pairs: 2, positives: 1, negatives: 1, skippedPairs: 0, missingImages: 0, listed: { pairs: 2, positives: 1, negatives: 1, images: 3 } });
  });

  it('an empty pairs.csv, or one with only a header, is read as a pair list with no pairs and a problem naming the file and the expected columns (with images or without)', async () => {
    for (const [text, what] of [
      ['', 'is empty'],
      ['path_a,path_b,label\n', 'has only a header row'],
    ]) {
      for (const images of [[], [file('a/1.png'), file('b/2.png')]]) {
        const r = await inspectDataDrop([file('data/pairs.csv', text), ...images]);
        expect(r.kind).toBe('pair-list');
        if (r.kind !== 'pair-list') return;
        expect(r.counts).toMatchObject({ pairs: 0, skippedPairs: 0 });
        expect(r.problems).toEqual([`pairs.csv: ${what}: it has no pairs (expected columns path_a,path_b,label). Fix: add one pair per line after the header: path_a,path_b,label with label 1 (same class) or 0 (different)`]);
      }
    }
  });

  it('an empty triplets.csv or LFW pairs.txt names the file and the lines it needs; an empty text file of another name is named in the unsupported message', async () => {
    const t = await inspectDataDrop([file('triplets.csv', '')]);
    expect(t.kind === 'pair-list' && t.problems).toEqual(['triplets.csv: is empty: it has no triplets (expected columns anchor,positive,negative). Fix: add one triplet per line after the header: anchor,positive,negative']);
    const l = await inspectDataDrop([file('lfw/pairs.txt', '10\t300\n')]);
    expect(l.kind === 'pair-list' && l.format).toBe('lfw-pairs');
    expect(l.kind === 'pair-list' && l.problems[0]).toMatch(/^pairs\.txt: has only a header line: it has no pair lines \(expected lines "name n1 n2" or "name1 n1 name2 n2"\)/);
    const u = await inspectDataDrop([file('list.csv', '')]);
    expect(u.kind === 'unsupported' && u.message).toMatch(/list\.csv is empty/);
  });

  it('a drop with nothing usable says what to drop instead', async () => {
    const r = await inspectDataDrop([file('readme.md')]);
    expect(r.kind).toBe('unsupported');
    if (r.kind === 'unsupported') expect(r.message).toMatch(/Drop class folders/);
  });

  it('precomputed embeddings (.npy [N, D] + labels.txt) need no model: rows, classes and pair counts, float64 narrowed with a warning', async () => {
    const emb = npyBytes(Float64Array.from({ length: 8 }, (_, k) => k), { shape: [4, 2] });
    const r = await inspectDataDrop([
      { path: 'emb.npy', file: new File([emb as Uint8Array<ArrayBuffer>], 'emb.npy') },
      file('labels.txt', 'cat\ncat\ndog\ndog\n'),
    ]);
    expect(r.kind).toBe('embeddings');
    if (r.kind !== 'embeddings') return;
    expect(r.set).toMatchObject({ n: 4, dim: 2, classes: ['cat', 'dog'] });
    expect(r.counts).toMatchObject({ images: 4, classes: 2, positives: 2, negatives: 4 });
    expect(r.warnings[0]).toMatch(/float64/);
  });
});

describe('inspectDataDrop: drops that are not what they look like', () => {
  const fileOf = (path: string, bytes: Uint8Array): DroppedFile => ({ path, file: new File([bytes as Uint8Array<ArrayBuffer>], path.split('/').pop()!) });

  it('a notes.txt that reads like an LFW list but names none of the images is not used; the images are class folders, and a note says why', async () => {
    const r = await inspectDataDrop([file('val/notes.txt', 'fold 3 of 10\n'), file('val/cat/1.png'), file('val/cat/2.png'), file('val/dog/3.png')]);
    expect(r.kind).toBe('class-folders');
    if (r.kind !== 'class-folders') return;
    expect(r.counts).toMatchObject({ images: 3, classes: 2 });
    expect(r.notes).toEqual([expect.stringMatching(/^notes\.txt reads like an LFW pairs\.txt but names none of the 3 dropped images, so it is not used and the images are read as class folders/)]);
  });

  it('a pairs CSV naming some dropped images but no whole pair (path_a spelled in capitals) is their list: no pair is usable, and each missing image is named with a "did you mean"', async () => {
    const csv = 'path_a,path_b,label\nBAGS/b1.png,bags/b2.png,1\nBAGS/b1.png,coats/c1.png,0\n';
    const r = await inspectDataDrop([file('val/pairs.csv', csv), file('val/bags/b1.png'), file('val/bags/b2.png'), file('val/coats/c1.png')]);
    expect(r.kind).toBe('pair-list');
    if (r.kind !== 'pair-list') return;
    expect(r.counts).toMatchObject({ pairs: 0, skippedPairs: 2, missingImages: 1 });
    expect(r.problems.join('\n')).toMatch(/pairs\.csv, line 2: image "BAGS\/b1\.png" is not among the dropped files/);
  });

  it('a stray .npy among class folders (labels.npy alone, or features without labels) is set aside with a note; the images are evaluated', async () => {
    const labels = fileOf('val/labels.npy', npyBytes(Int32Array.from([0, 0, 1]), { shape: [3] }));
    const feats = fileOf('val/feats.npy', npyBytes(new Float32Array(6), { shape: [3, 2] }));
    for (const [stray, why] of [
      [labels, /^val\/labels\.npy set aside: no \.npy of shape \[N, D\] \(embeddings\) among them\. The 3 images are read as class folders/],
      [feats, /^val\/feats\.npy set aside: val\/feats\.npy has no labels file with it\. The 3 images are read as class folders/],
    ] as const) {
      const r = await inspectDataDrop([stray, file('val/cat/1.png'), file('val/cat/2.png'), file('val/dog/3.png')]);
      expect(r.kind).toBe('class-folders');
      if (r.kind !== 'class-folders') return;
      expect(r.counts).toMatchObject({ images: 3, classes: 2 });
      expect(r.notes).toEqual([expect.stringMatching(why)]);
    }
  });

  it('a zip with nothing to evaluate (empty, or holding only another zip) is named in the message', async () => {
    const empty = fileOf('val.zip', zipSync({}));
    const r = await inspectDataDrop([empty]);
    expect(r).toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/^Nothing to evaluate in val\.zip \(empty\): /) });
    const nested = fileOf('outer.zip', zipSync({ 'inner.zip': zipSync({ 'a/1.png': new Uint8Array([1]) }) }));
    const n = await inspectDataDrop([nested]);
    expect(n).toMatchObject({ kind: 'unsupported', message: expect.stringMatching(/^Nothing to evaluate in outer\.zip \(unpacked: 1 file\): /) });
  });

  it('a scores table dropped with images says the images are not used (a table needs none)', async () => {
    const r = await inspectDataDrop([file('run/results.csv', 'score,label\n0.9,1\n0.1,0\n'), file('run/cat/1.png'), file('run/dog/2.png')]);
    expect(r.kind).toBe('scores');
    if (r.kind !== 'scores') return;
    expect(r.warnings[0]).toMatch(/^2 images were dropped with results\.csv and are not used: a scores table already holds a score for every pair\. Fix: to embed the images with a model instead, drop their folder without results\.csv/);
  });

  it('train/ and val/ holding the same class folders are named as dataset splits with the fix', async () => {
    const r = await inspectDataDrop(['train/bag/1.png', 'train/coat/2.png', 'val/bag/3.png', 'val/coat/4.png'].map((p) => file(`dataset/${p}`)));
    expect(r.kind).toBe('class-folders');
    if (r.kind !== 'class-folders') return;
    expect(r.classes).toEqual(['train', 'val']);
    expect(r.notes).toEqual(['These look like dataset splits, not classes: train, val each hold the same folders (bag, coat). The curve would pair images by split. Fix: drop one split\'s folder (e.g. val), whose sub-folders are the classes.']);
    const plain = await inspectDataDrop([file('val/bag/a/1.png'), file('val/coat/b/2.png')]);
    expect(plain.kind === 'class-folders' && plain.notes).toEqual([]);
  });

  it('two pair lists in one drop are refused naming both, not one picked silently', async () => {
    const r = await inspectDataDrop([file('set/pairs.csv', 'path_a,path_b,label\na/1.png,b/2.png,0\n'), file('set/pairs_test.csv', 'path_a,path_b,label\na/1.png,a/3.png,1\n'), file('set/a/1.png'), file('set/b/2.png')]);
    expect(r.kind).toBe('unsupported');
    expect(r.kind === 'unsupported' && r.message).toMatch(/^2 lists were dropped together: set\/pairs\.csv \(pairs CSV\), set\/pairs_test\.csv \(pairs CSV\)\. Fix: drop one list/);
  });

  it('a pairs CSV saved as UTF-16 (Excel "Unicode text") is read as a pair list', async () => {
    const text = 'path_a,path_b,label\na/1.png,b/2.png,0\na/1.png,a/3.png,1\n';
    const utf16 = new Uint8Array(2 + 2 * text.length);
    utf16.set([0xff, 0xfe]);
    for (let k = 0; k < text.length; k++) utf16[2 + 2 * k] = text.charCodeAt(k);
    const r = await inspectDataDrop([fileOf('pairs.csv', utf16), file('a/1.png'), file('b/2.png'), file('a/3.png')]);
    expect(r.kind).toBe('pair-list');
    expect(r.kind === 'pair-list' && r.counts).toMatchObject({ images: 3, pairs: 2 });
  });

  it('labels saved as an (N, 1) array are the labels; two [N, D] arrays are refused with both shapes', async () => {
    const emb = npyBytes(Float32Array.from([0, 0, 1, 1, 5, 5]), { shape: [3, 2] });
    const labels = npyBytes(Int32Array.from([0, 0, 1]), { shape: [3, 1] });
    const r = await inspectDataDrop([fileOf('emb.npy', emb), fileOf('labels.npy', labels)]);
    expect(r.kind).toBe('embeddings');
    expect(r.kind === 'embeddings' && r.counts).toMatchObject({ images: 3, classes: 2, positives: 1 });
    const two = await inspectDataDrop([fileOf('train_emb.npy', emb), fileOf('val_emb.npy', npyBytes(Float32Array.from([0, 1, 2, 3]), { shape: [2, 2] })), fileOf('labels.npy', labels)]);
    expect(two.kind === 'unsupported' && two.message).toMatch(/^2 embedding arrays were dropped together: train_emb\.npy \(3 × 2\), val_emb\.npy \(2 × 2\)\. Fix: drop one/);
  });
});
