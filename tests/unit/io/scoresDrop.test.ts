import { describe, expect, it } from 'vitest';
import { readScoresDrop } from '../../../src/io/scoresDrop';
import { scoresItems } from '../../../src/io/scoresItems';
import { InputError } from '../../../src/io/inputIssue';
import { parseScoresCsv } from '../../../src/io/scoresCsv';

const buf = (text: string) => new TextEncoder().encode(text).buffer as ArrayBuffer;
const rows = (n: number, bad: Record<number, string> = {}) =>
  'score,label\n' + Array.from({ length: n }, (_, k) => `${(k / n).toFixed(4)},${bad[k] ?? String(k % 2)}`).join('\n') + '\n';

describe('readScoresDrop(path, bytes, kind): when a scores table can be run', () => {
  it('keeps the good rows around one bad label in 200 rows and names the file, the line and the fix of the skipped one', async () => {
    const drop = await readScoresDrop('runs/val-scores.csv', buf(rows(200, { 6: 'maybe' })), 'scores-csv');
    expect(drop.name).toBe('val-scores.csv');
    expect(drop.table.scores.length).toBe(199);
    expect(drop.rowsRead).toBe(200);
    expect(drop.rowErrors).toEqual(['val-scores.csv, line 8 (label): label "maybe" is not a pair label. Fix: use 1/0, true/false or same/different (row skipped)']);
    expect(drop.warnings).toEqual([]);
  });

  it('refuses a table with more than 1 % bad rows, naming the file, the first bad line, the count and the fix', async () => {
    const err = await readScoresDrop('bad.csv', buf(rows(20, { 3: '2', 9: 'x' })), 'scores-csv').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/^bad\.csv, line 5 \(label\): label "2" is not a pair label; 2 bad rows \(lines 5, 11\)/);
    expect(msg).toMatch(/18 good — not evaluated\. Fix: use 1\/0, true\/false or same\/different$/);
  });

  it('refuses −1/+1 labels with the fix that maps them', async () => {
    const text = 'score,label\n0.9,1\n0.2,-1\n0.4,-1\n';
    await expect(readScoresDrop('pm.csv', buf(text), 'scores-csv')).rejects.toThrow(/pm\.csv, line 3 \(label\).*Fix: the labels look like −1\/\+1: write 0 for different \(−1\) and 1 for same/);
  });

  it('refuses an empty table and a table without a single good row', async () => {
    await expect(readScoresDrop('e.csv', buf('score,label\n'), 'scores-csv')).rejects.toThrow(/^e\.csv: has no rows\. Fix: add lines/);
    await expect(readScoresDrop('h.csv', buf('score,label\nhigh,1\n'), 'scores-csv')).rejects.toThrow(/h\.csv, line 2 \(score\)/);
  });

  it('counts NaN/inf scores (kept for the curve to exclude and count), with no warning per row', async () => {
    const drop = await readScoresDrop('n.csv', buf('0.9,1\nnan,0\ninf,1\n0.1,0\n'), 'scores-csv');
    expect(drop.nonFinite).toBe(2);
    expect(drop.warnings).toEqual([]);
    expect(drop.rowErrors).toEqual([]);
  });
});

describe('scoresItems(table): the names a row is flagged and restored by', () => {
  it('with a, b columns: each distinct name is one item in order of first appearance; rows point at them', async () => {
    const { table } = parseScoresCsv('score,label,a,b\n0.9,1,x,y\n0.8,0,y,z\n0.1,0,x,z\n', 't.csv');
    const it = await scoresItems(table);
    expect(it.named).toBe(true);
    expect(it.names).toEqual(['x', 'y', 'z']);
    expect([Array.from(it.pairA), Array.from(it.pairB)]).toEqual([
      [0, 1, 0],
      [1, 2, 2],
    ]);
  });
  it('without names: two made-up items per row from its line, so a pair flag means exactly that row', async () => {
    const { table } = parseScoresCsv('score,label\n0.9,1\n0.8,0\n', 't.csv');
    const it = await scoresItems(table);
    expect(it.named).toBe(false);
    expect(it.names).toEqual(['row 2·a', 'row 2·b', 'row 3·a', 'row 3·b']);
    expect([Array.from(it.pairA), Array.from(it.pairB)]).toEqual([
      [0, 2],
      [1, 3],
    ]);
  });
});
