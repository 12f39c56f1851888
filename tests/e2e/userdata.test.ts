import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, openPage, readRun, copyModelFiles } from './harness';
import { evaluateEmbeddings } from '../../src/metrics/evaluateEmbeddings';
import { npyBytes } from '../unit/cli/npyWriter';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let tmp: string;

const CLASSES = ['bag', 'sneaker', 'trouser'];
const PER_CLASS = 5;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'dipscope-userdata-'));
  // The user's validation set: 3 class folders × 5 PNGs, copied from the demo images.
  for (const cls of CLASSES) {
    mkdirSync(join(tmp, 'val', cls), { recursive: true });
    for (const f of readdirSync(join('public/demo', cls)).filter((n) => n.endsWith('.png')).slice(0, PER_CLASS)) cpSync(join('public/demo', cls, f), join(tmp, 'val', cls, f));
  }
  // A stray file and a junk file: both listed as skipped, with their reason.
  cpSync('public/demo/README.md', join(tmp, 'val', 'notes.md'));
  cpSync('public/demo/README.md', join(tmp, 'val', '.DS_Store'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const modelFiles = (dir: string) => copyModelFiles(dir, tmp);

async function dropData(page: Page): Promise<void> {
  await page.getByTestId('drop-data').setInputFiles(join(tmp, 'val'));
  await page.getByTestId('data-counts').waitFor({ timeout: 30_000 });
}

test('a dropped model (shards first) and class folders give the exact curve over every pair: 15 images, 3 classes, 30 positive and 75 negative pairs; every request is same-origin', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));

  await page.getByTestId('drop-model').setInputFiles(modelFiles('public/models/fmnist-triplet'));
  const summary = page.getByTestId('model-summary');
  await summary.waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('model-format').textContent(), 'layers-model');
  assert.equal(await page.getByTestId('embedding-size').textContent(), '64');
  assert.match((await summary.textContent()) ?? '', /\[\?, 28, 28, 1\] float32/);

  await dropData(page);
  const counts = page.getByTestId('data-counts');
  assert.deepEqual(
    await counts.evaluate((el) => ['images', 'classes', 'positives', 'negatives', 'sampled'].map((k) => el.getAttribute(`data-${k}`))),
    ['15', '3', '30', '75', 'false'],
  );
  const skipped = (await page.getByTestId('skipped').textContent()) ?? '';
  assert.match(skipped, /notes\.md — not an image/);
  assert.match(skipped, /\.DS_Store — hidden file/);

  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  const run = await readRun(page);
  assert.equal(run.n, 15);
  assert.deepEqual([...run.labels], CLASSES.flatMap((_, c) => Array(PER_CLASS).fill(c)));
  const node = evaluateEmbeddings(run.embeddings, run.n, run.dim, run.labels, 'neg-sq-l2');
  assert.equal(node.curve.n, 105);
  assert.equal(node.labels.reduce((s, l) => s + l, 0), 30);
  const shown = Number(await page.getByTestId('ap-value').getAttribute('data-value'));
  assert.ok(Math.abs(shown - node.curve.ap) < 1e-6, `page AP ${shown} vs Node AP ${node.curve.ap}`);

  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith('blob:') && !u.startsWith('data:') && new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'no request leaves the app origin');
  assert.ok(requests.some((u) => u.startsWith('blob:')) || requests.length > 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the M1 Lambda model is refused with the layer named and an L2-normalise offer; one click loads it and the curve is drawn', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-model').setInputFiles(modelFiles('tests/fixtures/models/m1-lambda'));
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 60_000 });
  assert.match((await error.textContent()) ?? '', /"l2_norm" \(class Lambda\)/);
  assert.equal(await page.getByTestId('run-user').isDisabled(), true, 'no run from a model that does not load');

  await page.locator('[data-testid="model-offer"][data-offer="l2-normalize-in-app"]').click();
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('error').count(), 0);
  // The output keeps the layer's name, so the panel says what that name is now.
  assert.match((await page.getByTestId('model-outputs').textContent()) ?? '', /l2_norm/);
  assert.match((await page.getByTestId('model-summary').textContent()) ?? '', /"l2_norm" \(Lambda\) is now Dipscope's L2Normalize layer under the same name/);

  await dropData(page);
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  const run = await readRun(page);
  assert.equal(run.n, 15);
  // The app's L2-normalisation replaced the Lambda: every embedding has unit length.
  for (let i = 0; i < run.n; i++) {
    let sq = 0;
    for (let d = 0; d < run.dim; d++) sq += run.embeddings[i * run.dim + d] ** 2;
    assert.ok(Math.abs(Math.sqrt(sq) - 1) < 1e-4, `image ${i} has norm ${Math.sqrt(sq)}`);
  }
  assert.deepEqual(errors, []);
  await page.close();
});

