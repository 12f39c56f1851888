import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { installAutosave, autosaveKey } from '../../../src/state/autosave';
import type { Services } from '../../../src/state/types';
import { inProcessEvaluator } from './fakeServices';

const manifest = {
  name: 'tiny',
  classes: ['a', 'b'],
  images: [
    { path: 'a/1.png', label: 0 },
    { path: 'a/2.png', label: 0 },
    { path: 'b/1.png', label: 1 },
    { path: 'b/2.png', label: 1 },
  ],
};

const services = (): Services => ({
  embedder: {
    embed: async (req) => ({
      embeddings: Float32Array.from([0, 0, 0.1, 0, 0.05, 0, 3, 3]),
      dim: 2,
      n: req.imageUrls.length,
      backend: { chosen: 'wasm', forced: false, trials: [] },
      preprocessing: { width: 28, height: 28, channels: 1, normalization: 'unit', channelOrder: 'rgb' },
      failed: [],
      contentHashes: ['1', '2', '3', '4'],
      pixelStd: Float32Array.from([9, 9, 9, 9]),
      seconds: { backend: 0, embed: 0 },
    }),
  },
  evaluator: inProcessEvaluator,
  fetchJson: async () => manifest,
  baseUrl: 'http://x/',
  now: () => 0,
});

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('installAutosave(store, storage)', () => {
  it('nothing lost on reload: flags, axis and filter come back when the same dataset is evaluated again', async () => {
    const storage = memoryStorage();
    const first = createAppStore(services());
    installAutosave(first, storage);
    await first.getState().runDemo();
    first.getState().addFlag({ kind: 'exclude-image', image: 3 });
    first.getState().setAxis('log');
    first.getState().setFilter('all');
    await settle();
    expect(storage.m.has(autosaveKey(first.getState())!)).toBe(true);

    const reloaded = createAppStore(services()); // a fresh page
    installAutosave(reloaded, storage);
    await reloaded.getState().runDemo();
    await settle();
    const s = reloaded.getState();
    expect(s.flags).toEqual([{ kind: 'exclude-image', image: 3 }]);
    expect(s).toMatchObject({ axis: 'log', filter: 'all' });
    expect(s.counterfactual?.excludedPairs).toBe(3);
    expect(s.errors).toEqual([]);
  });
});
