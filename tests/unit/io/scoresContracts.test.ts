import { describe, expect, it } from 'vitest';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { readScoresDrop } from '../../../src/io/scoresDrop';
import { parseScoresCsv } from '../../../src/io/scoresCsv';
import { parseScoresParquet } from '../../../src/io/scoresParquet';
import { formatIssue, InputError } from '../../../src/io/inputIssue';

const buf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;

describe('scores tables: inputs that must be refused or warned about', () => {
  it('readScoresDrop refuses a table with no finite score (all NaN) at the drop, naming the file and the fix', async () => {
    const err = await readScoresDrop('runs/all-nan.csv', buf('score,label\nnan,1\nnan,0\ninf,1\n'), 'scores-csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/^all-nan\.csv \(score\): has no finite score: all 3 scores are NaN, infinite or missing.*Fix: check the score column/);
  });

  it('parseScoresParquet reads a null score as NaN (kept, counted, one warning with the count); a null label stays a bad row', async () => {
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'score', data: [0.9, null, 0.2, null, 0.4], type: 'DOUBLE' },
        { name: 'label', data: [1, 0, 1, 0, null], type: 'INT32' },
      ],
    });
    const r = await parseScoresParquet(bytes, 'nulls.parquet');
    expect(r.table.scores.length).toBe(4);
    expect(Array.from(r.table.scores).map((s) => (Number.isNaN(s) ? 'nan' : s))).toEqual([0.9, 'nan', 0.2, 'nan']);
    expect(r.issues.filter((i) => i.severity === 'warning').map(formatIssue)).toEqual([
      'nulls.parquet (score): 2 missing scores (null or empty) read as NaN: excluded from the curve and counted. Fix: nothing to do if those pairs could not be scored; otherwise write their scores',
    ]);
    expect(r.issues.filter((i) => i.severity === 'error')).toMatchObject([{ line: 5, field: 'label' }]);
    const drop = await readScoresDrop('nulls.parquet', bytes, 'scores-parquet').catch((e: unknown) => e);
    expect(drop).toBeInstanceOf(InputError); // 1 bad row of 5 is over the 1 % that may be skipped, but it is the label, not the nulls
    expect((drop as Error).message).toMatch(/line 5 \(label\)/);
  });

  it('parseScoresParquet warns, naming the column and the fix, when INT64 scores exceed 2^53 (they would collapse into ties)', async () => {
    const big = 2n ** 60n;
    const bytes = parquetWriteBuffer({
      columnData: [
        { name: 'logit_q', data: [big, big + 1n, 5n], type: 'INT64' },
        { name: 'label', data: [1, 0, 1], type: 'INT32' },
      ],
    });
    const err = await parseScoresParquet(bytes, 'q.parquet').catch((e: unknown) => e);
    expect((err as Error).message).toMatch(/q\.parquet \(logit_q, label\): has columns \[logit_q, label\].*score may also be called scores\/similarity\/sim\/y_score/);
    const named = parquetWriteBuffer({
      columnData: [
        { name: 'score', data: [big, big + 1n, 5n], type: 'INT64' },
        { name: 'label', data: [1, 0, 1], type: 'INT32' },
      ],
    });
    const r = await parseScoresParquet(named, 'q.parquet');
    expect(r.issues.map(formatIssue)).toEqual([
      'q.parquet, row 1 (score): 2 integer scores beyond ±2^53 (rows 1, 2) lose precision as float64, so nearby scores become ties and the curve may differ from the exact one. Fix: write column "score" as float64, or rescale it below 2^53 (9,007,199,254,740,991)',
    ]);
  });

  it('parseScoresCsv reads a headerless first row with a bad score (abc,1) as a bad data row, not a header', () => {
    const r = parseScoresCsv('abc,1\n0.9,1\n0.1,0\n', 'h.csv');
    expect(r.table.scores.length).toBe(2);
    expect(r.issues.map(formatIssue)).toEqual([
      'h.csv, line 1 (score): first row "abc,1" was read as data (its label "1" is a pair label), but its score "abc" is not a number. Fix: fix the score; if the row is a header, name the columns score,label[,a,b]',
    ]);
  });

  it('parseScoresCsv says how it read a first row that is not a recognised header', () => {
    const r = parseScoresCsv('foo,bar\n0.9,1\n0.1,0\n', 'h.csv');
    expect(r.table.scores.length).toBe(2);
    expect(r.issues.map(formatIssue)).toEqual([expect.stringMatching(/^h\.csv, line 1: first row "foo,bar" is not a recognised header .*read column 1 as the score and column 2 as the label\. Fix: name the columns score,label\[,a,b\]/)]);
  });

  it('parseScoresCsv warns with counts about pairs a,b listed twice (either order), separately when their labels conflict', () => {
    const r = parseScoresCsv('score,label,a,b\n0.9,1,x,y\n0.8,1,y,x\n0.7,0,x,y\n0.1,0,x,z\n0.2,0,z,w\n', 'd.csv');
    expect(r.table.scores.length).toBe(5);
    expect(r.issues.map(formatIssue)).toEqual([
      'd.csv, line 3: 1 row repeats an earlier pair a,b with the same label (line 3); each copy counts in the curve. Fix: remove the repeated rows if they are not intended',
      'd.csv, line 4 (label): 1 row repeats an earlier pair a,b with a different label (line 4); both labels count in the curve. Fix: decide which label is right and keep one row per pair',
    ]);
  });
});

describe('a decimal comma in a score', () => {
  it('is read as a decimal (a ;-separated spreadsheet export, or a quoted field), with one note', () => {
    const { table, issues } = parseScoresCsv('score;label\n0,95;1\n0,5;0\n-1,25e-3;1\n', 'eu.csv');
    expect(Array.from(table.scores)).toEqual([0.95, 0.5, -0.00125]);
    expect(issues).toEqual([expect.objectContaining({ line: 2, severity: 'warning', message: '3 scores are written with a decimal comma ("0,95"), read as decimals (0.95)' })]);
    expect(Array.from(parseScoresCsv('score,label\n"0,75",1\n', 'q.csv').table.scores)).toEqual([0.75]);
  });
  it('a comma that is not one decimal comma is still a bad score, named with the fix', () => {
    const { issues } = parseScoresCsv('score;label\n1,000,5;1\n0,5;0\n', 'eu.csv');
    expect(issues[0]).toMatchObject({ line: 2, field: 'score', severity: 'error', message: 'score "1,000,5" is not a number' });
  });
});

describe('labels and headers', () => {
  it('labels written as floats (1.00, 0.000) are labels; 0.5 is not', () => {
    const { table, issues } = parseScoresCsv('score,label\n0.9,1.00\n0.2,0.000\n0.4,0.5\n', 'f.csv');
    expect(Array.from(table.labels)).toEqual([1, 0]);
    expect(issues).toEqual([expect.objectContaining({ line: 4, field: 'label', severity: 'error' })]);
  });
  it('a header naming the score column twice says which one is read', () => {
    const { table, issues } = parseScoresCsv('score,label,score\n0.9,1,0.1\n0.2,0,0.8\n', 'd.csv');
    expect(Array.from(table.scores)).toEqual([0.9, 0.2]);
    expect(issues).toEqual([expect.objectContaining({ line: 1, severity: 'warning', message: 'the header names "score" twice (columns 1 and 3); column 1 is read as the score' })]);
  });
});
