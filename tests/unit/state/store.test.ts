import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import type { Services } from '../../../src/state/types';
import type { EmbedResult } from '../../../src/model/embedPipeline';
import { inProcessEvaluator } from './fakeServices';
import { EmbedCancelled } from '../../../src/workers/embed.client';

const manifest = {
  name: 'tiny',
  classes: ['a', 'b'],
  images: [
    { path: 'a/1.png', label: 0 },
    { path: 'a/2.png', label: 0 },
    { path: 'b/1.png', label: 1 },
  ],
};

/** As the pipeline does: the failed image (index 2) gets a NaN row. */
function embedResult(n: number): EmbedResult {
  return {
    embeddings: Float32Array.from({ length: n * 2 }, (_, k) => (k >= 4 && k < 6 ? NaN : k % 3)),
    dim: 2,
    n,
    backend: { chosen: 'wasm', forced: false, trials: [{ name: 'wasm', status: 'ok', imagesPerSecond: 100 }] },
    preprocessing: { width: 28, height: 28, channels: 1, normalization: 'unit', channelOrder: 'rgb' },
    failed: [{ index: 2, url: 'http://x/demo/b/1.png', reason: 'could not decode' }],
    contentHashes: ['h0', 'h1', ''],
    pixelStd: Float32Array.from([40, 50, NaN]),
    seconds: { backend: 0.1, embed: 0.2 },
  };
}

function services(over: Partial<Services> = {}): Services {
  return {
    embedder: {
      embed: async (req, cb) => {
        cb.onStage('embed', 'wasm');
        cb.onProgress(req.imageUrls.length, req.imageUrls.length);
        return embedResult(req.imageUrls.length);
      },
    },
    evaluator: inProcessEvaluator,
    fetchJson: async () => manifest,
    baseUrl: 'http://x/',
    now: () => 0,
    ...over,
  };
}

describe('app store', () => {
  it('runDemo() goes from idle to ready with the backend, the evaluation and a named error per skipped image', async () => {
    const store = createAppStore(services());
    expect(store.getState().status).toBe('idle');
    await store.getState().runDemo();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.backend?.chosen).toBe('wasm');
    // 3 pairs; the 2 that use the failed image score NaN and are excluded and counted
    expect(s.evaluation?.curve.n).toBe(1);
    expect(s.evaluation?.curve.excludedNonFinite).toBe(2);
    expect(s.errors).toEqual(['b/1.png: skipped — could not decode. Its 2 pairs are left out of the curve (counted as excluded).']);
    expect(s.progress).toMatchObject({ done: 3, total: 3 });
  });

  it('a cancelled run says how far it got and keeps the store usable', async () => {
    const store = createAppStore(
      services({
        embedder: {
          embed: async () => {
            throw new EmbedCancelled(64, 1000);
          },
        },
      }),
    );
    await store.getState().runDemo();
    expect(store.getState()).toMatchObject({
      status: 'cancelled',
      stageDetail: 'Cancelled after 64 of 1,000 images; the 64 embedded are stored — Run again continues from there',
      progress: { done: 64, total: 1000 },
    });
  });

  it('the scoring stage names how many pairs it scores (every pair of 3 images: 3)', async () => {
    const store = createAppStore(services());
    const seen: string[] = [];
    store.subscribe((s) => {
      if (s.status === 'scoring') seen.push(s.stageDetail);
    });
    await store.getState().runDemo();
    expect(seen[0]).toBe('Scoring 3 pairs and computing the exact curve');
  });

  it('Cancel while scoring says the embeddings are stored, so Run again only scores', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const store = createAppStore(services({ evaluator: { ...inProcessEvaluator, evaluate: async (req) => (await gate, inProcessEvaluator.evaluate(req)) } }));
    const run = store.getState().runDemo();
    await new Promise<void>((r) => {
      const stop = store.subscribe((s) => s.status === 'scoring' && (stop(), r()));
    });
    store.getState().cancel();
    release();
    await run;
    expect(store.getState()).toMatchObject({ status: 'cancelled', stageDetail: 'Cancelled while scoring the pairs; the 2 images embedded are stored — Run again only scores the pairs' });
  });

  it('Cancel while the manifest loads drops the run at once', async () => {
    let release: (v: unknown) => void = () => {};
    const store = createAppStore(services({ fetchJson: () => new Promise((r) => (release = r)) }));
    const run = store.getState().runDemo();
    store.getState().cancel();
    expect(store.getState().status).toBe('cancelled');
    release(manifest);
    await run;
    expect(store.getState().status).toBe('cancelled');
    expect(store.getState().evaluation).toBeNull();
  });

  it('an error is shown, not swallowed', async () => {
    const store = createAppStore(services({ fetchJson: async () => ({}) }));
    await store.getState().runDemo();
    expect(store.getState().status).toBe('error');
    expect(store.getState().errors[0]).toMatch(/manifest\.json/);
  });

  it('the latest run wins: a slower earlier run never overwrites a newer one', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    const store = createAppStore(
      services({
        embedder: {
          embed: async (req) => {
            if (req.imageUrls.length === 2) await gate; // the first (limited) run is slow
            return embedResult(req.imageUrls.length);
          },
        },
      }),
    );
    const first = store.getState().runDemo({ limit: 2 });
    await new Promise((r) => setTimeout(r, 0)); // let the first run reach the embedder
    const second = store.getState().runDemo();
    release();
    await Promise.all([first, second]);
    expect(store.getState().dataset?.images).toHaveLength(3);
    expect(store.getState().evaluation?.n).toBe(3);
  });

  it('selecting a point and switching the filter are plain state', () => {
    const store = createAppStore(services());
    store.getState().select(4);
    store.getState().setFilter('all');
    expect(store.getState()).toMatchObject({ selectedIdx: 4, filter: 'all' });
  });
});

