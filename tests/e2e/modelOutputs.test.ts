import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, openPage, readRun } from './harness';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let tmp: string;

const M6 = 'tests/fixtures/models/m6-graph-two-outputs';

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'dipscope-outputs-'));
  for (const cls of ['coat', 'sandal']) {
    mkdirSync(join(tmp, 'val', cls), { recursive: true });
    for (const f of readdirSync(join('public/demo', cls)).filter((n) => n.endsWith('.png')).slice(0, 4)) cpSync(join('public/demo', cls, f), join(tmp, 'val', cls, f));
  }
  // The m6 model with a third output that is a 4-D feature map (the input itself, [N, 8, 8, 1]), in a folder named after it.
  const dir = join(tmp, 'm6-with-feature-map');
  mkdirSync(dir);
  const json = JSON.parse(readFileSync(join(M6, 'model.json'), 'utf8'));
  json.modelTopology.node.push({ name: 'Identity_2', op: 'Identity', input: ['input_1'], attr: { T: { type: 'DT_FLOAT' } } });
  json.signature.outputs.feature_map = { name: 'Identity_2:0', dtype: 'DT_FLOAT', tensorShape: { dim: [-1, 8, 8, 1].map((size) => ({ size: String(size) })) } };
  writeFileSync(join(dir, 'model.json'), JSON.stringify(json));
  cpSync(join(M6, 'group1-shard1of1.bin'), join(dir, 'group1-shard1of1.bin'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const optionValues = (page: Page) => page.getByTestId('model-output').locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));

async function run(page: Page): Promise<Awaited<ReturnType<typeof readRun>>> {
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  return readRun(page);
}

test('a two-output graph model: the picker lists both outputs and defaults to "embedding" (explained); the curve is drawn from 16-D embeddings; picking "logits" re-embeds at 10-D, is named in the run and remembered for this model', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-model').setInputFiles(readdirSync(M6).map((f) => join(M6, f)));
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('model-format').textContent(), 'graph-model');
  assert.match((await page.getByTestId('model-name').textContent()) ?? '', /^model\.json \+ 1 shard, \d+(\.\d)? kB$/);
  const outputs = (await page.getByTestId('model-outputs').textContent()) ?? '';
  assert.match(outputs, /embedding \(Identity:0\) \[\?, 16\] float32/);
  assert.match(outputs, /logits \(Identity_1:0\) \[\?, 10\] float32/);
  assert.deepEqual(await optionValues(page), ['embedding', 'logits']);
  assert.equal(await page.getByTestId('model-output').inputValue(), 'embedding');
  assert.match((await page.getByTestId('model-output-reason').textContent()) ?? '', /Default embedding: the \[batch, D\] output named like an embedding/);
  assert.equal(await page.getByTestId('embedding-size').textContent(), '16');

  await page.getByTestId('drop-data').setInputFiles(join(tmp, 'val'));
  await page.getByTestId('data-counts').waitFor({ timeout: 30_000 });
  const first = await run(page);
  assert.equal(first.n, 8);
  assert.equal(first.dim, 16);
  await page.getByTestId('pr-curve').waitFor();

  await page.getByTestId('back-to-start').click();
  await page.getByTestId('model-output').selectOption('logits');
  assert.equal(await page.getByTestId('embedding-size').textContent(), '10');
  const second = await run(page);
  assert.equal(second.dim, 10, 'the new output is embedded, not the cached 16-D embeddings');
  const name = await page.evaluate('window.dipscope.store.getState().model.name');
  assert.match(String(name), /→ logits$/);

  // Dropping the same model again restores the pick (remembered by model hash, like the preprocessing).
  await page.getByTestId('back-to-start').click();
  await page.getByTestId('drop-model').setInputFiles(readdirSync(M6).map((f) => join(M6, f)));
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('model-output').inputValue(), 'logits');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an output that is a 4-D feature map is listed but refused: picking it names the output and the fix and disables the run; the folder name names the model', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-model-folder').setInputFiles(join(tmp, 'm6-with-feature-map'));
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  assert.equal(await page.getByTestId('model-name').textContent(), 'm6-with-feature-map');
  assert.deepEqual(await optionValues(page), ['embedding', 'logits', 'feature_map']);
  assert.equal(await page.getByTestId('model-output').inputValue(), 'embedding');
  await page.getByTestId('drop-data').setInputFiles(join(tmp, 'val'));
  await page.getByTestId('data-counts').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('run-user').isDisabled(), false);

  await page.getByTestId('model-output').selectOption('feature_map');
  const problem = (await page.getByTestId('output-problem').textContent()) ?? '';
  assert.match(problem, /Output "feature_map" \[\?, 8, 8, 1\] is a 4-D feature map/);
  assert.match(problem, /GlobalAveragePooling2D/);
  assert.equal(await page.getByTestId('run-user').isDisabled(), true);

  await page.getByTestId('model-output').selectOption('embedding');
  assert.equal(await page.getByTestId('output-problem').count(), 0);
  assert.equal((await run(page)).dim, 16);
  assert.deepEqual(errors, []);
  await page.close();
});