test('the preprocessing panel shows the model-derived settings and a preview; an edit changes the preview, is used by the run, and is remembered for the model after a reload', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const files = modelFiles('public/models/fmnist-triplet');
  await page.getByTestId('drop-model').setInputFiles(files);
  await page.getByTestId('prep-panel').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('prep-normalization').inputValue(), 'unit');
  assert.equal(await page.getByTestId('prep-width').isDisabled(), true, 'a fixed input size is not editable');
  await dropData(page);
  const range = page.getByTestId('prep-range');
  await range.waitFor({ timeout: 30_000 });
  assert.match((await range.textContent()) ?? '', /\[0\.000, 1\.000\]/);

  await page.getByTestId('prep-normalization').selectOption('tf');
  await page.waitForFunction(() => /\[-1\.000, 1\.000\]/.test(document.querySelector('[data-testid="prep-range"]')?.textContent ?? ''), undefined, { timeout: 10_000 });
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  const used = await page.evaluate(() => (window as unknown as { dipscope: { store: { getState(): { embedding: { preprocessing: { normalization: string } } } } } }).dipscope.store.getState().embedding.preprocessing.normalization);
  assert.equal(used, 'tf');

  await page.reload();
  await page.getByTestId('drop-model').setInputFiles(files);
  await page.getByTestId('prep-panel').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('prep-normalization').inputValue(), 'tf', 'remembered by the model hash');
  assert.deepEqual(errors, []);
  await page.close();
});

type Store = { dipscope: { store: { getState(): { status: string; progress: { done: number } | null; embedding: { fromCache?: number; n: number } | null } } } };

test('the same model and images dropped again after a reload are not embedded again: all 15 embeddings come from the cache; "Clear embedding cache" empties it', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const files = modelFiles('public/models/fmnist-triplet');
  const runOnce = async () => {
    await page.getByTestId('drop-model').setInputFiles(files);
    await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
    await dropData(page);
    await page.getByTestId('run-user').click();
    await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
    return page.evaluate(() => (window as unknown as Store).dipscope.store.getState().embedding!.fromCache);
  };
  assert.equal(await runOnce(), 0);
  await page.reload();
  assert.equal(await runOnce(), 15);
  assert.match((await page.getByTestId('from-cache').textContent()) ?? '', /15 images reused a stored embedding \(same file bytes, same model and preprocessing\): not embedded again/);
  await page.reload();
  await page.getByTestId('clear-cache').click();
  await page.getByText('Embedding cache cleared').waitFor();
  assert.equal(await runOnce(), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a demo run interrupted by a reload resumes from the stored embeddings: the finished images are not embedded again', async () => {
  const { page, errors } = await openPage(browser, `${server.url}?demo&backend=cpu`);
  await page.waitForFunction(() => ((window as unknown as Store).dipscope.store.getState().progress?.done ?? 0) >= 128, undefined, { timeout: 120_000 });
  const doneBefore = await page.evaluate(() => (window as unknown as Store).dipscope.store.getState().progress!.done);
  await page.reload();
  await page.getByTestId('ap-value').waitFor({ timeout: 300_000 });
  const { fromCache, n } = await page.evaluate(() => {
    const e = (window as unknown as Store).dipscope.store.getState().embedding!;
    return { fromCache: e.fromCache ?? 0, n: e.n };
  });
  assert.equal(n, 1000);
  assert.ok(fromCache >= doneBefore, `${fromCache} from the cache, ${doneBefore} were done before the reload`);
  assert.ok(fromCache < 1000, 'the rest was embedded after the reload');
  assert.deepEqual(errors, []);
  await page.close();
});