describe('diagnostics slice', () => {
  it('flagging an image replays the curve without it; removing the flag drops the replay', async () => {
    const store = createAppStore(services());
    await store.getState().runDemo();
    expect(store.getState().counterfactual).toBeNull();
    store.getState().addFlag({ kind: 'exclude-image', image: 0 });
    store.getState().addFlag({ kind: 'exclude-image', image: 0 }); // the same flag twice counts once
    await store.getState().replay();
    const s = store.getState();
    expect(s.flags).toHaveLength(1);
    expect(s.counterfactual?.excludedPairs).toBe(2);
    expect(s.counterfactual?.curve.n).toBe(0); // the only finite pair (0,1) used image 0
    store.getState().removeFlag(0);
    await store.getState().replay();
    expect(store.getState().counterfactual).toBeNull();
  });

  it('addFlags adds each new flag once (none already there, none twice) and replays once', async () => {
    const store = createAppStore(services());
    await store.getState().runDemo();
    store.getState().addFlag({ kind: 'exclude-pair', i: 0, j: 1 });
    let replays = 0;
    const replay = store.getState().replay;
    store.setState({ replay: async () => { replays++; await replay(); } });
    store.getState().addFlags([
      { kind: 'exclude-pair', i: 0, j: 1 },
      { kind: 'exclude-pair', i: 0, j: 2, tag: 'exact-duplicate' },
      { kind: 'exclude-pair', i: 0, j: 2, tag: 'exact-duplicate' },
      { kind: 'exclude-pair', i: 1, j: 2, tag: 'exact-duplicate' },
    ]);
    expect(store.getState().flags).toEqual([
      { kind: 'exclude-pair', i: 0, j: 1 },
      { kind: 'exclude-pair', i: 0, j: 2, tag: 'exact-duplicate' },
      { kind: 'exclude-pair', i: 1, j: 2, tag: 'exact-duplicate' },
    ]);
    expect(replays).toBe(1);
    store.getState().addFlags([{ kind: 'exclude-pair', i: 1, j: 2 }]);
    expect(replays).toBe(1);
  });

  it('a new run clears the flags', async () => {
    const store = createAppStore(services());
    await store.getState().runDemo();
    store.getState().addFlag({ kind: 'exclude-pair', i: 0, j: 1 });
    await store.getState().runDemo();
    expect(store.getState().flags).toEqual([]);
  });
});
