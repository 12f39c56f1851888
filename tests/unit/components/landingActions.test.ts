import { describe, expect, it } from 'vitest';
import { primaryAction, shouldRevealRun } from '../../../src/components/landingActions';

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
