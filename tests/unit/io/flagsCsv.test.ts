import { csvParseRows } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { FLAG_CSV_COLUMNS, flagsToCsv, formatFloat32 } from '../../../src/io/flagsCsv';

// Case E1 with awkward paths: 0 = A1, 1 = A2 (class A), 2 = B1 (class B, a copy of A1).
const ev = evaluateEmbeddings(Float32Array.from([1, 0, 0.5, 0.5, 1, 0]), 3, 2, Int32Array.from([0, 0, 1]), 'neg-sq-l2');
const ctx = {
  paths: ['A, "first"/a1.png', 'A/a2.png', 'B/line\nbreak.png'],
  classes: Int32Array.from([0, 0, 1]),
  classNames: ['A, the class', 'B'],
  scores: ev.scores,
};

describe('flagsToCsv(flags, ctx)', () => {
  it('writes the header path_a,path_b,class_a,class_b,score,tag,action', () => {
    expect(flagsToCsv([], ctx)).toBe('path_a,path_b,class_a,class_b,score,tag,action');
    expect(FLAG_CSV_COLUMNS).toEqual(['path_a', 'path_b', 'class_a', 'class_b', 'score', 'tag', 'action']);
  });

  it('writes one row per flag with paths, classes, score, tag and action, quoting commas, quotes and newlines', () => {
    const csv = flagsToCsv(
      [
        { kind: 'exclude-pair', i: 2, j: 0, tag: 'exact-duplicate' },
        { kind: 'label-error', i: 1, j: 2 },
        { kind: 'exclude-image', image: 2, tag: 'exact-duplicate' },
        { kind: 'relabel-image', image: 2, toClass: 0 },
      ],
      ctx,
    );
    expect(csv.split('\n')[1]).toBe('"A, ""first""/a1.png","B/line');
    const rows = csvParseRows(csv);
    expect(rows).toEqual([
      [...FLAG_CSV_COLUMNS],
      ['A, "first"/a1.png', 'B/line\nbreak.png', 'A, the class', 'B', '0', 'exact-duplicate', 'exclude-pair'],
      ['A/a2.png', 'B/line\nbreak.png', 'A, the class', 'B', '-0.5', '', 'label-error'],
      ['B/line\nbreak.png', '', 'B', '', '', 'exact-duplicate', 'exclude-image'],
      ['B/line\nbreak.png', '', 'B', '', '', '', 'relabel-image:A, the class'],
    ]);
  });

  it('a name that a spreadsheet would run as a formula (=, +, -, @) is written as text with a leading \'; scores stay numbers', () => {
    const evil = { ...ctx, paths: ['=HYPERLINK("http://x")/a.png', '@SUM(1)/b.png', 'ok/c.png'], classNames: ['+cmd', '-1'] };
    const rows = csvParseRows(flagsToCsv([{ kind: 'exclude-pair', i: 0, j: 1 }], evil));
    expect(rows[1].slice(0, 4)).toEqual(['\'=HYPERLINK("http://x")/a.png', "'@SUM(1)/b.png", "'+cmd", "'+cmd"]);
    expect(Number(rows[1][4])).toBe(ctx.scores[0]);
  });

  it('refuses an invalid flag or a context that does not fit, before writing', () => {
    expect(() => flagsToCsv([{ kind: 'exclude-image', image: 3 }], ctx)).toThrow('flags[0].image: 3 is not an image index in 0..2');
    expect(() => flagsToCsv([], { ...ctx, scores: new Float32Array(2) })).toThrow('2 scores for 3 images (3 pairs)');
    expect(() => flagsToCsv([], { ...ctx, classes: new Int32Array(1) })).toThrow('1 classes for 3 paths');
  });
});

describe('formatFloat32(v)', () => {
  it('writes the shortest decimal that reads back as the same float32', () => {
    expect(formatFloat32(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat32(Math.fround(-1.2345678))).toBe('-1.2345678');
    expect(formatFloat32(-0)).toBe('0');
    expect(formatFloat32(Math.fround(1e-30))).toBe('1e-30');
    for (const v of [Math.fround(Math.PI), Math.fround(-2 / 3), 3.4028234663852886e38]) expect(Math.fround(Number(formatFloat32(v)))).toBe(v);
  });

  it('leaves non-finite scores empty', () => {
    expect(formatFloat32(NaN)).toBe('');
    expect(formatFloat32(-Infinity)).toBe('');
  });
});
