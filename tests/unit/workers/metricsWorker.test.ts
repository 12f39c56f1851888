import { scoreHistograms, HIST_BINS } from '../../../src/metrics/histograms';
import { rocFromPrCurve, ROC_DRAW_STEP } from '../../../src/metrics/roc';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MetricsIn, MetricsOut } from '../../../src/workers/protocol';
import { evaluationTransferables } from '../../../src/workers/protocol';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';

// The worker file only switches on the message type; run it against a fake worker scope.
const posted: { msg: MetricsOut; transfer: Transferable[] }[] = [];
const scope = { postMessage: vi.fn((msg: MetricsOut, transfer: Transferable[]) => posted.push({ msg, transfer })), onmessage: null as null | ((ev: { data: MetricsIn }) => void) };

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('../../../src/workers/metrics.worker');
});
afterAll(() => vi.unstubAllGlobals());

const request = {
  embeddings: Float32Array.from([0, 0, 1, 0, 0, 1, 5, 5]),
  n: 4,
  dim: 2,
  classes: Int32Array.from([0, 0, 1, 1]),
  metric: 'neg-sq-l2' as const,
};

describe('metrics worker protocol', () => {
  it("answers 'evaluate' with the same evaluation as the pure function, plus its score histograms and ROC (so the page does not compute them), transferring every buffer", () => {
    scope.onmessage!({ data: { type: 'evaluate', id: 7, request } });
    const { msg, transfer } = posted.pop()!;
    expect(msg.type).toBe('evaluation');
    if (msg.type !== 'evaluation') return;
    expect(msg.id).toBe(7);
    const direct = evaluateEmbeddings(request.embeddings, 4, 2, request.classes, 'neg-sq-l2');
    expect(msg.evaluation.curve.ap).toBe(direct.curve.ap);
    expect(Array.from(msg.evaluation.order)).toEqual(Array.from(direct.order));
    expect(msg.evaluation.histograms).toEqual(scoreHistograms(direct.scores, direct.labels, HIST_BINS));
    expect(msg.evaluation.roc).toEqual(rocFromPrCurve(direct.curve, { minStep: ROC_DRAW_STEP }));
    expect(transfer).toHaveLength(16); // curve 6 less the empty excludedIndices (no NaN; empty buffers are not transferred), order/scores/labels, histogram edges/genuine/impostor, ROC fpr/tpr/thresholds/fp/tp
    // structured clone with transfer: the result survives a real postMessage round trip
    const cloned = structuredClone(msg, { transfer: transfer as Transferable[] });
    expect(cloned.type === 'evaluation' && Array.from(cloned.evaluation.curve.precision)).toEqual(Array.from(direct.curve.precision));
  });

  it("answers 'evaluate-scores' (a scores table) with evaluateScores' evaluation, float64 scores intact, transferring every buffer", () => {
    const scores = Float64Array.from([0.9, 0.5 + 1e-12, 0.5, NaN]);
    const labels = Uint8Array.from([0, 1, 0, 1]);
    scope.onmessage!({ data: { type: 'evaluate-scores', id: 9, request: { scores, labels } } });
    const { msg, transfer } = posted.pop()!;
    expect(msg.type === 'evaluation' && msg.id).toBe(9);
    if (msg.type !== 'evaluation') return;
    expect(msg.evaluation.scores).toBeInstanceOf(Float64Array);
    expect(msg.evaluation.curve.thresholds.length).toBe(3);
    expect(msg.evaluation.curve.excludedNonFinite).toBe(1);
    expect(Array.from(msg.evaluation.order)).toEqual([0, 1, 2]);
    const cloned = structuredClone(msg, { transfer: transfer as Transferable[] });
    expect(cloned.type === 'evaluation' && cloned.evaluation.curve.ap).toBe(msg.evaluation.curve.ap);
  });

  it("answers 'counterfactual' with listed pairs (pairA/pairB) by replaying the table's rows", () => {
    const req = { n: 3, scores: Float64Array.from([0.9, 0.8, 0.1]), labels: Uint8Array.from([0, 1, 1]), pairA: Uint32Array.from([0, 1, 0]), pairB: Uint32Array.from([1, 2, 2]), classes: new Int32Array(3), classCount: 1, flags: [{ kind: 'exclude-pair' as const, i: 1, j: 0 }] };
    scope.onmessage!({ data: { type: 'counterfactual', id: 10, request: req } });
    const { msg } = posted.pop()!;
    expect(msg.type === 'counterfactual' && [msg.result.excludedPairs, msg.result.curve.ap]).toEqual([1, 1]);
  });

  it("answers a bad request with an 'error' message naming the problem", () => {
    scope.onmessage!({ data: { type: 'evaluate', id: 8, request: { ...request, classes: Int32Array.from([0, 1]) } } });
    expect(posted.pop()!.msg).toEqual({ type: 'error', id: 8, message: '4 embeddings but 2 class labels' });
  });

  it('throws on an unknown message type', () => {
    expect(() => scope.onmessage!({ data: { type: 'nope' } as unknown as MetricsIn })).toThrow(/unknown message/);
  });

  it('evaluationTransferables() lists distinct buffers (a buffer listed twice would make postMessage throw)', () => {
    const ev = evaluateEmbeddings(request.embeddings, 4, 2, request.classes, 'neg-sq-l2');
    const bufs = evaluationTransferables(ev);
    expect(new Set(bufs).size).toBe(bufs.length);
  });
});
