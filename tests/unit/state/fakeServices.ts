import type { Evaluator } from '../../../src/workers/metrics.client';
import { counterfactualRequest, evaluateRequest, evaluateScoresRequest } from '../../../src/workers/metricsCompute';

/** The real pure computations behind the Evaluator interface, run in-process (no worker) for store tests. */
export const inProcessEvaluator: Evaluator = {
  evaluate: async (r) => evaluateRequest(r),
  evaluateScores: async (r) => evaluateScoresRequest(r),
  counterfactual: async (r) => counterfactualRequest(r),
};
