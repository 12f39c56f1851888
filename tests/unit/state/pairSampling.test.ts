import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import type { Services } from '../../../src/state/types';
import { StoreContext } from '../../../src/state/context';
import { checkNegativeRatio, checkSeed } from '../../../src/state/pairSamplingInput';
import { SamplingControls } from '../../../src/components/SamplingControls';

const store = () => createAppStore({} as Services);

describe('sampling inputs (negatives per positive, seed)', () => {
  it('checkNegativeRatio(text) accepts 0.1 to 1000 and refuses empty, text, 0, −1, 1e-9 and 1e9 with a message saying what is accepted', () => {
    expect(['0.1', '1', ' 2.5 ', '10', '1000', '1e2'].map((t) => checkNegativeRatio(t))).toEqual([0.1, 1, 2.5, 10, 1000, 100].map((value) => ({ ok: true, value })));
    for (const t of ['', 'abc', '0', '-1', '1e-9', '0.0001', '1e9', '999999999999999999999', 'Infinity']) {
      const r = checkNegativeRatio(t);
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/from 0\.1 to 1000/);
    }
  });

  it('checkSeed(text) accepts whole numbers from 0 to 2^32−1 and refuses empty, text, negative, fractional and too large seeds', () => {
    expect(['0', '1', '4294967295'].map((t) => checkSeed(t))).toEqual([0, 1, 4294967295].map((value) => ({ ok: true, value })));
    for (const t of ['', 'xyz', '-5', '1.5', '1e20', '4294967296']) expect(checkSeed(t).ok, t).toBe(false);
  });

  it('setPairSampling keeps the last valid setting when given a ratio outside 0.1–1000 or a bad seed', () => {
    const s = store();
    s.getState().setPairSampling({ negativeRatio: 3, seed: 4 });
    for (const bad of [{ negativeRatio: 1e-9 }, { negativeRatio: 0 }, { negativeRatio: -1 }, { negativeRatio: NaN }, { negativeRatio: 1e9 }, { seed: -5 }, { seed: 1.5 }, { seed: 1e20 }]) {
      s.getState().setPairSampling(bad);
    }
    expect(s.getState().pairSampling).toMatchObject({ negativeRatio: 3, seed: 4 });
  });

  it('the sampling controls stay shown whenever the set is over the pair limit, and say when the ratio keeps every pair', () => {
    const s = store();
    // 2,100 images in 100 classes of 21: 2,203,950 pairs (over 2,000,000), 21,000 positive.
    const counts = { images: 2100, positives: 100 * 210, negatives: (2100 * 2099) / 2 - 100 * 210 };
    // Server rendering reads zustand's initial state; point it at the current one.
    const current = { ...s, getInitialState: s.getState };
    const html = () => renderToStaticMarkup(createElement(StoreContext.Provider, { value: current }, createElement(SamplingControls, { counts })));
    expect(html()).toMatch(/data-sampled="true"/);
    s.getState().setPairSampling({ negativeRatio: 1000 }); // 1000 × 21,000 > every negative: the sample holds every pair
    const all = html();
    expect(all).toMatch(/data-testid="pair-sampling"/);
    expect(all).toMatch(/data-sampled="false"/);
    expect(all).toContain('this ratio keeps every pair: all 2,203,950 pairs are scored');
    expect(all).toMatch(/data-testid="negative-ratio"[^>]*value="1000"/);
    expect(renderToStaticMarkup(createElement(StoreContext.Provider, { value: s }, createElement(SamplingControls, { counts: { images: 2000, positives: 1, negatives: 1 } })))).toBe('');
  });
});
