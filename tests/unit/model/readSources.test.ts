import { describe, expect, it } from 'vitest';
import { readSources } from '../../../src/model/browserPrepare';

const blob = (...bytes: number[]) => new Blob([new Uint8Array(bytes)]);
/** A dropped file that was deleted after the drop: reading it rejects. */
class GoneFile extends Blob {
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.reject(new Error('NotReadableError'));
  }
}

describe('readSources (a batch of dropped files read as one)', () => {
  it('gives each file its own bytes, in order, from one joined read', async () => {
    let joinedReads = 0;
    const out = await readSources([blob(1, 2), blob(), blob(3), blob(4, 5, 6)], (b) => {
      joinedReads++;
      return new Blob(b).arrayBuffer();
    });
    expect(joinedReads).toBe(1);
    expect(out.map((o) => Array.from(o as Uint8Array))).toEqual([[1, 2], [], [3], [4, 5, 6]]);
  });

  it('falls back to one read per file when the joined read fails, so only the unreadable file fails', async () => {
    const out = await readSources([blob(7), new GoneFile([new Uint8Array([9])]), blob(8)], () => Promise.reject(new Error('joined read failed')));
    expect(Array.from(out[0] as Uint8Array)).toEqual([7]);
    expect(out[1]).toMatch(/could not be read \(NotReadableError\)/);
    expect(Array.from(out[2] as Uint8Array)).toEqual([8]);
  });

  it('does not trust a joined read of the wrong length (reads each file instead)', async () => {
    const out = await readSources([blob(1), blob(2, 3)], async () => new Uint8Array([1, 2]).buffer);
    expect(out.map((o) => Array.from(o as Uint8Array))).toEqual([[1], [2, 3]]);
  });
});
