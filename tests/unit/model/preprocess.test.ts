import { describe, expect, it } from 'vitest';
import { preprocessingFromModel, readPreprocessing, rgbaToInput, inputSize } from '../../../src/model/preprocess';

describe('preprocessingFromModel(inputShape, metadata)', () => {
  it('reads size and channels from an NHWC input shape', () => {
    expect(preprocessingFromModel([null, 28, 28, 1])).toMatchObject({ width: 28, height: 28, channels: 1, normalization: 'unit' });
    expect(preprocessingFromModel([null, 112, 96, 3])).toMatchObject({ width: 96, height: 112, channels: 3 });
  });
  it('takes normalisation from Dipscope metadata; caffe implies BGR', () => {
    const p = preprocessingFromModel([null, 224, 224, 3], { dipscope: { preprocessing: { normalization: 'caffe' } } });
    expect(p).toMatchObject({ normalization: 'caffe', channelOrder: 'bgr' });
  });
  it('falls back to metadata size for dynamic dimensions', () => {
    expect(preprocessingFromModel([null, null, null, 3], { dipscope: { preprocessing: { size: [64, 48] } } })).toMatchObject({ height: 64, width: 48 });
  });
  it('reads the image size from the other layouts it adapts, and refuses inputs that are not images with the fix', () => {
    expect(preprocessingFromModel([null, 784])).toMatchObject({ width: 28, height: 28, channels: 1 });
    expect(preprocessingFromModel([null, 3 * 32 * 32])).toMatchObject({ width: 32, height: 32, channels: 3 });
    expect(preprocessingFromModel([null, 28, 28])).toMatchObject({ width: 28, height: 28, channels: 1 });
    expect(preprocessingFromModel([null, 3, 32, 24])).toMatchObject({ width: 24, height: 32, channels: 3 });
    expect(() => preprocessingFromModel([null, 1000])).toThrow(/\[\?, 1000\] is a vector of 1000 values, not the pixels of a square grey .* Fix: /);
    expect(() => preprocessingFromModel([null, 28, 28, 4])).toThrow(/\[\?, 28, 28, 4\] has 4 channels .* Fix: /);
  });
  it('an integer input (uint8/int32 pixels) defaults to raw 0–255 values', () => {
    expect(preprocessingFromModel([null, 28, 28, 1], undefined, 'int32').normalization).toBe('raw');
    expect(preprocessingFromModel([null, 28, 28, 1], undefined, 'float32').normalization).toBe('unit');
  });
});

describe('readPreprocessing(inputShape, metadata).source', () => {
  it("is 'metadata' when the model's Dipscope metadata states the normalisation", () => {
    expect(readPreprocessing([null, 28, 28, 1], { dipscope: { preprocessing: { normalization: 'tf' } } })).toEqual({
      preprocessing: preprocessingFromModel([null, 28, 28, 1], { dipscope: { preprocessing: { normalization: 'tf' } } }),
      source: 'metadata',
      sizeStated: true,
      metadataProblems: [],
    });
  });
  it("is 'default' without metadata, with other metadata, with an unknown normalisation, or with only a size (the [0, 1] normalisation is then a guess)", () => {
    expect(readPreprocessing([null, 28, 28, 1]).source).toBe('default');
    expect(readPreprocessing([null, 28, 28, 1], { author: 'x' }).source).toBe('default');
    expect(readPreprocessing([null, 28, 28, 1], { dipscope: { preprocessing: { normalization: 'imagenet' } } }).source).toBe('default');
    expect(readPreprocessing([null, null, null, 3], { dipscope: { preprocessing: { size: [64, 48] } } })).toMatchObject({ source: 'default', preprocessing: { normalization: 'unit' } });
  });
});

