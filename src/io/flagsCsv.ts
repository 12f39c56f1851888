import { csvFormatRows } from 'd3-dsv';
import type { ClassIds } from '../metrics/pairs';
import { validateFlags, type Flag } from '../diagnostics/flags';
import { allPairsIndex, type PairIndex } from '../metrics/pairIndex';

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
  /** Which images each score belongs to (default: every pair i < j of the images, row-major). */
  pairs?: PairIndex;
}

/**
 * The flag list as CSV text (RFC 4180 quoting by d3-dsv; "\n" line ends),
 * with the header FLAG_CSV_COLUMNS and one row per flag, in list order:
 *  - pair flags (exclude-pair, label-error): both paths (lower image index
 *    first) and classes, the pair's score;
 *  - image flags (exclude-image, relabel-image): path_a and class_a only,
 *    path_b, class_b and score empty;
 *  - score: the shortest decimal that reads back as the same float32; empty
 *    when the score is not finite (or the pair is not in a pair list);
 *  - tag: the tag id that led to the flag, or empty;
 *  - action: the flag kind, and for relabel-image "relabel-image:<class name>";
 *  - a path or class name that starts with =, +, -, @, a tab or a carriage
 *    return gets a leading ' so a spreadsheet shows it as text instead of
 *    running it as a formula (OWASP "CSV injection"): names are the user's
 *    files', not ours.
 * Contract: the context describes the evaluated images; throws an Error naming
 * the first invalid flag (flags[k].field) before writing anything.
 */
export function flagsToCsv(flags: readonly Flag[], ctx: FlagCsvContext): string {
  const n = ctx.paths.length;
  if (ctx.classes.length !== n) throw new Error(`flagsToCsv: ${ctx.classes.length} classes for ${n} paths`);
  const index = ctx.pairs ?? allPairsIndex(n);
  if (index.n !== n || ctx.scores.length !== index.count) throw new Error(`flagsToCsv: ${ctx.scores.length} scores for ${n} images (${index.count} pairs)`);
  validateFlags(flags, n, ctx.classNames.length);
  const className = (image: number) => asText(ctx.classNames[ctx.classes[image]] ?? String(ctx.classes[image]));
  const path = (image: number) => asText(ctx.paths[image]);
  const rows: string[][] = [[...FLAG_CSV_COLUMNS]];
  for (const f of flags) {
    const tag = f.tag ?? '';
    switch (f.kind) {
      case 'exclude-pair':
      case 'label-error': {
        const a = Math.min(f.i, f.j);
        const b = Math.max(f.i, f.j);
        const k = index.find(a, b)[0]; // a repeated listed pair has one score (same two embeddings)
        const score = k === undefined ? NaN : ctx.scores[k];
        // Given scores (a scores table, float64) are written as given; computed ones as their float32.
        const written = ctx.scores instanceof Float64Array ? (Number.isFinite(score) ? String(score) : '') : formatFloat32(score);
        rows.push([path(a), path(b), className(a), className(b), written, tag, f.kind]);
        break;
      }
      case 'exclude-image':
        rows.push([path(f.image), '', className(f.image), '', '', tag, f.kind]);
        break;
      case 'relabel-image':
        rows.push([path(f.image), '', className(f.image), '', '', tag, `relabel-image:${ctx.classNames[f.toClass]}`]);
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

/** A user-given name as spreadsheet text: a leading formula character is escaped with ' (see flagsToCsv). */
export function asText(name: string): string {
  return /^[=+\-@\t\r]/.test(name) ? `'${name}` : name;
}
