import { evaluateEmbeddings, type Evaluation } from '../../../src/metrics/evaluateEmbeddings';

import { mulberry32 } from '../../../src/io/seededRandom';

/** Seeded uniform [0, 1) generator (mulberry32), so every synthetic world is reproducible. */
export const rng = mulberry32;

/** A set of images: rows of L2-normalised embeddings and their classes. */
export interface World {
  rows: number[][];
  classes: number[];
  dim: number;
}

/**
 * `classCount` classes of `perClass` images each: class c sits around the
 * unit vector e_c (orthogonal classes), each image = normalise(e_c + noise·u)
 * with u uniform in [−1, 1]^dim. Clean: no duplicates, hubs, ties or blanks.
 */
export function cleanWorld(classCount: number, perClass: number, dim: number, noise: number, seed = 1): World {
  const rand = rng(seed);
  const rows: number[][] = [];
  const classes: number[] = [];
  for (let c = 0; c < classCount; c++) {
    for (let k = 0; k < perClass; k++) {
      const v = Array.from({ length: dim }, (_, d) => (d === c ? 1 : 0) + noise * (2 * rand() - 1));
      rows.push(normalise(v));
      classes.push(c);
    }
  }
  return { rows, classes, dim };
}

export function normalise(v: number[]): number[] {
  const norm = Math.hypot(...v);
  return v.map((x) => x / norm);
}

/** Appends an image; returns its index. */
export function addImage(w: World, row: number[], cls: number): number {
  w.rows.push(row);
  w.classes.push(cls);
  return w.rows.length - 1;
}

export function embeddingsOf(w: World): Float32Array {
  return Float32Array.from(w.rows.flat());
}

export function classesOf(w: World): Int32Array {
  return Int32Array.from(w.classes);
}

export function evaluateWorld(w: World, metric: 'neg-sq-l2' | 'cosine' = 'neg-sq-l2'): Evaluation {
  return evaluateEmbeddings(embeddingsOf(w), w.rows.length, w.dim, classesOf(w), metric);
}
