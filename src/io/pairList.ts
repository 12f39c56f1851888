import type { IssueLog } from './inputIssue';
import { normalizePath, shortPath } from './pathRules';
import { countOf } from '../base/countOf';

/**
 * Pairs of images named by path, in typed columns: pair k is
 * (paths[a[k]], paths[b[k]]) with label[k] (1 = same class, 0 = different)
 * from line line[k] of the source file.
 */
export interface PairList {
  /** Distinct image paths (normalised, '/'-separated), in first-seen order. */
  paths: string[];
  a: Uint32Array;
  b: Uint32Array;
  label: Uint8Array;
  /** 1-based source line (or row) of each pair. */
  line: Uint32Array;
  positives: number;
  negatives: number;
}

/**
 * Collects pairs row by row. Refuses (as an issue on that line) a pair of an
 * image with itself, since its distance 0 would be a perfect match by
 * construction; warns once about repeated pairs, which count twice in a curve.
 */
export class PairListBuilder {
  private readonly index = new Map<string, number>();
  private readonly paths: string[] = [];
  private readonly a: number[] = [];
  private readonly b: number[] = [];
  private readonly label: number[] = [];
  private readonly line: number[] = [];
  private readonly seen = new Map<string, number>();
  private readonly repeats: number[] = [];

  constructor(private readonly log: IssueLog) {}

  /** Adds one pair; returns false (and logs why) when it was refused. */
  add(pathA: string, pathB: string, label: 0 | 1, line: number): boolean {
    const na = normalizePath(pathA);
    const nb = normalizePath(pathB);
    if (na === nb) {
      const spelled = pathA === pathB ? `"${shortPath(pathA)}" twice` : `"${shortPath(pathA)}" and "${shortPath(pathB)}", the same path`;
      this.log.error(line, `pairs an image with itself (${spelled}); the pair is left out`, 'remove the line; a pair needs two different images');
      return false;
    }
    const ia = this.id(na);
    const ib = this.id(nb);
    const key = ia < ib ? `${ia},${ib}` : `${ib},${ia}`;
    if (this.seen.has(key)) this.repeats.push(line);
    else this.seen.set(key, line);
    this.a.push(ia);
    this.b.push(ib);
    this.label.push(label);
    this.line.push(line);
    return true;
  }

  build(): PairList {
    if (this.repeats.length > 0) {
      const first = this.repeats.slice(0, 5).join(', ');
      this.log.warning(
        this.repeats[0],
        `${countOf(this.repeats.length, 'pair repeats', 'pairs repeat')} an earlier pair (line${this.repeats.length === 1 ? '' : 's'} ${first}${this.repeats.length > 5 ? ', …' : ''}); each copy counts in the curve`,
        'remove the repeated lines if they are not intended',
      );
    }
    const label = Uint8Array.from(this.label);
    const positives = label.reduce((n, v) => n + v, 0);
    return {
      paths: this.paths,
      a: Uint32Array.from(this.a),
      b: Uint32Array.from(this.b),
      label,
      line: Uint32Array.from(this.line),
      positives,
      negatives: label.length - positives,
    };
  }

  private id(path: string): number {
    let i = this.index.get(path);
    if (i === undefined) {
      i = this.paths.length;
      this.paths.push(path);
      this.index.set(path, i);
    }
    return i;
  }
}

/**
 * The pairs whose two images are both usable, e.g. after some failed to
 * decode (case I4) or matched no dropped file. `usable[i]` is nonzero when
 * image `paths[i]` is usable. `paths` is kept as is (indices stay valid);
 * `dropped` counts the removed pairs.
 */
export function keepPairsOfUsableImages(pairs: PairList, usable: ArrayLike<number>): { pairs: PairList; dropped: number } {
  const keep: number[] = [];
  for (let k = 0; k < pairs.a.length; k++) if (usable[pairs.a[k]] && usable[pairs.b[k]]) keep.push(k);
  const pick = <T extends Uint32Array | Uint8Array>(src: T, out: T): T => {
    keep.forEach((k, i) => (out[i] = src[k]));
    return out;
  };
  const label = pick(pairs.label, new Uint8Array(keep.length));
  const positives = label.reduce((n, v) => n + v, 0);
  return {
    pairs: {
      paths: pairs.paths,
      a: pick(pairs.a, new Uint32Array(keep.length)),
      b: pick(pairs.b, new Uint32Array(keep.length)),
      label,
      line: pick(pairs.line, new Uint32Array(keep.length)),
      positives,
      negatives: keep.length - positives,
    },
    dropped: pairs.a.length - keep.length,
  };
}
