import { afterEach, describe, expect, it, vi } from 'vitest';
import { fetchJson } from '../../../src/io/fetchJson';

afterEach(() => vi.unstubAllGlobals());
const stub = (body: string, type: string, status = 200) => vi.stubGlobal('fetch', async () => new Response(body, { status, headers: { 'content-type': type } }));

describe('fetchJson(url)', () => {
  it('parses JSON', async () => {
    stub('{"a":1}', 'application/json');
    await expect(fetchJson('http://x/demo/manifest.json')).resolves.toEqual({ a: 1 });
  });
  it('calls an HTML fallback page or a 404 "missing", naming the file and the fix', async () => {
    stub('<!doctype html>', 'text/html');
    await expect(fetchJson('http://x/demo/manifest.json')).rejects.toThrow('demo/manifest.json is missing on the server (got an HTML page instead): rebuild it with `npm run demo:data`');
    stub('', 'text/plain', 404);
    await expect(fetchJson('http://x/demo/manifest.json')).rejects.toThrow(/HTTP 404/);
  });
  it('names a corrupt file', async () => {
    stub('{"images": [', 'application/json');
    await expect(fetchJson('http://x/demo/manifest.json')).rejects.toThrow(/demo\/manifest\.json is not valid JSON .*npm run demo:data/);
  });
});