describe('readPreprocessing(inputShape, metadata).sizeStated', () => {
  it('is true when the input shape fixes height and width, or the metadata states a size; false for a model that takes any size (224 × 224 is then a guess)', () => {
    expect(readPreprocessing([null, 28, 28, 1]).sizeStated).toBe(true);
    expect(readPreprocessing([null, null, null, 3], { dipscope: { preprocessing: { size: [64, 48] } } })).toMatchObject({ sizeStated: true, preprocessing: { height: 64, width: 48 } });
    expect(readPreprocessing([null, null, null, 3])).toMatchObject({ sizeStated: false, preprocessing: { height: 224, width: 224 } });
    expect(readPreprocessing([null, 3, null, null]).sizeStated).toBe(false); // channels-first, size open
  });
});

describe('readPreprocessing(inputShape, metadata).metadataProblems', () => {
  it('an unusable metadata field is named with its value and what is allowed, and not used (a size that is not whole pixels leaves the size to ask)', () => {
    const r = readPreprocessing([null, null, null, 3], { dipscope: { preprocessing: { size: [0, -3], normalization: 'imagenet', channels: 2, channelOrder: 'BGR' } } });
    expect(r.metadataProblems).toEqual([
      'dipscope.preprocessing.size is [0,-3], not [height, width] in whole pixels from 1 to 4096: not used',
      'dipscope.preprocessing.channels is 2, not 1 or 3: not used',
      'dipscope.preprocessing.normalization is "imagenet", not one of unit, tf, caffe, torch, raw: not used',
      'dipscope.preprocessing.channelOrder is "BGR", not rgb or bgr: not used',
    ]);
    expect(r).toMatchObject({ sizeStated: false, source: 'default', preprocessing: { width: 224, height: 224, normalization: 'unit', channelOrder: 'rgb' } });
    expect(readPreprocessing([null, null, null, 3], { dipscope: { preprocessing: { size: '224' } } })).toMatchObject({ sizeStated: false, metadataProblems: [expect.stringMatching(/^dipscope\.preprocessing\.size is "224"/)] });
  });
});

describe('rgbaToInput(rgba, preprocessing, out, offset)', () => {
  const px = Uint8Array.from([255, 0, 0, 0, 0, 0, 255, 255]); // red (fully transparent), blue
  it('gives [H, W, 1] luma for one channel, ignoring alpha', () => {
    const p = preprocessingFromModel([null, 1, 2, 1]);
    const out = new Float32Array(inputSize(p));
    rgbaToInput(px, p, out, 0);
    expect(out[0]).toBeCloseTo(0.299, 6);
    expect(out[1]).toBeCloseTo(0.114, 6);
  });
  it('gives [H, W, 3] and a transparent pixel keeps its colour', () => {
    const p = preprocessingFromModel([null, 1, 2, 3]);
    const out = new Float32Array(inputSize(p) + 2);
    rgbaToInput(px, p, out, 2);
    expect(Array.from(out)).toEqual([0, 0, 1, 0, 0, 0, 0, 1]);
  });
  it('caffe: BGR order minus the ImageNet mean, no scaling', () => {
    const p = { ...preprocessingFromModel([null, 1, 2, 3]), normalization: 'caffe' as const, channelOrder: 'bgr' as const };
    const out = new Float32Array(6);
    rgbaToInput(px, p, out, 0);
    expect(Array.from(out).map((v) => +v.toFixed(3))).toEqual([-103.939, -116.779, 131.32, 151.061, -116.779, -123.68]);
  });
  it('tf mode maps 0..255 to −1..1', () => {
    const p = { ...preprocessingFromModel([null, 1, 2, 3]), normalization: 'tf' as const };
    const out = new Float32Array(6);
    rgbaToInput(px, p, out, 0);
    expect(Array.from(out)).toEqual([1, -1, -1, -1, -1, 1]);
  });
  it('rejects a buffer of the wrong size', () => {
    const p = preprocessingFromModel([null, 2, 2, 1]);
    expect(() => rgbaToInput(px, p, new Float32Array(4), 0)).toThrow(/expected 16 RGBA bytes/);
  });
});
