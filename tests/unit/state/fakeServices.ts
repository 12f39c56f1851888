import type { Evaluator } from '../../../src/workers/metrics.client';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { counterfactual } from '../../../src/diagnostics/counterfactual';
import { listedCounterfactual } from '../../../src/diagnostics/listedCounterfactual';
import { evaluateScores } from '../../../src/metrics/evaluateScores';

/** The real pure computations behind the Evaluator interface, run in-process (no worker) for store tests. */
export const inProcessEvaluator: Evaluator = {
  evaluate: async (r) => evaluateEmbeddings(r.embeddings, r.n, r.dim, r.classes, r.metric),
  evaluateScores: async (r) => evaluateScores(r.scores, r.labels),
  counterfactual: async (r) => {
    const cf = r.pairA && r.pairB ? listedCounterfactual({ ...r, pairA: r.pairA, pairB: r.pairB }, r.flags) : counterfactual(r, r.classes, r.flags, r.classCount);
    return { curve: cf.curve, excludedPairs: cf.excludedPairs, changedLabels: cf.changedLabels };
  },
};
