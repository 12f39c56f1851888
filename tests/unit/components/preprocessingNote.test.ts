import { describe, expect, it } from 'vitest';
import { preprocessingOrigin, preprocessingOriginNote, samePreprocessing } from '../../../src/components/preprocessingNote';
import type { Preprocessing } from '../../../src/model/preprocess';

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
  });
  it("the user's own settings: says they are remembered for this model, no warning", () => {
    expect(preprocessingOriginNote('yours')).toEqual({ text: 'Your settings for this model (remembered).', warn: false });
  });
});
