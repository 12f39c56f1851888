import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { chooseBackend } from '../../../src/model/chooseBackend';
import { buildModel, detectFormat } from '../../../src/model/loadModel';
import { embedBatch } from '../../../src/model/embed';
import { preprocessingFromModel, rgbaToInput } from '../../../src/model/preprocess';
import type { ReferenceEmbeddings } from '../../../src/model/referenceCheck';
import type { LoadedArtifacts } from '../../../src/model/loadModel';
import { tinyModelArtifacts, PIXELS } from './tinyModel';

const noGpu = {
  webgpu: async () => ({ available: false, software: false, description: 'requestAdapter() returned null: no WebGPU adapter' }),
  webgl: () => ({ available: false, software: false, description: 'no WebGL2 context' }),
};

let loaded: LoadedArtifacts;
let reference: ReferenceEmbeddings;

beforeAll(async () => {
  await tf.setBackend('cpu');
  loaded = await tinyModelArtifacts();
  const model = await buildModel(loaded);
  const p = preprocessingFromModel(model.inputShape);
  const rgba = new Uint8Array(64);
  PIXELS.forEach((v, i) => rgba.set([v, v, v, 255], 4 * i));
  const input = new Float32Array(16);
  rgbaToInput(rgba, p, input, 0);
  const { values } = await embedBatch(model, input, 1, p);
  reference = { inputs: [{ path: 'x.png', pixels: PIXELS }], embeddings: [Array.from(values)] };
  model.dispose();
});

