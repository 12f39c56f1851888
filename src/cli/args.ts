import { parseArgs } from 'node:util';
import { CliError } from './errors';

export const USAGE = `usage:
  cli curve --scores S.npy --labels L.npy [--json | --summary] [--drop-intermediate]
  cli curve --csv F.csv [--json | --summary] [--drop-intermediate]
  cli embeddings --embeddings E.npy --labels L.npy [--metric neg-sq-l2|cosine] [--json | --summary]

  S.npy: 1-D float32/float64 scores (higher = more likely positive); L.npy: 1-D
  bool/integer labels, 0/1 for curve, class ids for embeddings; F.csv: a header
  row with "score" and "label" columns. --summary (default) prints metrics
  only; --json adds the curve arrays (thresholds, precision, recall).`;

/** The parsed command line. */
export type CliArgs =
  | { command: 'curve'; scores?: string; labels?: string; csv?: string; json: boolean; dropIntermediate: boolean }
  | { command: 'embeddings'; embeddings: string; labels: string; metric: 'neg-sq-l2' | 'cosine'; json: boolean }
  | { command: 'help' };

/**
 * Parses `argv` (without the node and script paths). Throws `CliError` with
 * the usage text on unknown commands or options, missing or conflicting inputs.
 */
export function parseCliArgs(argv: string[]): CliArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        scores: { type: 'string' },
        labels: { type: 'string' },
        csv: { type: 'string' },
        embeddings: { type: 'string' },
        metric: { type: 'string' },
        json: { type: 'boolean', default: false },
        summary: { type: 'boolean', default: false },
        'drop-intermediate': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    throw new CliError(`${(e as Error).message}\n${USAGE}`);
  }
  const { values: v, positionals } = parsed;
  if (v.help || positionals.length === 0) return { command: 'help' };
  if (positionals.length > 1) throw new CliError(`unexpected argument "${positionals[1]}"\n${USAGE}`);
  if (v.json && v.summary) throw new CliError(`--json and --summary exclude each other\n${USAGE}`);
  const command = positionals[0];
  if (command === 'curve') {
    if (v.embeddings !== undefined || v.metric !== undefined) throw new CliError(`--embeddings/--metric belong to the embeddings command\n${USAGE}`);
    if (v.csv !== undefined && (v.scores !== undefined || v.labels !== undefined)) {
      throw new CliError(`give either --csv F or --scores S --labels L, not both\n${USAGE}`);
    }
    if (v.csv === undefined && (v.scores === undefined || v.labels === undefined)) {
      throw new CliError(`curve needs --scores S.npy and --labels L.npy (or --csv F.csv)\n${USAGE}`);
    }
    return { command, scores: v.scores, labels: v.labels, csv: v.csv, json: v.json, dropIntermediate: v['drop-intermediate'] };
  }
  if (command === 'embeddings') {
    if (v.embeddings === undefined || v.labels === undefined) throw new CliError(`embeddings needs --embeddings E.npy and --labels L.npy\n${USAGE}`);
    if (v.scores !== undefined || v.csv !== undefined || v['drop-intermediate']) throw new CliError(`--scores/--csv/--drop-intermediate belong to the curve command\n${USAGE}`);
    const metric = v.metric ?? 'neg-sq-l2';
    if (metric !== 'neg-sq-l2' && metric !== 'cosine') throw new CliError(`--metric must be neg-sq-l2 or cosine, got "${metric}"`);
    return { command, embeddings: v.embeddings, labels: v.labels, metric, json: v.json };
  }
  throw new CliError(`unknown command "${command}"\n${USAGE}`);
}
