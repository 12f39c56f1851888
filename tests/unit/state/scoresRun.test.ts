import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/state/store';
import { installAutosave } from '../../../src/state/autosave';
import type { Services } from '../../../src/state/types';
import type { InputServices } from '../../../src/state/inputTypes';
import { inspectDataDrop } from '../../../src/io/dataDrop';
import { listPairs } from '../../../src/diagnostics/listPairs';
import { inProcessEvaluator } from './fakeServices';
import { loadFixture } from '../metrics/fixtures';

const csv = readFileSync(new URL('../../fixtures/io/scores-table.csv', import.meta.url), 'utf8');
const fx = loadFixture('scores_table');

function services(): Services {
  const inputs = {
    fromList: (list: readonly File[]) => Array.from(list, (file) => ({ path: file.name, file })),
    inspectData: inspectDataDrop,
    objectUrl: () => 'blob:x',
    revokeUrl: () => undefined,
  } as unknown as InputServices;
  return {
    embedder: { embed: async () => Promise.reject(new Error('a scores table must not be embedded')) },
    evaluator: inProcessEvaluator,
    fetchJson: async () => ({}),
    baseUrl: 'http://x/',
    now: () => 0,
    inputs,
  };
}
function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}
const settle = () => new Promise((r) => setTimeout(r, 20));
const dropTable = async (store: ReturnType<typeof createAppStore>, text = csv, name = 'scores-table.csv') => {
  await store.getState().dropData([new File([text], name)]);
  const d = store.getState().dataDrop;
  if (d?.status !== 'inspected') throw new Error(`drop not inspected: ${JSON.stringify(d)}`);
};

describe('a scores table through the store (no model dropped)', () => {
  it('runUserData() draws the curve from the table alone: AP equals scikit-learn, pairs are the rows with their names, nothing is embedded', async () => {
    const store = createAppStore(services());
    await dropTable(store);
    expect(store.getState().dataDrop).toMatchObject({ status: 'inspected', inspection: { kind: 'scores', nonFinite: 2 } });
    await store.getState().runUserData();
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(Math.abs(s.evaluation!.curve.ap - fx.ap)).toBeLessThanOrEqual(1e-9);
    expect(s.evaluation!.scoresFrom).toBe('scores-table.csv');
    expect(s.embedding).toBeNull();
    expect(s.scoresTable).toMatchObject({ file: 'scores-table.csv', named: true });
    expect(s.dataset!.images.length).toBe(40); // 40 distinct names
    const top = listPairs(s.evaluation!, 3, 'all', 3).pairs;
    expect(top.map((p) => s.dataset!.images[p.i].path)).toEqual(['person_07/img_0.jpg', 'person_07/img_0.jpg', 'person_07/img_0.jpg']); // the hub
    expect(top.map((p) => s.scoresTable!.lines[p.pair])).toEqual([12, 17, 22]);
  });

  it('flags on a table (exclude a pair, flip a label, exclude a name) replay the curve; excluding the hub name removes the dip', async () => {
    const store = createAppStore(services());
    await dropTable(store);
    await store.getState().runUserData();
    const ev = store.getState().evaluation!;
    const first = listPairs(ev, ev.order.length, 'fp', 1).pairs[0];
    store.getState().addFlag({ kind: 'label-error', i: first.i, j: first.j });
    await settle();
    expect(store.getState().counterfactual!.changedLabels).toBe(1);
    store.getState().clearFlags();
    store.getState().addFlag({ kind: 'exclude-image', image: first.i });
    await settle();
    const cf = store.getState().counterfactual!;
    expect(cf.excludedPairs).toBeGreaterThanOrEqual(8);
    expect(cf.curve.ap).toBeGreaterThan(ev.curve.ap);
  });

  it('nothing lost on reload: flags, axis and selection come back when the same table is dropped and run again', async () => {
    const storage = memoryStorage();
    const first = createAppStore(services());
    installAutosave(first, storage);
    await dropTable(first);
    await first.getState().runUserData();
    first.getState().addFlag({ kind: 'exclude-image', image: 0 });
    first.getState().setAxis('rank');
    first.getState().select(10);
    await settle();

    const reloaded = createAppStore(services());
    installAutosave(reloaded, storage);
    await dropTable(reloaded);
    await reloaded.getState().runUserData();
    await settle();
    const s = reloaded.getState();
    expect(s.flags).toEqual([{ kind: 'exclude-image', image: 0 }]);
    expect(s.axis).toBe('rank');
    expect(s.selectedIdx).toBe(10);
    expect(s.counterfactual).not.toBeNull();
    // The fixture's random pairs repeat some a,b (warned about at the drop); nothing else.
    expect(s.errors.filter((e) => !/repeats? an earlier pair a,b/.test(e))).toEqual([]);
  });

  it('a bad label row is skipped and listed in the errors by file and line; a table of bad labels is refused at the drop', async () => {
    const store = createAppStore(services());
    const good = Array.from({ length: 150 }, (_, k) => `${k / 150},${k % 2}`).join('\n');
    await dropTable(store, `score,label\n${good}\n0.5,maybe\n`, 'mine.csv');
    await store.getState().runUserData();
    expect(store.getState().errors).toEqual(['mine.csv, line 152 (label): label "maybe" is not a pair label. Fix: use 1/0, true/false or same/different (row skipped)']);
    await store.getState().dropData([new File(['score,label\n0.1,yes\n0.2,2\n'], 'bad.csv')]);
    expect(store.getState().dataDrop).toEqual({ status: 'error', message: expect.stringMatching(/^bad\.csv, line 3 \(label\): label "2" is not a pair label/) });
  });
});
