import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import type { NamedBytes } from '../../../src/io/bytes';
import { assembleModelFiles } from '../../../src/model/modelFiles';

/** The files of tests/fixtures/models/<dir> (written by scripts/make-model-fixtures.ts), named `<prefix><file>`. */
export function modelFiles(dir: string, prefix = ''): NamedBytes[] {
  const path = fileURLToPath(new URL(`../../fixtures/models/${dir}/`, import.meta.url));
  return readdirSync(path)
    .sort()
    .map((name) => ({ name: prefix + name, bytes: new Uint8Array(readFileSync(path + name)) }));
}

export async function fixtureArtifacts(dir: string): Promise<tf.io.ModelArtifacts> {
  return (await assembleModelFiles(modelFiles(dir))).artifacts;
}

/** A deterministic batch of `n` 8×8×1 images. */
export function images(n: number): tf.Tensor4D {
  return tf.tensor4d(Float32Array.from({ length: n * 64 }, (_, i) => ((i * 37) % 101) / 101), [n, 8, 8, 1]);
}

/** Runs a layers model on `x` and returns plain numbers (tensors disposed). */
export async function predictLayers(artifacts: tf.io.ModelArtifacts, x: tf.Tensor4D): Promise<number[][]> {
  const model = await tf.loadLayersModel(tf.io.fromMemory(artifacts));
  const y = model.predict(x) as tf.Tensor;
  const out = (await y.array()) as number[][];
  y.dispose();
  model.dispose();
  return out;
}

/** Weights of a fixture by name, as Float32Arrays (independent of tfjs' loader). */
export function weightsByName(artifacts: tf.io.ModelArtifacts): Map<string, Float32Array> {
  const all = new Uint8Array(tf.io.CompositeArrayBuffer.join(artifacts.weightData!));
  const out = new Map<string, Float32Array>();
  let offset = 0;
  for (const s of artifacts.weightSpecs!) {
    const n = s.shape.reduce((a, b) => a * b, 1);
    out.set(s.name, new Float32Array(all.slice(offset, offset + 4 * n).buffer));
    offset += 4 * n;
  }
  return out;
}

/** y = x·W + b (W row-major [in, out]), optionally ReLU — the fixtures' Dense layers, by hand. */
export function dense(x: number[], kernel: Float32Array, bias: Float32Array, relu = false): number[] {
  const out = Array.from(bias);
  for (let i = 0; i < x.length; i++) for (let j = 0; j < out.length; j++) out[j] += x[i] * kernel[i * out.length + j];
  return relu ? out.map((v) => Math.max(0, v)) : out;
}

export function l2normalize(v: number[]): number[] {
  const norm = Math.max(Math.hypot(...v), 1e-12);
  return v.map((x) => x / norm);
}

export function expectClose(a: number[][], b: number[][], tol = 1e-5): void {
  if (a.length !== b.length) throw new Error(`rows ${a.length} ≠ ${b.length}`);
  a.forEach((row, i) => {
    if (row.length !== b[i].length) throw new Error(`row ${i}: length ${row.length} ≠ ${b[i].length}`);
    row.forEach((v, j) => {
      if (!(Math.abs(v - b[i][j]) <= tol)) throw new Error(`[${i}][${j}]: ${v} vs ${b[i][j]}`);
    });
  });
}
