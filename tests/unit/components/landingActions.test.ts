import { describe, expect, it } from 'vitest';
import { primaryAction, runHint, shouldRevealRun } from '../../../src/components/landingActions';

describe('primaryAction(state)', () => {
  it('"Run the demo" is primary until anything is dropped', () => {
    expect(primaryAction({ modelDrop: null, dataDrop: null })).toBe('demo');
  });
  it('"Draw the curve for my data" is primary once a model or data is dropped, even while it is read or when it failed', () => {
    expect(primaryAction({ modelDrop: { status: 'reading', detail: '' }, dataDrop: null })).toBe('user');
    expect(primaryAction({ modelDrop: null, dataDrop: { status: 'error', message: 'x' } })).toBe('user');
  });
});

describe('shouldRevealRun(wasReady, ready)', () => {
  it('scrolls to the run button only when the drops become ready, not when they already were or are not', () => {
    expect(shouldRevealRun(false, true)).toBe(true);
    expect(shouldRevealRun(true, true)).toBe(false);
    expect(shouldRevealRun(false, false)).toBe(false);
    expect(shouldRevealRun(true, false)).toBe(false);
  });
});

describe('runHint(readiness)', () => {
  const none = { scoresReady: false, embeddingsReady: false, outputProblem: false, modelReady: false, modelDropped: false, dataReady: false, dataDropped: false };
  it('asks for what is missing, and points at a refused drop instead of asking for it again', () => {
    expect(runHint(none)).toBe('Drop a model first (or precomputed embeddings, or a scores table).');
    expect(runHint({ ...none, modelReady: true, modelDropped: true })).toBe('Now drop the validation images.');
    expect(runHint({ ...none, modelReady: true, modelDropped: true, dataDropped: true })).toBe('The validation drop holds nothing to evaluate yet: see its message above.');
    expect(runHint({ ...none, modelDropped: true })).toBe('The model cannot run yet: see its message above.');
    expect(runHint({ ...none, modelReady: true, modelDropped: true, dataReady: true, dataDropped: true })).toMatch(/^Embeds the images in your browser/);
    expect(runHint({ ...none, scoresReady: true, dataDropped: true })).toMatch(/scores table \(no model needed\)/);
  });
  it('a model that takes any size waits for its size once model and data are ready (a scores table does not)', () => {
    const ready = { ...none, modelReady: true, modelDropped: true, dataReady: true, dataDropped: true, sizeToConfirm: true };
    expect(runHint(ready)).toMatch(/^Your model takes images of any size: set the size it was trained with/);
    expect(runHint({ ...ready, dataReady: false, dataDropped: false })).toBe('Now drop the validation images.');
    expect(runHint({ ...ready, scoresReady: true })).toMatch(/scores table/);
  });
});
