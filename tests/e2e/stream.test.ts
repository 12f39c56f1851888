import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { useApp, openPage, readRun, cosine, copyModelFiles } from './harness';
import { loadLayersModel, useWasmBackend } from '../../scripts/lib/tfjs-node';
import { fmnistVariants } from '../../scripts/lib/manyImages';
import { registerL2Normalize } from '../../src/model/l2NormalizeLayer';

const app = useApp();
const COPIES = 10;

test('10,000 dropped PNGs are embedded as a stream in real Chromium: progress counts up batch by batch, the page answers while it runs, every row is finite and sampled rows equal Node\'s embeddings', async () => {
  const { dir, pixels } = fmnistVariants(COPIES);
  const { page, errors } = await openPage(app.browser, app.url);
  await page.getByTestId('drop-model').setInputFiles(copyModelFiles('public/models/fmnist-triplet', dir));
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  await page.getByTestId('drop-data').setInputFiles(join(dir, 'val'));
  const counts = page.getByTestId('data-counts');
  await counts.waitFor({ timeout: 120_000 });
  assert.equal(await counts.getAttribute('data-images'), '10000');
  await page.getByTestId('run-user').click();

  // While embedding runs in the workers, the main thread keeps answering and the count rises.
  const seen = new Set<number>();
  for (let k = 0; k < 600 && seen.size < 3; k++) {
    const done = await page.evaluate('window.dipscope.store.getState().progress?.done ?? -1');
    if (typeof done === 'number' && done > 0 && done < 10_000) seen.add(done);
    if (await page.getByTestId('ap-value').isVisible()) break;
    await page.waitForTimeout(200);
  }
  assert.ok(seen.size >= 2, `progress was seen rising batch by batch while the page stayed responsive (seen: ${[...seen].join(', ')})`);
  await page.getByTestId('ap-value').waitFor({ timeout: 300_000 });

  const run = await readRun(page);
  assert.equal(run.n, 10_000);
  assert.ok(run.embeddings.every(Number.isFinite), 'every image embedded (no NaN row)');
  const paths = (await page.evaluate('window.dipscope.store.getState().dataset.images.map((im) => im.path)')) as string[];

  // Node's embeddings of 24 spread-out images (same model, input = luminance / 255).
  registerL2Normalize();
  await useWasmBackend();
  const net = await loadLayersModel('public/models/fmnist-triplet');
  const picks = Array.from({ length: 24 }, (_, k) => Math.floor((k * 10_000) / 24) + (k % COPIES));
  const input = new Float32Array(picks.length * 784);
  picks.forEach((i, k) => {
    const px = pixels.get(paths[i].replace(/^val\//, ''));
    assert.ok(px, `${paths[i]} is one of the written files`);
    const ch = px.length / 784;
    for (let j = 0; j < 784; j++) input[k * 784 + j] = (ch === 1 ? px[j] : 0.299 * px[j * ch] + 0.587 * px[j * ch + 1] + 0.114 * px[j * ch + 2]) / 255;
  });
  const out = tf.tidy(() => net.predict(tf.tensor4d(input, [picks.length, 28, 28, 1])) as tf.Tensor).dataSync() as Float32Array;
  picks.forEach((i, k) => {
    const c = cosine(run.embeddings.subarray(i * run.dim, (i + 1) * run.dim), out.subarray(k * run.dim, (k + 1) * run.dim));
    assert.ok(c > 0.9999, `${paths[i]}: page and Node embeddings agree (cos ${c})`);
  });
  assert.deepEqual(errors, []);
  await page.close();
});