test('precomputed embeddings (.npy [N, D] + labels.txt) need no model: the curve over every pair equals Node\'s on the same rows', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const n = 30;
  const dim = 4;
  const emb = Float32Array.from({ length: n * dim }, (_, k) => Math.sin(k * 1.7) + (Math.floor(k / dim) % 3) * 0.8);
  const labels = Int32Array.from({ length: n }, (_, i) => i % 3);
  const dir = mkdtempSync(join(tmp, 'emb-'));
  writeFileSync(join(dir, 'val_emb.npy'), npyBytes(emb, { shape: [n, dim] }));
  writeFileSync(join(dir, 'labels.txt'), Array.from(labels, (l) => `class${l}`).join('\n') + '\n');
  await page.getByTestId('drop-data-files').setInputFiles([join(dir, 'val_emb.npy'), join(dir, 'labels.txt')]);
  const counts = page.getByTestId('data-counts');
  await counts.waitFor({ timeout: 30_000 });
  assert.deepEqual(await counts.evaluate((el) => ['images', 'classes', 'positives', 'negatives'].map((k) => el.getAttribute(`data-${k}`))), ['30', '3', '135', '300']);
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 60_000 });
  const node = evaluateEmbeddings(emb, n, dim, labels, 'neg-sq-l2');
  const shown = Number(await page.getByTestId('ap-value').getAttribute('data-value'));
  assert.ok(Math.abs(shown - node.curve.ap) < 1e-9, `page AP ${shown} vs Node AP ${node.curve.ap}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('P3 in the app: all-zero embedding rows under cosine are named with the fix, their pairs counted; under −squared L2 they score', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const n = 12;
  const dim = 3;
  const emb = Float32Array.from({ length: n * dim }, (_, k) => ([4, 9].includes(Math.floor(k / dim)) ? 0 : Math.cos(k * 0.9) + (Math.floor(k / dim) % 2)));
  const dir = mkdtempSync(join(tmp, 'emb0-'));
  writeFileSync(join(dir, 'zero_rows.npy'), npyBytes(emb, { shape: [n, dim] }));
  writeFileSync(join(dir, 'labels.txt'), Array.from({ length: n }, (_, i) => `c${i % 2}`).join('\n') + '\n');
  await page.getByTestId('drop-data-files').setInputFiles([join(dir, 'zero_rows.npy'), join(dir, 'labels.txt')]);
  await page.getByTestId('data-counts').waitFor({ timeout: 30_000 });
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('warning').count(), 0, 'zero rows score under −squared L2');
  await page.locator('.run-header select').selectOption('cosine');
  await page.getByTestId('warning').first().waitFor({ timeout: 30_000 });
  const excluded = 2 * 10 + 1;
  assert.equal(
    await page.getByTestId('warning').first().textContent(),
    `${excluded} pairs left out: they use 2 images whose embedding is all zeros, so the cosine similarity is 0/0 (row 4, row 9): look at them (blank or broken?), or score with −squared L2 distance.`,
  );
  const node = evaluateEmbeddings(emb, n, dim, Int32Array.from({ length: n }, (_, i) => i % 2), 'cosine');
  assert.equal(node.curve.excludedNonFinite, excluded);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a model that takes any input size asks for it before the run; a size its layers cannot take fails on every backend with the size named, and the next run (a good size) works on a fresh backend', async () => {
  // [?, ?, ?, 3] → 3×3 conv (valid) → global average pooling → Dense(8): written as tensorflowjs_converter would.
  const tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const m = tf.sequential({ layers: [tf.layers.conv2d({ inputShape: [null, null, 3], filters: 4, kernelSize: 3, padding: 'valid', seed: 1 } as never), tf.layers.globalAveragePooling2d({}), tf.layers.dense({ units: 8 })] });
  let artifacts: { modelTopology?: unknown; weightSpecs?: unknown[]; weightData?: ArrayBuffer | ArrayBuffer[] } = {};
  await m.save(tf.io.withSaveHandler(async (a) => ((artifacts = a as typeof artifacts), { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } })));
  m.dispose();
  const dir = join(tmp, 'any-size');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'model.json'), JSON.stringify({ format: 'layers-model', modelTopology: artifacts.modelTopology, weightsManifest: [{ paths: ['group1-shard1of1.bin'], weights: artifacts.weightSpecs }] }));
  writeFileSync(join(dir, 'group1-shard1of1.bin'), new Uint8Array(artifacts.weightData as ArrayBuffer));

  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-model').setInputFiles([join(dir, 'model.json'), join(dir, 'group1-shard1of1.bin')]);
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  await dropData(page);
  const ask = page.getByTestId('prep-size-ask');
  await ask.waitFor();
  assert.match((await ask.textContent()) ?? '', /takes images of any size \(input \[\?, \?, \?, 3\]\)/);
  assert.equal(await page.getByTestId('run-user').isDisabled(), true, 'the run waits for a size');
  assert.match((await page.getByTestId('run-hint').textContent()) ?? '', /^Your model takes images of any size/);

  // 1 × 1: smaller than the 3 × 3 convolution.
  await page.getByTestId('prep-width').fill('1');
  await page.getByTestId('prep-height').fill('1');
  assert.equal(await ask.count(), 0, 'setting a size answers the question');
  await page.getByTestId('run-user').click();
  const error = page.getByTestId('error').first();
  await error.waitFor({ timeout: 120_000 });
  assert.match((await error.textContent()) ?? '', /1 × 1 × 3( images)? \(the preprocessing panel's input size\)/);

  await page.getByTestId('back-to-start').click();
  await page.getByTestId('prep-width').fill('16');
  await page.getByTestId('prep-height').fill('16');
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  const backend = (await page.getByTestId('backend').textContent())?.trim();
  assert.equal(backend, 'wasm', 'the failed run did not leave wasm broken for the next one');
  assert.deepEqual(errors.filter((e) => !/memory access out of bounds|fed 1 × 1/.test(e)), []);
  await page.close();
});
