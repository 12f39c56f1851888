import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readScoresDrop } from '../../../src/io/scoresDrop';
import { evaluateScores } from '../../../src/metrics/evaluateScores';
import { expectAllClose, loadFixture } from './fixtures';

const fx = loadFixture('scores_table');
const bytes = (name: string) => {
  const b = readFileSync(new URL(`../../fixtures/io/${name}`, import.meta.url));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('a scores table (score,label,a,b) evaluated with no model', () => {
  for (const [file, kind] of [
    ['scores-table.csv', 'scores-csv'],
    ['scores-table.parquet', 'scores-parquet'],
  ] as const) {
    it(`${file}: AP, thresholds, precision and recall equal scikit-learn's (metrics/scores_table.json) to 1e-9; the NaN and +inf rows are excluded and counted`, async () => {
      const drop = await readScoresDrop(file, bytes(file), kind);
      expect(drop.table.scores.length).toBe(300);
      expect(drop.nonFinite).toBe(2);
      const ev = evaluateScores(drop.table.scores, drop.table.labels);
      expect(Math.abs(ev.curve.ap - fx.ap)).toBeLessThanOrEqual(1e-9);
      expectAllClose(ev.curve.thresholds, fx.thresholds, 1e-9, 'thresholds');
      expectAllClose(ev.curve.precision, fx.precision, 1e-9, 'precision');
      expectAllClose(ev.curve.recall, fx.recall, 1e-9, 'recall');
      expect(ev.curve.excludedNonFinite).toBe(2);
      expect(Array.from(ev.curve.excludedIndices)).toEqual([5, 77]);
      // the ranking lists the 298 finite rows, most confident first
      expect(ev.order.length).toBe(298);
      for (let r = 1; r < ev.order.length; r++) expect(ev.scores[ev.order[r - 1]]).toBeGreaterThanOrEqual(ev.scores[ev.order[r]]);
    });
  }

  it('evaluateScores keeps float64 scores: two scores 1e-12 apart stay two thresholds (float32 would merge them)', () => {
    const ev = evaluateScores(Float64Array.from([0.5, 0.5 + 1e-12, 0.1]), Uint8Array.from([0, 1, 0]));
    expect(ev.curve.thresholds.length).toBe(3);
    expect(ev.curve.ap).toBe(1);
  });

  it('P2: a table with no positive rows gives AP 0 and the "no positive pairs" warning, never NaN', () => {
    const ev = evaluateScores(Float64Array.from([0.1, 0.1, 0.1]), new Uint8Array(3));
    expect(ev.curve.ap).toBe(0);
    expect(ev.curve.warnings).toContain('no positive pairs');
    expect([...ev.curve.precision, ...ev.curve.recall].some(Number.isNaN)).toBe(false);
  });
});
