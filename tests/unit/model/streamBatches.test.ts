import { describe, expect, it } from 'vitest';
import { streamBatches } from '../../../src/model/streamBatches';

/** A prepare whose batches finish in a scrambled order, recording how many are outstanding. */
function world(delays: number[]) {
  let outstanding = 0;
  let maxOutstanding = 0;
  const prepared: number[] = [];
  const consumed: number[] = [];
  const prepare = (b: number) => {
    prepared.push(b);
    outstanding++;
    maxOutstanding = Math.max(maxOutstanding, outstanding);
    return new Promise<string>((resolve) => setTimeout(() => resolve(`batch ${b}`), delays[b % delays.length]));
  };
  const consume = async (b: number, value: string) => {
    expect(value).toBe(`batch ${b}`);
    consumed.push(b);
    await new Promise((r) => setTimeout(r, 1));
    outstanding--; // the batch's memory is free once it is consumed
  };
  return { prepare, consume, prepared, consumed, max: () => maxOutstanding };
}

describe('streamBatches({count, lookahead, prepare, consume})', () => {
  it('consumes every batch once, in order, even when preparation finishes out of order', async () => {
    const w = world([9, 1, 5, 0, 3]);
    const r = await streamBatches({ count: 12, lookahead: 3, prepare: w.prepare, consume: w.consume });
    expect(r.consumed).toBe(12);
    expect(w.consumed).toEqual([...Array(12).keys()]);
    expect(w.prepared).toEqual([...Array(12).keys()]);
  });

  it('holds at most lookahead + 1 batches (the one consumed and `lookahead` prepared ahead): bounded memory, and it does prepare ahead', async () => {
    for (const lookahead of [1, 2, 4]) {
      const w = world([2, 0, 4]);
      await streamBatches({ count: 20, lookahead, prepare: w.prepare, consume: w.consume });
      expect(w.max()).toBe(lookahead + 1);
    }
  });

  it('prepares the next batch while the current one is consumed (overlap)', async () => {
    const events: string[] = [];
    await streamBatches({
      count: 3,
      lookahead: 2,
      prepare: async (b) => {
        events.push(`prepare ${b}`);
        return b;
      },
      consume: async (b) => {
        events.push(`consume ${b}`);
      },
    });
    expect(events.indexOf('prepare 1')).toBeLessThan(events.indexOf('consume 0'));
    expect(events.indexOf('prepare 2')).toBeLessThan(events.indexOf('consume 1'));
  });

  it('stops before the next consume when stop() turns true and reports how many were consumed', async () => {
    const w = world([0]);
    const r = await streamBatches({ count: 10, lookahead: 3, prepare: w.prepare, consume: w.consume, stop: () => w.consumed.length === 4 });
    expect(r.consumed).toBe(4);
    expect(w.consumed).toEqual([0, 1, 2, 3]);
    expect(Math.max(...w.prepared)).toBeLessThanOrEqual(4 + 3);
  });

  it('rejects with the error of a failed preparation, without an unhandled rejection from batches prepared ahead', async () => {
    const failing = (b: number) => (b >= 2 ? Promise.reject(new Error(`batch ${b} broke`)) : Promise.resolve(b));
    await expect(streamBatches({ count: 6, lookahead: 4, prepare: failing, consume: async () => {} })).rejects.toThrow('batch 2 broke');
  });

  it('does nothing for zero batches', async () => {
    const w = world([0]);
    expect((await streamBatches({ count: 0, lookahead: 2, prepare: w.prepare, consume: w.consume })).consumed).toBe(0);
    expect(w.prepared).toEqual([]);
  });
});
