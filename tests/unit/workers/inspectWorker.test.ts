import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { InspectIn, InspectOut } from '../../../src/workers/inspectProtocol';
import { worthAWorker, WORKER_FILE_BYTES } from '../../../src/workers/inspect.client';
import { inspectDataDrop } from '../../../src/io/dataDrop';
import { expandZips, type DroppedFile } from '../../../src/io/dropFiles';
import { zipSync } from 'fflate';

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

describe('inspection worker: expand-zips', () => {
  it("answers 'expand-zips' with the drop's zips replaced by their entries (bytes intact), as expandZips does here", async () => {
    const zip = zipSync({ 'm/model.json': new TextEncoder().encode('{"a":1}'), 'm/group1-shard1of1.bin': new Uint8Array([1, 2, 3]), '__MACOSX/m/._x': new Uint8Array(1) });
    const files = [{ path: 'm.zip', file: new File([zip], 'm.zip') }, file('notes.txt', 'hi')];
    await scope.onmessage!({ data: { type: 'expand-zips', id: 6, files } });
    const { msg } = posted.pop()!;
    if (msg.type !== 'zips-expanded') throw new Error(`unexpected ${JSON.stringify(msg)}`);
    const direct = await expandZips(files);
    expect(msg.expanded.files.map((f) => f.path)).toEqual(direct.files.map((f) => f.path));
    expect(msg.expanded.files.map((f) => f.path).sort()).toEqual(['m/group1-shard1of1.bin', 'm/model.json', 'notes.txt']);
    expect([...new Uint8Array(await msg.expanded.files.find((f) => f.path.endsWith('.bin'))!.file.arrayBuffer())]).toEqual([1, 2, 3]);
    expect(msg.expanded.skipped).toEqual(direct.skipped);
  });
  it('a broken zip is an error naming it', async () => {
    await scope.onmessage!({ data: { type: 'expand-zips', id: 7, files: [{ path: 'broken.zip', file: new File([new Uint8Array([80, 75, 3, 4, 9, 9])], 'broken.zip') }] } });
    expect(posted.pop()!.msg).toMatchObject({ type: 'error', id: 7, message: expect.stringMatching(/^broken\.zip: is not a readable zip archive/) });
  });
});

describe('worthAWorker(files)', () => {
  it('is true for any drop with a zip (unpacking holds the thread), with or without images', () => {
    expect(worthAWorker([file('val.zip', 'PK')])).toBe(true);
    expect(worthAWorker([file('val.zip', 'PK'), file('run/a/1.png', 'x')])).toBe(true);
  });
  it('is true for a drop of a big table or array without images, false with images or for small files', () => {
    const big = new File([new Uint8Array(WORKER_FILE_BYTES + 1)], 's.parquet');
    expect(worthAWorker([{ path: 'run/s.parquet', file: big }])).toBe(true);
    expect(worthAWorker([{ path: 'run/s.parquet', file: big }, file('run/a/1.png', 'x')])).toBe(false);
    expect(worthAWorker([file('run/s.csv', 'score,label\n1,1\n')])).toBe(false);
  });
});
