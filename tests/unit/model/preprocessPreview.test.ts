import { describe, expect, it } from 'vitest';
import { previewOfInput } from '../../../src/model/preprocessPreview';
import { rgbaToInput, type Preprocessing } from '../../../src/model/preprocess';
import { fitRect } from '../../../src/io/decodeImage';

describe('previewOfInput', () => {
  it('previewOfInput shows caffe-preprocessed pixels stretched per channel, with the ranges the model receives (BGR order kept)', () => {
    const p: Preprocessing = { width: 2, height: 1, channels: 3, normalization: 'caffe', channelOrder: 'bgr' };
    const rgba = [255, 0, 0, 255, 0, 0, 255, 255]; // a red and a blue pixel
    const input = new Float32Array(6);
    rgbaToInput(rgba, p, input, 0);
    const v = previewOfInput(input, p);
    expect(v.min[0]).toBeCloseTo(-103.939); // B channel of the red pixel: 0 − mean
    expect(v.max[0]).toBeCloseTo(255 - 103.939);
    expect(v.min[2]).toBeCloseTo(-123.68);
    // Channel 0 (blue) is drawn as red: the blue pixel looks red, the red one blue.
    expect([...v.rgba]).toEqual([0, 128, 255, 255, 255, 128, 0, 255]);
  });

  it('previewOfInput draws a 1-channel input as grey and a flat channel as mid-grey', () => {
    const p: Preprocessing = { width: 2, height: 1, channels: 1, normalization: 'unit', channelOrder: 'rgb' };
    expect([...previewOfInput(Float32Array.from([0, 1]), p).rgba]).toEqual([0, 0, 0, 255, 255, 255, 255, 255]);
    expect([...previewOfInput(Float32Array.from([0.5, 0.5]), p).rgba.subarray(0, 3)]).toEqual([128, 128, 128]);
  });
});

describe('fitRect', () => {
  it("fitRect 'crop' keeps the centre square of a 200×100 image for a 50×50 input (torchvision CenterCrop)", () => {
    expect(fitRect(200, 100, 50, 50, 'crop')).toEqual({ sx: 50, sy: 0, sw: 100, sh: 100, dx: 0, dy: 0, dw: 50, dh: 50 });
  });
  it("fitRect 'letterbox' fits a 200×100 image into 50×50 with bars above and below", () => {
    expect(fitRect(200, 100, 50, 50, 'letterbox')).toEqual({ sx: 0, sy: 0, sw: 200, sh: 100, dx: 0, dy: 12.5, dw: 50, dh: 25 });
  });
});
