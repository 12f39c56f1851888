import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InspectIn, InspectOut } from '../../../src/workers/inspectProtocol';
import { worthAWorker, WORKER_FILE_BYTES } from '../../../src/workers/inspect.client';
import { inspectDataDrop } from '../../../src/io/dataDrop';
import type { DroppedFile } from '../../../src/io/dropFiles';

// The worker file only switches on the message type; run it against a fake worker scope.
const posted: { msg: InspectOut; transfer: Transferable[] }[] = [];
const scope = {
  postMessage: vi.fn((msg: InspectOut, transfer: Transferable[] = []) => {
    posted.push({ msg, transfer });
  }),
  onmessage: null as null | ((ev: { data: InspectIn }) => Promise<void>),
};

beforeAll(async () => {
  vi.stubGlobal('self', scope);
  await import('../../../src/workers/inspect.worker');
});
afterAll(() => vi.unstubAllGlobals());

const file = (path: string, text: string): DroppedFile => ({ path, file: new File([text], path) });

describe('inspection worker protocol', () => {
  it("answers 'inspect-data' with what inspectDataDrop gives, the table's arrays transferred, and survives a real structured clone", async () => {
    const files = [file('run/scores.csv', 'score,label\n0.9,1\n0.2,0\n0.4,1\n')];
    await scope.onmessage!({ data: { type: 'inspect-data', id: 3, files } });
    const { msg, transfer } = posted.pop()!;
    expect(msg).toMatchObject({ type: 'data-inspected', id: 3 });
    if (msg.type !== 'data-inspected' || msg.inspection.kind !== 'scores') throw new Error(`unexpected ${JSON.stringify(msg)}`);
    expect(transfer).toHaveLength(3);
    const direct = await inspectDataDrop(files);
    const cloned = structuredClone(msg, { transfer: transfer as Transferable[] });
    expect(cloned.inspection).toEqual(direct);
  });

  it("answers a drop it cannot read with 'error' and the user's message", async () => {
    await scope.onmessage!({ data: { type: 'inspect-data', id: 4, files: [file('x/notes.md', 'hello')] } });
    expect(posted.pop()!.msg).toMatchObject({ type: 'data-inspected', id: 4, inspection: { kind: 'unsupported' } });
    await scope.onmessage!({ data: { type: 'inspect-data', id: 5, files: [file('bad.csv', 'score,label\n0.9,2\n0.1,2\n')] } });
    expect(posted.pop()!.msg).toMatchObject({ type: 'error', id: 5, message: expect.stringMatching(/^bad\.csv, line 2 \(label\)/) });
  });
});

describe('worthAWorker(files)', () => {
  it('is true for a drop of a big table or array without images, false with images or for small files', () => {
    const big = new File([new Uint8Array(WORKER_FILE_BYTES + 1)], 's.parquet');
    expect(worthAWorker([{ path: 'run/s.parquet', file: big }])).toBe(true);
    expect(worthAWorker([{ path: 'run/s.parquet', file: big }, file('run/a/1.png', 'x')])).toBe(false);
    expect(worthAWorker([file('run/s.csv', 'score,label\n1,1\n')])).toBe(false);
  });
});
