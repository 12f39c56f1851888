import { describe, expect, it } from 'vitest';
import { parseScoresCsv } from '../../../src/io/scoresCsv';
import { parseScoresParquet } from '../../../src/io/scoresParquet';
import { parseScore } from '../../../src/io/scoresTable';
import { InputError } from '../../../src/io/inputIssue';
import { ioFixture } from './fixture';

describe('parseScore(text)', () => {
  it('reads decimals, exponents, nan and ±inf; refuses the rest', () => {
    expect(['0.5', '-1e-3', '.25', '+2', 'NaN', 'inf', '-Infinity'].map(parseScore)).toEqual([0.5, -0.001, 0.25, 2, NaN, Infinity, -Infinity]);
    expect(['', 'abc', '1,5', '0x10', '1.2.3'].map(parseScore)).toEqual([null, null, null, null, null]);
  });
});

describe('parseScoresCsv(text, file): score,label[,a,b]', () => {
  it('reads score and label without a header, keeping float64 scores exactly', () => {
    const r = parseScoresCsv('0.1234567890123,1\n0.2,0\n', 's.csv');
    expect(Array.from(r.table.scores)).toEqual([0.1234567890123, 0.2]);
    expect(Array.from(r.table.labels)).toEqual([1, 0]);
    expect(r.table.a).toBeNull();
    expect([r.table.positives, r.table.negatives]).toEqual([1, 1]);
    expect(r.issues).toEqual([]);
  });
  it('reads optional a, b ids and a header in any column order', () => {
    const r = parseScoresCsv('a,b,label,score\nx.jpg,y.jpg,same,0.9\nx.jpg,z.jpg,different,nan\n', 's.csv');
    expect(Array.from(r.table.scores)).toEqual([0.9, NaN]);
    expect(Array.from(r.table.labels)).toEqual([1, 0]);
    expect(r.table.a).toEqual(['x.jpg', 'x.jpg']);
    expect(r.table.b).toEqual(['y.jpg', 'z.jpg']);
    expect(Array.from(r.table.row)).toEqual([2, 3]);
  });
  it('a distance column becomes score = −distance, with a warning', () => {
    const r = parseScoresCsv('distance,label\n0.5,1\n2,0\n', 'd.csv');
    expect(Array.from(r.table.scores)).toEqual([-0.5, -2]);
    expect(r.issues[0]).toMatchObject({ severity: 'warning' });
    expect(r.issues[0].message).toMatch(/−distance/);
  });
  it('keeps good rows and names each bad row by line and field', () => {
    const r = parseScoresCsv('score,label\n0.9,1\nhigh,1\n0.3,2\n0.4\n0.1,0\n', 's.csv');
    expect(Array.from(r.table.scores)).toEqual([0.9, 0.1]);
    expect(r.issues.map((i) => [i.line, i.field])).toEqual([
      [3, 'score'],
      [4, 'label'],
      [5, undefined],
    ]);
    expect(r.issues[1].fix).toMatch(/1\/0/);
  });
});

describe('parseScoresParquet(bytes, file)', () => {
  it('reads double scores (NaN kept), bool labels and string ids; a null label is a reported bad row', async () => {
    const r = await parseScoresParquet(ioFixture('scores.parquet'), 'scores.parquet');
    expect(Array.from(r.table.scores)).toEqual([0.9, 0.8, NaN, 0.25]);
    expect(Array.from(r.table.labels)).toEqual([1, 0, 1, 0]);
    expect(r.table.a).toEqual(['x/1.jpg', 'x/1.jpg', 'x/2.jpg', 'y/2.jpg']);
    expect(Array.from(r.table.row)).toEqual([1, 2, 3, 5]);
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ file: 'scores.parquet', line: 4, field: 'label', severity: 'error' });
  });
  it('reads gzip pages, int64 labels and a Distance column (as −distance), names matched case-insensitively', async () => {
    const r = await parseScoresParquet(ioFixture('distances-gzip.parquet'), 'd.parquet');
    expect(Array.from(r.table.scores)).toEqual([-0.5, -2, -0.25]);
    expect(Array.from(r.table.labels)).toEqual([1, 0, 1]);
    expect(r.issues.map((i) => i.severity)).toEqual(['warning']);
  });
  it('refuses a zstd file with the fix (write with snappy)', async () => {
    const e = await parseScoresParquet(ioFixture('scores-zstd.parquet'), 'z.parquet').catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(/ZSTD/);
    expect((e as InputError).issue.fix).toMatch(/snappy/);
  });
  it('refuses a table without a label column, listing the columns it has', async () => {
    const e = await parseScoresParquet(ioFixture('no-label.parquet'), 'n.parquet').catch((x: unknown) => x);
    expect((e as InputError).message).toMatch(/has columns \[score\]/);
  });
  it('refuses bytes that are not Parquet', async () => {
    const e = await parseScoresParquet(new TextEncoder().encode('score,label\n0.5,1\n'), 'oops.parquet').catch((x: unknown) => x);
    expect((e as InputError).message).toMatch(/^oops\.parquet: is not a readable Parquet file/);
  });
});
