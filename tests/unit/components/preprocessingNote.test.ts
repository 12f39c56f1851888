import { describe, expect, it } from 'vitest';
import { normalizationFormula, preprocessingOrigin, preprocessingOriginNote, samePreprocessing } from '../../../src/components/preprocessingNote';
import { rgbaToInput, type Normalization, type Preprocessing } from '../../../src/model/preprocess';

const model: Preprocessing = { width: 28, height: 28, channels: 1, normalization: 'unit', channelOrder: 'rgb' };

describe('preprocessingOrigin(model summary, current settings)', () => {
  it("is the model's source while the settings are the model's (metadata or defaults)", () => {
    expect(preprocessingOrigin({ preprocessing: model, preprocessingSource: 'metadata' }, { ...model })).toBe('metadata');
    expect(preprocessingOrigin({ preprocessing: model, preprocessingSource: 'default' }, { ...model })).toBe('default');
  });
  it("is 'yours' once the user's settings (edited or remembered) differ from the model's", () => {
    expect(preprocessingOrigin({ preprocessing: model, preprocessingSource: 'default' }, { ...model, normalization: 'caffe', channelOrder: 'bgr' })).toBe('yours');
    expect(preprocessingOrigin({ preprocessing: model, preprocessingSource: 'metadata' }, { ...model, resize: 'crop' })).toBe('yours');
  });
  it("a remembered copy with another key order, or resize 'stretch' spelled out, is still the model's own", () => {
    const reordered = JSON.parse('{"channelOrder":"rgb","normalization":"unit","channels":1,"height":28,"width":28,"resize":"stretch"}') as Preprocessing;
    expect(samePreprocessing(model, reordered)).toBe(true);
    expect(preprocessingOrigin({ preprocessing: model, preprocessingSource: 'metadata' }, reordered)).toBe('metadata');
  });
});

describe('preprocessingOriginNote(origin)', () => {
  it("metadata: says the values were read from the model's metadata, no warning", () => {
    expect(preprocessingOriginNote('metadata')).toEqual({ text: expect.stringMatching(/^Read from the model's metadata/), warn: false });
  });
  it('defaults: a warning that the model does not state them, naming caffe (Keras ResNet50) and torch (PyTorch) to check against', () => {
    const n = preprocessingOriginNote('default');
    expect(n.warn).toBe(true);
    expect(n.text).toMatch(/^Not stated by the model: defaults/);
    expect(n.text).toMatch(/Keras ResNet50 uses caffe, PyTorch models usually torch/);
    expect(n.text).toMatch(/--metadata dipscope:dipscope\.json/);
  });
  it("the user's own settings: says they are remembered for this model, no warning", () => {
    expect(preprocessingOriginNote('yours')).toEqual({ text: 'Your settings for this model (remembered).', warn: false });
  });
});

describe('normalizationFormula(p): the arithmetic shown is the arithmetic rgbaToInput does', () => {
  // One pixel R=10, G=200, B=90: the numbers in the formula, applied by hand, give rgbaToInput's values.
  const rgba = [10, 200, 90, 255];
  const grey = 0.299 * 10 + 0.587 * 200 + 0.114 * 90;
  const numbers = (text: string) => (text.match(/\d+(\.\d+)?/g) ?? []).map(Number);
  const cases: [Normalization, 1 | 3, 'rgb' | 'bgr'][] = [];
  for (const n of ['unit', 'tf', 'raw', 'caffe', 'torch'] as const) for (const c of [1, 3] as const) for (const o of ['rgb', 'bgr'] as const) cases.push([n, c, o]);
  it.each(cases)('%s, %i channel(s), %s', (normalization, channels, channelOrder) => {
    const p: Preprocessing = { width: 1, height: 1, channels, normalization, channelOrder };
    const out = new Float32Array(channels);
    rgbaToInput(rgba, p, out, 0);
    const text = normalizationFormula(p);
    const inputs = channels === 1 ? [grey] : channelOrder === 'bgr' ? [90, 200, 10] : [10, 200, 90];
    if (channels === 3 && (normalization === 'caffe' || normalization === 'torch')) expect(text).toMatch(channelOrder === 'bgr' ? /^channels B, G, R/ : /^channels R, G, B/);
    const k = numbers(text.replace(/^channels [RGB, ]+;/, ''));
    const expected = inputs.map((x, c) => {
      switch (normalization) {
        case 'unit': return x / k[0];
        case 'tf': return x / k[0] - k[1];
        case 'raw': return x;
        case 'caffe': return x - (channels === 1 ? k[0] : k[c]);
        case 'torch': return channels === 1 ? (x / k[0] - k[1]) / k[2] : (x / k[0] - k[1 + c]) / k[4 + c];
      }
    });
    expected.forEach((e, c) => expect(out[c]).toBeCloseTo(e, 3));
  });
});
