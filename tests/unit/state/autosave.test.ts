import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { installAutosave, autosaveKey, LAST_SESSION_KEY, lastSessionNote, readLastSession } from '../../../src/state/autosave';
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

const services = (hashes = ['1', '2', '3', '4'], baseUrl = 'http://x/'): Services => ({
  embedder: {
    embed: async (req) => ({
      embeddings: Float32Array.from([0, 0, 0.1, 0, 0.05, 0, 3, 3]),
      dim: 2,
      n: req.imageUrls.length,
      backend: { chosen: 'wasm', forced: false, trials: [] },
      preprocessing: { width: 28, height: 28, channels: 1, normalization: 'unit', channelOrder: 'rgb' },
      failed: [],
      contentHashes: hashes,
      pixelStd: Float32Array.from([9, 9, 9, 9]),
      seconds: { backend: 0, embed: 0 },
    }),
  },
  evaluator: inProcessEvaluator,
  fetchJson: async () => manifest,
  baseUrl,
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

  it('a folder with the same name, class names, file names and count but other pictures does not get the flags (the key holds the files\' content hashes)', async () => {
    const storage = memoryStorage();
    const first = createAppStore(services());
    installAutosave(first, storage);
    await first.getState().runDemo();
    first.getState().addFlag({ kind: 'exclude-image', image: 3 });
    await settle();

    const other = createAppStore(services(['1', '2', '3', 'another picture']));
    installAutosave(other, storage);
    await other.getState().runDemo();
    await settle();
    expect(autosaveKey(other.getState())).not.toBe(autosaveKey(first.getState()));
    expect(other.getState().flags).toEqual([]);
  });

  it('another model on the same files opens clean: its key holds the model, and a restore says what it restored', async () => {
    const storage = memoryStorage();
    const first = createAppStore(services());
    installAutosave(first, storage);
    await first.getState().runDemo();
    first.getState().addFlag({ kind: 'exclude-image', image: 3 });
    first.getState().setAxis('log');
    await settle();

    const otherModel = createAppStore(services(undefined, 'http://other-model/'));
    installAutosave(otherModel, storage);
    await otherModel.getState().runDemo();
    await settle();
    expect(otherModel.getState()).toMatchObject({ flags: [], axis: 'linear', notes: [] });

    const same = createAppStore(services());
    installAutosave(same, storage);
    await same.getState().runDemo();
    await settle();
    expect(same.getState().notes).toEqual([expect.stringMatching(/^Restored from your last visit to this data with this model \(\d{4}-\d\d-\d\d\): 1 flag and the view/)]);
  });
});

describe('the last session on your own data (LAST_SESSION_KEY), for the start page after a reload', () => {
  it('a demo run is not recorded', async () => {
    const storage = memoryStorage();
    const store = createAppStore(services());
    installAutosave(store, storage);
    await store.getState().runDemo();
    store.getState().addFlag({ kind: 'exclude-image', image: 3 });
    await settle();
    expect(readLastSession(storage)).toBeNull();
  });

  it('a run on your own model and data is recorded with its data name, model name and flag count, kept up to date as flags change', async () => {
    const storage = memoryStorage();
    const store = createAppStore(services());
    installAutosave(store, storage);
    await store.getState().runDemo();
    store.setState({ model: { name: 'resnet50-triplet', url: '' } }); // a dropped model has no URL
    store.getState().addFlag({ kind: 'exclude-image', image: 3 });
    await settle();
    expect(readLastSession(storage)).toEqual({ data: 'tiny', model: 'resnet50-triplet', flags: 1 });
    store.getState().addFlag({ kind: 'exclude-image', image: 2 });
    await settle();
    expect(readLastSession(storage)?.flags).toBe(2);
  });

  it('readLastSession is null for nothing stored or something unreadable', () => {
    const storage = memoryStorage();
    expect(readLastSession(storage)).toBeNull();
    storage.setItem(LAST_SESSION_KEY, '{not json');
    expect(readLastSession(storage)).toBeNull();
    storage.setItem(LAST_SESSION_KEY, JSON.stringify({ data: 'x' }));
    expect(readLastSession(storage)).toBeNull();
  });

  it('lastSessionNote names data, model and flags and says how to restore; a model-less run names what was dropped', () => {
    expect(lastSessionNote({ data: 'val', model: 'resnet50-triplet', flags: 3 })).toBe(
      'Your last session: val with resnet50-triplet (3 flags) — drop the same model and data to restore the flags and view',
    );
    expect(lastSessionNote({ data: 'val', model: 'm', flags: 1 })).toMatch(/\(1 flag\)/);
    expect(lastSessionNote({ data: 'scores.csv', model: 'none (scores table)', flags: 0 })).toBe(
      'Your last session: scores.csv (scores table, 0 flags) — drop the same data to restore the flags and view',
    );
  });
});
