import { describe, expect, it } from 'vitest';
import { evaluateScores } from '../../../src/metrics/evaluateScores';
import { scoreHistograms, HIST_BINS } from '../../../src/metrics/histograms';
import { rocFromPrCurve, ROC_DRAW_STEP } from '../../../src/metrics/roc';
import { copyPairs, curveTransferables, evaluationTransferables, uniqueBuffers } from '../../../src/workers/protocol';

/** All-NaN scores: every curve array is empty (and may share one buffer). */
function degenerateEvaluation() {
  const e = evaluateScores(Float64Array.from([NaN, NaN, NaN]), Uint8Array.from([1, 0, 1]));
  e.histograms = scoreHistograms(e.scores, e.labels, HIST_BINS);
  e.roc = rocFromPrCurve(e.curve, { minStep: ROC_DRAW_STEP });
  return e;
}

describe('transfer lists', () => {
  it('evaluationTransferables(e) never lists a buffer twice, even for a degenerate (all-NaN) evaluation, and survives a real transfer', () => {
    const e = degenerateEvaluation();
    const transfer = evaluationTransferables(e);
    expect(new Set(transfer).size).toBe(transfer.length);
    expect(() => structuredClone({ e }, { transfer })).not.toThrow();
  });

  it('curveTransferables(c) never lists a buffer twice when the curve arrays share one (empty) buffer', () => {
    const shared = new ArrayBuffer(16);
    const empty = new Float64Array(0);
    const curve = { ...degenerateEvaluation().curve, thresholds: empty, precision: new Float64Array(shared, 0, 1), recall: new Float64Array(shared, 8, 1), tp: new Float64Array(empty.buffer), fp: new Float64Array(empty.buffer) };
    const transfer = curveTransferables(curve);
    expect(new Set(transfer).size).toBe(transfer.length);
    expect(transfer).toContain(shared);
    expect(() => structuredClone(curve, { transfer })).not.toThrow();
  });

  it('uniqueBuffers(views) lists each non-empty ArrayBuffer once and leaves out empty and detached ones', () => {
    const buf = new ArrayBuffer(8);
    const sent = new Uint8Array(4);
    structuredClone(sent.buffer, { transfer: [sent.buffer] });
    expect(uniqueBuffers([new Uint8Array(buf, 0, 4), new Uint8Array(buf, 4, 4), new Uint8Array(0), sent])).toEqual([buf]);
  });

  it('copyPairs(request) transfers each copied pair buffer once, even for an empty pair list', () => {
    const req = { pairs: { a: new Uint32Array(0), b: new Uint32Array(0), labels: new Uint8Array(0) } };
    const { transfer } = copyPairs(req);
    expect(() => structuredClone(req, { transfer })).not.toThrow();
  });
});
