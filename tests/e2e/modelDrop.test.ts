import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, openPage, readRun } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let tmp: string;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'dipscope-modeldrop-'));
  for (const cls of ['coat', 'sandal']) {
    mkdirSync(join(tmp, 'val', cls), { recursive: true });
    for (const f of readdirSync(join('public/demo', cls)).filter((n) => n.endsWith('.png')).slice(0, 4)) cpSync(join('public/demo', cls, f), join(tmp, 'val', cls, f));
  }
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const fixture = (name: string) => readdirSync(`tests/fixtures/models/${name}`).map((f) => `tests/fixtures/models/${name}/${f}`);

async function runOnData(page: Page): Promise<number> {
  await page.getByTestId('drop-data').setInputFiles(join(tmp, 'val'));
  await page.getByTestId('data-counts').waitFor({ timeout: 30_000 });
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  return (await readRun(page)).n;
}

test('M2: the triplet training model is recognised (three inputs, shared tower); "use the tower" loads it and draws the curve', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-model').setInputFiles(fixture('m2-triplet'));
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 60_000 });
  assert.match((await error.textContent()) ?? '', /training model: 3 inputs \(anchor, positive, negative\)/);
  await page.locator('[data-testid="model-offer"][data-offer="extract-tower"]').click();
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  assert.equal(await runOnData(page), 8);
  assert.deepEqual(errors, []);
  await page.close();
});

test('M4: a graph model is detected from the file and shown as graph-model; it runs on the dropped images', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-model').setInputFiles(fixture('m4-graph'));
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('model-format').textContent(), 'graph-model');
  assert.equal(await runOnData(page), 8);
  assert.deepEqual(errors, []);
  await page.close();
});

test('M5b: a missing shard is named in the error and nothing can run; a zip of the whole folder loads', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-model').setInputFiles(fixture('m5-sharded').filter((f) => !f.endsWith('shard2of2.bin')));
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 60_000 });
  assert.match((await error.textContent()) ?? '', /group1-shard2of2\.bin.*not dropped/);
  assert.equal(await page.getByTestId('run-user').isDisabled(), true);

  const zip = join(tmp, 'model.zip');
  writeFileSync(zip, zipSync(Object.fromEntries(fixture('m5-sharded').map((f) => [`exported/${f.split('/').pop()}`, new Uint8Array(readFileSync(f))]))));
  await page.getByTestId('drop-model').setInputFiles(zip);
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  assert.match((await page.getByTestId('model-summary').textContent()) ?? '', /exported/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('files dropped on the model zone (drag and drop) are read like picked ones; after a run, the start page keeps the model and data for another run', async () => {
  const { page, errors } = await openPage(browser, server.url);
  const files = fixture('m5-sharded').map((f) => ({ name: f.split('/').pop()!, bytes: [...readFileSync(f)] }));
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const zone = document.querySelector('[data-testid="drop-model"]')!.closest('.dropzone')!;
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  assert.equal(await runOnData(page), 8);

  await page.getByTestId('back-to-start').click();
  await page.getByTestId('model-summary').waitFor();
  await page.getByTestId('data-counts').waitFor();
  await page.getByTestId('prep-normalization').selectOption('tf');
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  const used = await page.evaluate(() => (window as unknown as { dipscope: { store: { getState(): { embedding: { preprocessing: { normalization: string } } } } } }).dipscope.store.getState().embedding.preprocessing.normalization);
  assert.equal(used, 'tf');
  assert.deepEqual(errors, []);
  await page.close();
});
