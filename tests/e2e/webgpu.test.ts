import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, readRun, cosine } from './harness';

const app = useApp();

test('?backend=webgpu (SwiftShader) embeds the same 40 images as WASM to cosine > 0.999', async () => {
  const runs = [];
  for (const backend of ['webgpu', 'wasm']) {
    const { page, errors } = await openPage(app.browser, `${app.url}?demo&limit=40&backend=${backend}`);
    await page.getByTestId('ap-value').waitFor({ timeout: 240_000 });
    assert.equal((await page.getByTestId('backend').textContent())?.trim(), backend);
    runs.push(await readRun(page));
    assert.deepEqual(errors, []);
    await page.close();
  }
  const [gpu, wasm] = runs;
  assert.equal(gpu.n, 40);
  assert.deepEqual(Array.from(gpu.labels), Array.from(wasm.labels));
  for (let i = 0; i < gpu.n; i++) {
    const a = gpu.embeddings.subarray(i * gpu.dim, (i + 1) * gpu.dim);
    const b = wasm.embeddings.subarray(i * wasm.dim, (i + 1) * wasm.dim);
    assert.ok(cosine(a, b) > 0.999, `image ${i}: cosine ${cosine(a, b)}`);
  }
});
