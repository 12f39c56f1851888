import { counterfactual } from '../diagnostics/counterfactual';
import { evaluateEmbeddings, type Evaluation } from '../metrics/evaluateEmbeddings';
import { evaluateListedPairs } from '../metrics/listedPairs';
import { evaluateScores } from '../metrics/evaluateScores';
import { listedCounterfactual } from '../diagnostics/listedCounterfactual';
import type { CounterfactualRequest, CounterfactualResult, EvaluateRequest, ScoresRequest } from './protocol';

/**
 * The pure computations behind the metrics worker's messages, shared by the
 * worker, the client's main-thread fallback and in-process test evaluators,
 * so all three answer a request the same way.
 */
export function evaluateRequest(r: EvaluateRequest): Evaluation {
  if (r.pairs) {
    if (r.classes.length !== r.n) throw new Error(`${r.n} embeddings but ${r.classes.length} class labels`);
    return evaluateListedPairs(r.embeddings, r.n, r.dim, r.pairs.a, r.pairs.b, r.pairs.labels, r.metric);
  }
  return evaluateEmbeddings(r.embeddings, r.n, r.dim, r.classes, r.metric);
}

/** The exact curve and ranking of a scores table's given scores. */
export function evaluateScoresRequest(r: ScoresRequest): Evaluation {
  return evaluateScores(r.scores, r.labels);
}

/** The counterfactual curve of a request; only what travels back. */
export function counterfactualRequest(r: CounterfactualRequest): CounterfactualResult {
  const cf = r.scoresTable && r.pairA && r.pairB ? listedCounterfactual({ ...r, pairA: r.pairA, pairB: r.pairB }, r.flags) : counterfactual(r, r.classes, r.flags, r.classCount);
  return { curve: cf.curve, excludedPairs: cf.excludedPairs, changedLabels: cf.changedLabels };
}
