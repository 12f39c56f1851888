import type { Evaluator } from '../../../src/workers/metrics.client';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { counterfactual } from '../../../src/diagnostics/counterfactual';

/** The real pure computations behind the Evaluator interface, run in-process (no worker) for store tests. */
export const inProcessEvaluator: Evaluator = {
  evaluate: async (r) => evaluateEmbeddings(r.embeddings, r.n, r.dim, r.classes, r.metric),
  counterfactual: async (r) => {
    const cf = counterfactual(r, r.classes, r.flags, r.classCount);
    return { curve: cf.curve, excludedPairs: cf.excludedPairs, changedLabels: cf.changedLabels };
  },
};
