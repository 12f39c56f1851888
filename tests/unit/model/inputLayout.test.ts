import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { inputLayout, InputShapeError } from '../../../src/model/inputLayout';
import { buildModel } from '../../../src/model/loadModel';
import { embedBatch } from '../../../src/model/embed';
import type { Preprocessing } from '../../../src/model/preprocess';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('inputLayout(shape): which model inputs are images, and how they are laid out', () => {
  it('reads NHWC, channels-first, no channel axis and flat square images', () => {
    expect(inputLayout([null, 112, 96, 3])).toEqual({ kind: 'nhwc', height: 112, width: 96, channels: 3 });
    expect(inputLayout([null, null, null, 1])).toEqual({ kind: 'nhwc', height: null, width: null, channels: 1 });
    expect(inputLayout([null, 3, 112, 96])).toEqual({ kind: 'nchw', height: 112, width: 96, channels: 3 });
    expect(inputLayout([null, 28, 28])).toEqual({ kind: 'nhw', height: 28, width: 28, channels: 1 });
    expect(inputLayout([null, 784])).toEqual({ kind: 'flat', height: 28, width: 28, channels: 1 });
    expect(inputLayout([null, 12288])).toEqual({ kind: 'flat', height: 64, width: 64, channels: 3 });
  });
  it('refuses what is not an image batch, naming the shape and the fix', () => {
    for (const shape of [[null, 28, 28, 4], [null, 1000], [null, null], [null]]) {
      expect(() => inputLayout(shape)).toThrow(InputShapeError);
      expect(() => inputLayout(shape)).toThrow(/Fix: export an embedding model whose input is an image batch/);
    }
  });
});

/** A dense embedding model of 6×6 grey images, built with one of several input layouts and the same weights. */
async function denseModel(input: 'nhwc' | 'flat' | 'nhw' | 'nchw'): Promise<tf.io.ModelArtifacts> {
  const shape = { nhwc: [6, 6, 1], flat: [36], nhw: [6, 6], nchw: [1, 6, 6] }[input];
  const x = tf.input({ shape });
  // Channels-first [1, 6, 6] → [6, 6, 1] before flattening, so every model reads the pixels in the same order.
  const seen = input === 'nchw' ? (tf.layers.permute({ dims: [2, 3, 1] }).apply(x) as tf.SymbolicTensor) : x;
  const flat = input === 'flat' ? seen : (tf.layers.flatten().apply(seen) as tf.SymbolicTensor);
  const dense = tf.layers.dense({ units: 4, kernelInitializer: 'glorotUniform', name: 'emb' });
  const model = tf.model({ inputs: x, outputs: dense.apply(flat) as tf.SymbolicTensor });
  dense.setWeights([tf.tensor2d(Float32Array.from({ length: 36 * 4 }, (_, i) => Math.sin(i)), [36, 4]), tf.tensor1d([0.1, 0.2, 0.3, 0.4])]);
  let saved: tf.io.ModelArtifacts | null = null;
  await model.save(tf.io.withSaveHandler(async (a) => ((saved = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  model.dispose();
  return saved!;
}

describe('buildModel adapts the prepared [N, H, W, C] batch to the model\'s layout', () => {
  it('flat [N, 36], [N, 6, 6] and channels-first [N, 1, 6, 6] models give the NHWC model\'s embeddings, and no tensor is left behind', async () => {
    const p: Preprocessing = { width: 6, height: 6, channels: 1, normalization: 'unit', channelOrder: 'rgb' };
    const input = Float32Array.from({ length: 3 * 36 }, (_, i) => ((i * 7) % 11) / 11);
    const run = async (layout: 'nhwc' | 'flat' | 'nhw' | 'nchw') => {
      const model = await buildModel({ artifacts: await denseModel(layout), format: 'layers-model', metadata: undefined });
      const before = tf.memory().numTensors;
      const out = await embedBatch(model, input, 3, p);
      expect(tf.memory().numTensors).toBe(before);
      model.dispose();
      return Array.from(out.values);
    };
    const nhwc = await run('nhwc');
    for (const layout of ['flat', 'nhw', 'nchw'] as const) {
      const got = await run(layout);
      got.forEach((v, k) => expect(v).toBeCloseTo(nhwc[k], 6));
    }
  });
});
