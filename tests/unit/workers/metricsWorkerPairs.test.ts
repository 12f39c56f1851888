import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { MetricsIn, MetricsOut } from '../../../src/workers/protocol';
import { copyPairs } from '../../../src/workers/protocol';
import { evaluateListedPairs } from '../../../src/metrics/listedPairs';

// The worker file only switches on the message type; run it against a fake worker scope.
const posted: { msg: MetricsOut; transfer: Transferable[] }[] = [];
const scope = { postMessage: vi.fn((msg: MetricsOut, transfer: Transferable[]) => posted.push({ msg, transfer })), onmessage: null as null | ((ev: { data: MetricsIn }) => void) };

beforeAll(async () => {
  vi.resetModules();
  vi.stubGlobal('self', scope);
  await import('../../../src/workers/metrics.worker');
});
afterAll(() => vi.unstubAllGlobals());

const pairs = { a: Uint32Array.from([0, 3, 2]), b: Uint32Array.from([1, 1, 0]), labels: Uint8Array.from([1, 0, 0]) };
const request = {
  embeddings: Float32Array.from([0, 0, 1, 0, 0, 1, 5, 5]),
  n: 4,
  dim: 2,
  classes: Int32Array.from([0, 0, 1, 1]),
  metric: 'neg-sq-l2' as const,
  pairs,
};

describe('metrics worker protocol with a pair list', () => {
  it("answers 'evaluate' with pairs with the listed evaluation (pairA/pairB included), transferring each non-empty buffer once, and it survives a real structured clone", () => {
    // A real postMessage hands the worker copies; the fake scope does not, so copy here (the transfer below detaches them).
    scope.onmessage!({ data: { type: 'evaluate', id: 3, request: copyPairs(request).request } });
    const { msg, transfer } = posted.pop()!;
    expect(msg.type).toBe('evaluation');
    if (msg.type !== 'evaluation') return;
    const direct = evaluateListedPairs(request.embeddings, 4, 2, pairs.a, pairs.b, pairs.labels, 'neg-sq-l2');
    expect(msg.evaluation.curve.ap).toBe(direct.curve.ap);
    expect(msg.evaluation.scores).toEqual(direct.scores);
    expect(transfer).toHaveLength(18); // + pairA/pairB (the empty excludedIndices is not transferred)
    expect(new Set(transfer).size).toBe(18);
    const cloned = structuredClone(msg, { transfer: transfer as Transferable[] });
    expect(cloned.type === 'evaluation' && Array.from((cloned.evaluation as unknown as { pairA: Uint32Array }).pairA)).toEqual([0, 3, 2]);
  });

  it("answers 'counterfactual' over a pair list: exclude-pair drops the listed pair", () => {
    const direct = evaluateListedPairs(request.embeddings, 4, 2, pairs.a, pairs.b, pairs.labels, 'neg-sq-l2');
    scope.onmessage!({
      data: { type: 'counterfactual', id: 4, request: { n: 4, scores: direct.scores, labels: direct.labels, classes: request.classes, classCount: 2, flags: [{ kind: 'exclude-pair', i: 1, j: 3 }], pairA: pairs.a, pairB: pairs.b } },
    });
    const { msg } = posted.pop()!;
    expect(msg.type === 'counterfactual' && msg.result.excludedPairs).toBe(1);
  });

  it('copyPairs() sends copies of the pair columns and lists their buffers for transfer; the caller keeps its own', () => {
    const { request: sent, transfer } = copyPairs(request);
    expect(sent.pairs!.a).not.toBe(pairs.a);
    expect(Array.from(sent.pairs!.a)).toEqual(Array.from(pairs.a));
    expect(transfer).toEqual([sent.pairs!.a.buffer, sent.pairs!.b.buffer, sent.pairs!.labels.buffer]);
    structuredClone(sent, { transfer });
    expect(pairs.a.length).toBe(3); // not detached
    expect(copyPairs({ n: 1 } as { n: number; pairA?: Uint32Array; pairB?: Uint32Array }).transfer).toEqual([]);
  });
});
