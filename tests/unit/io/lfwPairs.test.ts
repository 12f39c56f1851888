import { describe, expect, it } from 'vitest';
import { lfwPath, parseLfwPairs } from '../../../src/io/lfwPairs';
import { matchPaths } from '../../../src/io/matchPaths';

// The first lines of LFW's pairs.txt layout (fold header, matched, then mismatched).
const PAIRS = ['2\t1', 'Abel_Pacheco\t1\t4', 'Akhmed_Zakayev\t1\t3', 'AJ_Cook\t1\tMarsha_Thomason\t1', 'Aaron_Sorkin\t2\tFrank_Solich\t5', ''].join('\n');

describe('parseLfwPairs(text, file): LFW pairs.txt', () => {
  it('reads the fold header, matched lines (label 1) and mismatched lines (label 0) with zero-padded names', () => {
    const r = parseLfwPairs(PAIRS, 'pairs.txt');
    expect(r.header).toEqual({ folds: 2, perFold: 1 });
    const p = r.pairs;
    expect(Array.from(p.a, (a, k) => [p.paths[a], p.paths[p.b[k]], p.label[k]])).toEqual([
      ['Abel_Pacheco/Abel_Pacheco_0001.jpg', 'Abel_Pacheco/Abel_Pacheco_0004.jpg', 1],
      ['Akhmed_Zakayev/Akhmed_Zakayev_0001.jpg', 'Akhmed_Zakayev/Akhmed_Zakayev_0003.jpg', 1],
      ['AJ_Cook/AJ_Cook_0001.jpg', 'Marsha_Thomason/Marsha_Thomason_0001.jpg', 0],
      ['Aaron_Sorkin/Aaron_Sorkin_0002.jpg', 'Frank_Solich/Frank_Solich_0005.jpg', 0],
    ]);
    // fold = line index / (2 · perFold): m, m | mm → folds 0, 0, 1, 1
    expect(Array.from(r.fold)).toEqual([0, 0, 1, 1]);
    expect(r.issues).toEqual([]);
  });
  it('accepts a single-number header (pairsDevTrain.txt) and no header at all', () => {
    expect(parseLfwPairs('1\nA 1 2\nA 1 B 1\n', 'p.txt').header).toEqual({ folds: 1, perFold: 1 });
    const r = parseLfwPairs('A 1 2\n', 'p.txt');
    expect(r.header).toBeNull();
    expect(r.pairs.a.length).toBe(1);
  });
  it('keeps good lines, reports malformed ones by line, and warns when the count disagrees with the header', () => {
    const r = parseLfwPairs('10\t300\nA 1 2\nA one two\nB 3 3\n', 'pairs.txt');
    expect(r.pairs.a.length).toBe(1);
    expect(r.issues.map((i) => [i.severity, i.line])).toEqual([
      ['error', 3],
      ['error', 4],
      ['warning', 1],
    ]);
    expect(r.issues[2].message).toMatch(/6000 pair lines but the file has 3/);
  });
  it('an image number must be a whole number from 1 to 9999 (LFW pads to 4 digits): "Bob 9999999999999999999999" is a line error, never Bob_1e+22.jpg', () => {
    const r = parseLfwPairs('Ann 1 2\nAnn 2 Bob 9999999999999999999999\nBob 0 1\nBob 1 10000\nBob 02 9999\n', 'pairs.txt');
    expect(r.pairs.paths).toEqual(['Ann/Ann_0001.jpg', 'Ann/Ann_0002.jpg', 'Bob/Bob_0002.jpg', 'Bob/Bob_9999.jpg']);
    expect(r.pairs.paths.some((p) => p.includes('e+'))).toBe(false);
    expect(r.issues.map((i) => [i.line, i.severity])).toEqual([
      [2, 'error'],
      [3, 'error'],
      [4, 'error'],
    ]);
    expect(r.issues[0].message).toBe('image number "9999999999999999999999" is not a whole number from 1 to 9999; the pair is left out');
  });
  it('lfwPath pads to 4 digits and takes another extension', () => {
    expect(lfwPath('George_W_Bush', '12')).toBe('George_W_Bush/George_W_Bush_0012.jpg');
    expect(lfwPath('X', '0001', '.png')).toBe('X/X_0001.png');
  });
});

describe('matchPaths(wanted, files): pairs-list paths → dropped files', () => {
  it('matches across different roots by trailing segments and reports missing and ambiguous ones', () => {
    const files = ['lfw/Abel_Pacheco/Abel_Pacheco_0001.jpg', 'lfw/Abel_Pacheco/Abel_Pacheco_0004.jpg', 'x/dup.jpg', 'y/dup.jpg'];
    const m = matchPaths(['Abel_Pacheco/Abel_Pacheco_0004.jpg', 'data/lfw/Abel_Pacheco/Abel_Pacheco_0001.jpg', 'Nobody/Nobody_0001.jpg', 'dup.jpg', 'x/dup.jpg'], files);
    expect(Array.from(m.fileIndex)).toEqual([1, 0, -1, -1, 2]);
    expect(m.unmatched).toEqual([
      { path: 'Nobody/Nobody_0001.jpg', reason: 'missing' },
      { path: 'dup.jpg', reason: 'ambiguous' },
    ]);
  });
  it('a match agrees on the file name and its folder: the list may name fewer, more or other leading folders (another machine\'s root), never a different class folder', () => {
    const files = ['data/bag/b1.png', 'data/bag/b2.png', 'b3.png', 'fm/coat/c1.png', 'a/coat/c2.png', 'b/coat/c2.png'];
    const m = matchPaths(['bag/b1.png', 'x/data/bag/b2.png', 'shirt/b2.png', 'somewhere/bag/b1.png', 'any/b3.png', 'coat/b9.png', '/mnt/fmnist/coat/c1.png', 'z/coat/c2.png'], files);
    expect(Array.from(m.fileIndex)).toEqual([0, 1, -1, 0, 2, -1, 3, -1]);
    expect(m.unmatched).toEqual([
      { path: 'shirt/b2.png', reason: 'missing', candidate: 'data/bag/b2.png' },
      { path: 'coat/b9.png', reason: 'missing' },
      { path: 'z/coat/c2.png', reason: 'ambiguous' },
    ]);
  });
});
