import { pairCount, pairLabels, pairScores, prCurve, retrievalMetrics } from '../metrics';
import type { CliArgs } from './args';
import { binaryLabelsColumn, classIdsColumn, embeddingsMatrix, scoresColumn } from './columns';
import { parseScoreLabelCsv } from './csv';
import { CliError } from './errors';
import { parseNpy } from './npy';
import { curveSummary, writeJson, type Write } from './output';

/** Reads a whole file; the CLI's only file access (injected for tests). */
export type ReadFile = (path: string) => Uint8Array;

function sameLength(a: number, aName: string, b: number, bName: string, what: string): void {
  if (a !== b) throw new CliError(`${aName} has ${a} values but ${bName} has ${b}; they must be the same length (${what}).`);
}

/**
 * `curve`: the exact PR curve (scikit-learn semantics) of scores and 0/1
 * labels from two .npy files or one CSV, as JSON on `write`. One sort.
 */
export async function runCurve(args: Extract<CliArgs, { command: 'curve' }>, read: ReadFile, write: Write): Promise<void> {
  let scores: Float32Array | Float64Array;
  let labels: Uint8Array;
  if (args.csv !== undefined) {
    ({ scores, labels } = parseScoreLabelCsv(new TextDecoder().decode(read(args.csv)), args.csv));
  } else {
    const s = args.scores!;
    const l = args.labels!;
    scores = scoresColumn(parseNpy(read(s), s), s);
    labels = binaryLabelsColumn(parseNpy(read(l), l), l);
    sameLength(scores.length, s, labels.length, l, 'one label per score');
  }
  const curve = prCurve(scores, labels, { dropIntermediate: args.dropIntermediate });
  const arrays = args.json ? { thresholds: curve.thresholds, precision: curve.precision, recall: curve.recall } : {};
  await writeJson(write, { ...arrays, ...curveSummary(curve) });
}

/**
 * `embeddings`: every unordered pair of the n embeddings scored (−squared L2
 * or cosine), labelled same-class or not: AP and the curve metrics over all
 * pairs, plus the query-vs-rest retrieval metrics on the same scores.
 */
export async function runEmbeddings(args: Extract<CliArgs, { command: 'embeddings' }>, read: ReadFile, write: Write): Promise<void> {
  const { emb, n, dim, rounded } = embeddingsMatrix(parseNpy(read(args.embeddings), args.embeddings), args.embeddings);
  const classes = classIdsColumn(parseNpy(read(args.labels), args.labels), args.labels);
  sameLength(n, `${args.embeddings} (rows)`, classes.length, args.labels, 'one class id per embedding');
  let scores: Float32Array;
  try {
    scores = pairScores(emb, n, dim, args.metric);
  } catch (e) {
    throw new CliError(`${args.embeddings}: ${(e as Error).message}; evaluate a subset of the items.`);
  }
  const curve = prCurve(scores, pairLabels(classes));
  const r = retrievalMetrics(scores, n, classes);
  const arrays = args.json ? { thresholds: curve.thresholds, precision: curve.precision, recall: curve.recall } : {};
  await writeJson(write, {
    ...arrays,
    ...curveSummary(curve),
    items: n,
    dim,
    metric: args.metric,
    pairs: pairCount(n),
    embeddings_rounded_to_float32: rounded,
    retrieval: {
      queries: r.queries,
      lone_queries: r.loneQueries,
      precision_at_1: r.precisionAt1,
      recall_at_k: Object.fromEntries(r.recallAtK.map(({ k, value }) => [String(k), value])),
      r_precision: r.rPrecision,
      map_at_r: r.mapAtR,
      nonfinite_scores: r.nonFiniteScores,
    },
  });
}
