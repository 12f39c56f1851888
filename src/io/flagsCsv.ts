import { csvFormatRows } from 'd3-dsv';
import type { ClassIds } from '../metrics/pairs';
import { validateFlags, type Flag } from '../diagnostics/flags';

/** Header of the flagged-pairs CSV, in order. */
export const FLAG_CSV_COLUMNS = ['path_a', 'path_b', 'class_a', 'class_b', 'score', 'tag', 'action'] as const;

/** What the CSV needs to name images, classes and scores. */
export interface FlagCsvContext {
  /** Path of each image, as the user knows it (index = image). */
  paths: readonly string[];
  /** Original class id of each image. */
  classes: ClassIds;
  /** Name of each class id. */
  classNames: readonly string[];
  /** Score of every pair, by pair index (Evaluation.scores). */
  scores: Float32Array | Float64Array;
  /** Listed pairs (a scores table): the score of the pair (i, j) as given (float64, written exactly); replaces the all-pairs lookup in `scores`. */
  scoreOf?: (i: number, j: number) => number;
}

/**
 * The flag list as CSV text (RFC 4180 quoting by d3-dsv; "\n" line ends),
 * with the header FLAG_CSV_COLUMNS and one row per flag, in list order:
 *  - pair flags (exclude-pair, label-error): both paths (lower image index
 *    first) and classes, the pair's score;
 *  - image flags (exclude-image, relabel-image): path_a and class_a only,
 *    path_b, class_b and score empty;
 *  - score: the shortest decimal that reads back as the same float32; empty
 *    when the score is not finite;
 *  - tag: the tag id that led to the flag, or empty;
 *  - action: the flag kind, and for relabel-image "relabel-image:<class name>".
 * Contract: the context describes the evaluated images; throws an Error naming
 * the first invalid flag (flags[k].field) before writing anything.
 */
export function flagsToCsv(flags: readonly Flag[], ctx: FlagCsvContext): string {
  const n = ctx.paths.length;
  if (ctx.classes.length !== n) throw new Error(`flagsToCsv: ${ctx.classes.length} classes for ${n} paths`);
  const pairs = (n * (n - 1)) / 2;
  if (!ctx.scoreOf && ctx.scores.length !== pairs) throw new Error(`flagsToCsv: ${ctx.scores.length} scores for ${n} images (${pairs} pairs)`);
  validateFlags(flags, n, ctx.classNames.length);
  const className = (image: number) => ctx.classNames[ctx.classes[image]] ?? String(ctx.classes[image]);
  const rows: string[][] = [[...FLAG_CSV_COLUMNS]];
  for (const f of flags) {
    const tag = f.tag ?? '';
    switch (f.kind) {
      case 'exclude-pair':
      case 'label-error': {
        const a = Math.min(f.i, f.j);
        const b = Math.max(f.i, f.j);
        if (ctx.scoreOf) {
          const given = ctx.scoreOf(a, b);
          rows.push([ctx.paths[a], ctx.paths[b], className(a), className(b), Number.isFinite(given) ? String(given) : '', tag, f.kind]);
          break;
        }
        const score = ctx.scores[(a * (2 * n - a - 1)) / 2 + (b - a - 1)];
        rows.push([ctx.paths[a], ctx.paths[b], className(a), className(b), formatFloat32(score), tag, f.kind]);
        break;
      }
      case 'exclude-image':
        rows.push([ctx.paths[f.image], '', className(f.image), '', '', tag, f.kind]);
        break;
      case 'relabel-image':
        rows.push([ctx.paths[f.image], '', className(f.image), '', '', tag, `relabel-image:${ctx.classNames[f.toClass]}`]);
        break;
    }
  }
  return csvFormatRows(rows);
}

/** Shortest decimal that parses back to the same float32 (−0 as 0); '' for NaN/±Infinity. */
export function formatFloat32(v: number): string {
  if (!Number.isFinite(v)) return '';
  if (v === 0) return '0';
  const f = Math.fround(v);
  for (let p = 1; p < 9; p++) {
    const s = Number(f.toPrecision(p));
    if (Math.fround(s) === f) return String(s);
  }
  return String(Number(f.toPrecision(9)));
}
