import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { fetchModelFiles, expectedWeightBytes } from '../../../src/model/fetchModelFiles';

const DIR = 'public/models/fmnist-triplet/';
const modelJson = JSON.parse(readFileSync(DIR + 'model.json', 'utf8'));
const shard = readFileSync(DIR + 'group1-shard1of1.bin');
const BASE = 'http://127.0.0.1/models/fmnist-triplet/';

/** A static server stand-in that, like many SPA hosts, answers unknown paths with index.html and 200. */
function serve(files: Record<string, { body: BodyInit; type: string }>) {
  vi.stubGlobal('fetch', async (url: string) => {
    const f = files[url.slice(BASE.length)];
    return f ? new Response(f.body, { headers: { 'content-type': f.type } }) : new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } });
  });
}
const json = (v: unknown) => ({ body: JSON.stringify(v), type: 'application/json' });
const bin = (b: Uint8Array) => ({ body: new Blob([new Uint8Array(b)]), type: 'application/octet-stream' });

afterEach(() => vi.unstubAllGlobals());

describe('fetchModelFiles(url)', () => {
  it('returns the topology and every weight byte the manifest promises (the demo model)', async () => {
    serve({ 'model.json': json(modelJson), 'group1-shard1of1.bin': bin(shard) });
    const a = await fetchModelFiles(BASE + 'model.json');
    expect((a.weightData as ArrayBuffer).byteLength).toBe(expectedWeightBytes(modelJson.weightsManifest));
    expect(expectedWeightBytes(modelJson.weightsManifest)).toBe(968_448);
    expect(a.weightSpecs?.length).toBe(6);
  });

  it('refuses model.json without weights: tfjs would use random weights (M5c)', async () => {
    serve({ 'model.json': json({ ...modelJson, weightsManifest: undefined }) });
    await expect(fetchModelFiles(BASE + 'model.json')).rejects.toThrow(/no weightsManifest: tfjs would run it with random weights/);
  });

  it('names a missing shard even when the server answers with an HTML page (M5b)', async () => {
    serve({ 'model.json': json(modelJson) });
    await expect(fetchModelFiles(BASE + 'model.json')).rejects.toThrow(/group1-shard1of1\.bin is missing on the server \(got an HTML page instead\)/);
  });

  it('states expected vs actual bytes for a shard one byte short (M5d)', async () => {
    serve({ 'model.json': json(modelJson), 'group1-shard1of1.bin': bin(shard.subarray(0, shard.length - 1)) });
    await expect(fetchModelFiles(BASE + 'model.json')).rejects.toThrow(/hold 968,447 bytes but weightsManifest expects 968,448/);
  });

  it('says model.json itself is missing or not JSON', async () => {
    serve({});
    await expect(fetchModelFiles(BASE + 'model.json')).rejects.toThrow(/model\.json is missing/);
    serve({ 'model.json': { body: '{"format":', type: 'application/json' } });
    await expect(fetchModelFiles(BASE + 'model.json')).rejects.toThrow(/model\.json is not valid JSON/);
  });
});