describe('chooseBackend(options)', () => {
  it('falls back past unavailable GPU adapters (B1) and reports why each was skipped', async () => {
    const chosen = await chooseBackend({ loaded, reference, probes: noGpu, probeBatch: 4 });
    expect(chosen.report.chosen).toBe('cpu');
    const byName = Object.fromEntries(chosen.report.trials.map((t) => [t.name, t]));
    expect(byName.webgpu).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/returned null/) });
    expect(byName.cpu).toMatchObject({ status: 'ok' });
    expect(byName.cpu.referenceError).toBeLessThan(1e-6);
    chosen.model.dispose();
  });

  it('never auto-picks a software WebGPU adapter (B4), but a forced one is tried', async () => {
    const swift = { ...noGpu, webgpu: async () => ({ available: true, software: true, description: 'google swiftshader' }) };
    const chosen = await chooseBackend({ loaded, reference, probes: swift, probeBatch: 4 });
    expect(chosen.report.trials.find((t) => t.name === 'webgpu')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/software adapter.*\?backend=webgpu/) });
    chosen.model.dispose();
  });

  it('marks a backend whose output disagrees with the stored reference embedding as untrusted (B2)', async () => {
    const wrong = { ...reference, embeddings: [reference.embeddings[0].map((v) => v + 0.01)] };
    await expect(chooseBackend({ loaded, reference: wrong, probes: noGpu, probeBatch: 4 })).rejects.toThrow(/cpu: failed \(reference embedding mismatch/);
  });

  it('a reference.json that does not fit the model is named with the fix, not skipped', async () => {
    const short = { inputs: [{ path: 'x.png', pixels: [1, 2, 3] }], embeddings: [[1, 0, 0]] };
    await expect(chooseBackend({ loaded, reference: short, forced: 'cpu', probes: noGpu, probeBatch: 4 })).rejects.toThrow(
      /cpu: failed \(reference\.json input #0 has 3 pixels; the model takes 4×4 = 16: regenerate/,
    );
    const unequal = { ...reference, embeddings: [] };
    await expect(chooseBackend({ loaded, reference: unequal, probes: noGpu, probeBatch: 4 })).rejects.toThrow(/1 inputs but 0 embeddings/);
  });

  it('without a reference the report says which checks ran', async () => {
    const chosen = await chooseBackend({ loaded, reference: null, probes: noGpu, probeBatch: 4 });
    expect(chosen.report.note).toMatch(/^no stored reference embeddings for this model .*: the arithmetic self-test and the warm-up batch checked the backend$/);
    chosen.model.dispose();
  });

  it('leaves no tensor behind after a trial and an embedding run', async () => {
    const before = tf.memory().numTensors;
    const chosen = await chooseBackend({ loaded, reference, forced: 'cpu', probes: noGpu, probeBatch: 4 });
    await embedBatch(chosen.model, new Float32Array(32).fill(0.5), 2, chosen.preprocessing);
    chosen.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('detectFormat(artifacts)', () => {
  it('reads the format before any loader runs', () => {
    expect(detectFormat({ format: 'graph-model' })).toBe('graph-model');
    expect(detectFormat({ modelTopology: { class_name: 'Sequential' } })).toBe('layers-model');
    expect(detectFormat({ modelTopology: { node: [] } })).toBe('graph-model');
    expect(() => detectFormat({ modelTopology: {} })).toThrow(/neither a layers-model nor a graph-model/);
  });
});

describe('chooseBackend with a missing kernel (B3)', () => {
  it('the warm-up batch catches an op the backend lacks, names it, and the backend is not used', async () => {
    // The tiny model's Dense layer runs as _FusedMatMul on the cpu backend; take that kernel away for this test.
    const kernel = tf.getKernel('_FusedMatMul', 'cpu');
    expect(kernel).toBeDefined();
    tf.unregisterKernel('_FusedMatMul', 'cpu');
    try {
      await expect(chooseBackend({ loaded, reference, forced: 'cpu', probes: noGpu, probeBatch: 4 })).rejects.toThrow(/cpu: failed \(.*_FusedMatMul.*not registered/);
    } finally {
      tf.registerKernel(kernel!);
    }
    const again = await chooseBackend({ loaded, reference, forced: 'cpu', probes: noGpu, probeBatch: 4 });
    expect(again.report.chosen).toBe('cpu');
    again.model.dispose();
  });
});

describe('chooseBackend with a broken model', () => {
  it('all-zero weights: the failure is named as the model\'s (same on the reference cpu backend), with what to check', async () => {
    const zero = { ...loaded, artifacts: { ...loaded.artifacts, weightData: new ArrayBuffer((loaded.artifacts.weightData as ArrayBuffer).byteLength) } };
    await expect(chooseBackend({ loaded: zero, reference: null, forced: 'cpu', probes: noGpu, probeBatch: 4 })).rejects.toThrow(
      /^the model itself fails on the cpu backend, tfjs' reference implementation: warm-up produced (all-zero|NaN or infinite) embeddings\. This is the model, not a backend — /,
    );
  });
});

describe('chooseBackend with the run\'s preprocessing', () => {
  it('a model that takes any size, fed 1 × 1 images: the warm-up fails before the run and the error names the size and the fix', async () => {
    const m = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [null, null, 3], filters: 4, kernelSize: 3, padding: 'valid' }), tf.layers.globalAveragePooling2d({}), tf.layers.dense({ units: 4 })] });
    let artifacts: tf.io.ModelArtifacts | undefined;
    await m.save(tf.io.withSaveHandler(async (a) => ((artifacts = a), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
    m.dispose();
    const dynamic: LoadedArtifacts = { artifacts: { ...artifacts!, format: 'layers-model' }, format: 'layers-model', metadata: undefined };
    const tiny = { width: 1, height: 1, channels: 3 as const, normalization: 'unit' as const, channelOrder: 'rgb' as const };
    await expect(chooseBackend({ loaded: dynamic, reference: null, forced: 'cpu', probes: noGpu, probeBatch: 2, preprocessing: tiny })).rejects.toThrow(
      /(^no backend could run this model on 1 × 1 × 3 images \(the preprocessing panel's input size\): if that is not the size and channels the model was trained with, set them.*Backends tried — cpu: failed|the model itself fails on the cpu backend.*it was fed 1 × 1 × 3 images \(the preprocessing panel's input size\): if that is not the size and channels the model was trained with, set them)/,
    );
    const fine = await chooseBackend({ loaded: dynamic, reference: null, forced: 'cpu', probes: noGpu, probeBatch: 2, preprocessing: { ...tiny, width: 16, height: 16 } });
    expect(fine.report.chosen).toBe('cpu');
    fine.model.dispose();
  });
});
