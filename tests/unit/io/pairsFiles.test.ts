import { describe, expect, it } from 'vitest';
import { parsePairsCsv } from '../../../src/io/pairsCsv';
import { parseTripletsCsv } from '../../../src/io/tripletsCsv';
import { csvRows } from '../../../src/io/csvRows';
import { keepPairsOfUsableImages, type PairList } from '../../../src/io/pairList';
import { parsePairLabel } from '../../../src/io/pairLabel';

function triples(p: PairList): [string, string, number][] {
  return Array.from(p.a, (a, k) => [p.paths[a], p.paths[p.b[k]], p.label[k]]);
}

describe('csvRows(text)', () => {
  it('keeps line numbers across blank lines, CRLF and quoted multi-line fields; strips a BOM', () => {
    const rows = csvRows('\uFEFFa,b\r\n\r\n"x\ny",c\nd , e\n');
    expect(rows).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['x\ny', 'c'] },
      { line: 5, fields: ['d', 'e'] },
    ]);
  });
  it('reads tab- and semicolon-separated files', () => {
    expect(csvRows('a\tb\n')[0].fields).toEqual(['a', 'b']);
    expect(csvRows('a;b\n')[0].fields).toEqual(['a', 'b']);
  });
  it('reads decimal-comma files (every line has the same number of ;) and honours Excel\'s "sep=" line, keeping line numbers', () => {
    expect(csvRows('score;label\n0,95;1\n0,5;0\n').map((r) => r.fields)).toEqual([['score', 'label'], ['0,95', '1'], ['0,5', '0']]);
    expect(csvRows('a,b;c\nd,e\n').map((r) => r.fields)).toEqual([['a', 'b;c'], ['d', 'e']]);
    expect(csvRows('sep=;\nscore;label\n0.9;1\n')).toEqual([
      { line: 2, fields: ['score', 'label'] },
      { line: 3, fields: ['0.9', '1'] },
    ]);
  });
});

describe('parsePairLabel(text)', () => {
  it('reads 1/0, true/false, same/different in any case', () => {
    expect(['1', 'TRUE', 'same', '1.0', 'Yes'].map(parsePairLabel)).toEqual([1, 1, 1, 1, 1]);
    expect(['0', 'false', 'Different', '0.0', 'no'].map(parsePairLabel)).toEqual([0, 0, 0, 0, 0]);
    expect(['2', '', 'maybe'].map(parsePairLabel)).toEqual([null, null, null]);
  });
});

describe('parsePairsCsv(text, file): path_a,path_b,label', () => {
  it('reads pairs without a header', () => {
    const r = parsePairsCsv('a/1.jpg,a/2.jpg,1\na/1.jpg,b/1.jpg,0\n', 'pairs.csv');
    expect(triples(r.pairs)).toEqual([
      ['a/1.jpg', 'a/2.jpg', 1],
      ['a/1.jpg', 'b/1.jpg', 0],
    ]);
    expect(r.pairs.paths).toEqual(['a/1.jpg', 'a/2.jpg', 'b/1.jpg']);
    expect([r.pairs.positives, r.pairs.negatives]).toEqual([1, 1]);
    expect(r.issues).toEqual([]);
  });
  it('skips a header and honours its column order; labels true/false and same/different', () => {
    const r = parsePairsCsv('label,img1,img2\nsame,x.png,y.png\nfalse,x.png,z.png\n', 'p.csv');
    expect(triples(r.pairs)).toEqual([
      ['x.png', 'y.png', 1],
      ['x.png', 'z.png', 0],
    ]);
    expect(Array.from(r.pairs.line)).toEqual([2, 3]);
  });
  it('keeps good rows and reports each bad one with file, line, field and fix', () => {
    const r = parsePairsCsv('path_a,path_b,label\na.jpg,b.jpg,1\na.jpg,c.jpg,maybe\na.jpg\n,b.jpg,0\na.jpg,a.jpg,1\nb.jpg,c.jpg,0\n', 'pairs.csv');
    expect(r.pairs.a.length).toBe(2);
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'label'],
      [4, undefined],
      [5, 'path_a'],
      [6, undefined],
    ]);
    expect(r.issues[0]).toMatchObject({ file: 'pairs.csv', severity: 'error' });
    expect(r.issues[0].message).toMatch(/"maybe"/);
    expect(r.issues[0].fix).toMatch(/1\/0/);
    expect(r.issues[3].message).toMatch(/with itself/);
  });
  it('warns once about repeated pairs (in either order) but keeps them', () => {
    const r = parsePairsCsv('a.jpg,b.jpg,1\nb.jpg,a.jpg,1\n', 'p.csv');
    expect(r.pairs.a.length).toBe(2);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ severity: 'warning', line: 2 });
    expect(r.issues[0].message).toMatch(/^1 pair repeats an earlier pair \(line 2\)/);
    const two = parsePairsCsv('a.jpg,b.jpg,1\nb.jpg,a.jpg,1\na.jpg,b.jpg,1\n', 'p.csv');
    expect(two.issues[0].message).toMatch(/^2 pairs repeat an earlier pair \(lines 2, 3\)/);
  });
  it('an empty file is one error', () => {
    expect(parsePairsCsv('', 'p.csv').issues[0].message).toMatch(/no pairs/);
  });
});

describe('parseTripletsCsv(text, file): anchor,positive,negative → two pairs each', () => {
  it('gives (anchor, positive, 1) and (anchor, negative, 0) per triplet, header optional', () => {
    const r = parseTripletsCsv('anchor,positive,negative\na1.jpg,a2.jpg,b1.jpg\n', 't.csv');
    expect(triples(r.pairs)).toEqual([
      ['a1.jpg', 'a2.jpg', 1],
      ['a1.jpg', 'b1.jpg', 0],
    ]);
    expect(Array.from(r.pairs.line)).toEqual([2, 2]);
    expect(parseTripletsCsv('a1.jpg,a2.jpg,b1.jpg\n', 't.csv').pairs.a.length).toBe(2);
  });
  it('drops a bad triplet whole and reports it', () => {
    const r = parseTripletsCsv('a.jpg,b.jpg\na.jpg,,c.jpg\na.jpg,a.jpg,c.jpg\na.jpg,b.jpg,c.jpg\n', 't.csv');
    expect(r.pairs.a.length).toBe(2);
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [1, undefined],
      [2, 'positive'],
      [3, undefined],
    ]);
  });
});

describe('keepPairsOfUsableImages(pairs, usable)', () => {
  it('drops and counts the pairs that use an unusable image (case I4)', () => {
    const { pairs } = parsePairsCsv('a.jpg,b.jpg,1\na.jpg,c.heic,0\nb.jpg,c.heic,0\n', 'p.csv');
    const r = keepPairsOfUsableImages(pairs, [1, 1, 0]);
    expect(r.dropped).toBe(2);
    expect(triples(r.pairs)).toEqual([['a.jpg', 'b.jpg', 1]]);
    expect([r.pairs.positives, r.pairs.negatives]).toEqual([1, 0]);
  });
});
