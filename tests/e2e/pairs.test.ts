import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startServer, launchBrowser, openPage, readRun, curvePointOnPage, lowRecallPointWithFalsePositives, copyModelFiles } from './harness';
import { evaluateListedPairs } from '../../src/metrics/listedPairs';
import { reweightedAp } from '../../src/metrics/reweightedAp';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let tmp: string;

// An LFW-style set built from the demo PNGs: four "people" (demo classes) × 4 images at name/name_000k.jpg
// (PNG bytes under a .jpg name: the decoder goes by content), plus one image the list never names.
const PEOPLE: [string, string][] = [
  ['Bag_Person', 'bag'],
  ['Sneaker_Person', 'sneaker'],
  ['Trouser_Person', 'trouser'],
  ['Coat_Person', 'coat'],
];
const PER_PERSON = 4;
// Header "1 10": one fold of 10 matched + 10 mismatched lines. Line 3 names Bag_Person_0009, which is not dropped.
const PAIRS_TXT = [
  '1 10',
  'Bag_Person 1 2',
  'Bag_Person 1 9',
  'Bag_Person 3 4',
  'Sneaker_Person 1 2',
  'Sneaker_Person 2 3',
  'Sneaker_Person 3 4',
  'Trouser_Person 1 3',
  'Trouser_Person 2 4',
  'Coat_Person 1 4',
  'Coat_Person 2 3',
  'Bag_Person 1 Sneaker_Person 1',
  'Bag_Person 2 Trouser_Person 2',
  'Bag_Person 3 Coat_Person 3',
  'Sneaker_Person 4 Coat_Person 1',
  'Sneaker_Person 2 Trouser_Person 3',
  'Trouser_Person 1 Coat_Person 2',
  'Trouser_Person 4 Bag_Person 4',
  'Coat_Person 4 Sneaker_Person 3',
  'Coat_Person 3 Bag_Person 1',
  'Trouser_Person 3 Sneaker_Person 1',
  '',
].join('\n');

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'dipscope-pairs-'));
  for (const [person, cls] of PEOPLE) {
    mkdirSync(join(tmp, 'lfw', person), { recursive: true });
    const pngs = readdirSync(join('public/demo', cls)).filter((n) => n.endsWith('.png'));
    for (let k = 1; k <= PER_PERSON + (person === 'Coat_Person' ? 1 : 0); k++) cpSync(join('public/demo', cls, pngs[k]), join(tmp, 'lfw', person, `${person}_${String(k).padStart(4, '0')}.jpg`));
  }
  writeFileSync(join(tmp, 'lfw', 'pairs.txt'), PAIRS_TXT);
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const modelFiles = (dir: string) => copyModelFiles(dir, tmp);

const READ_PAIRS = `(() => {
  const s = window.dipscope.store.getState();
  const p = s.dataset.pairs;
  return { a: Array.from(p.a), b: Array.from(p.b), labels: Array.from(p.labels), paths: s.dataset.images.map((im) => im.path), kind: p.origin.kind };
})()`;

test('a pairs.txt dropped alone says what it lists and asks for its images (none named missing); the images dropped next are read with it', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-data-files').setInputFiles(join(tmp, 'lfw', 'pairs.txt'));
  const waiting = page.locator('[data-testid="data-counts"][data-awaiting="images"]');
  await waiting.waitFor({ timeout: 30_000 });
  assert.deepEqual(await waiting.evaluate((el) => [el.getAttribute('data-listed-pairs'), el.getAttribute('data-listed-images')]), ['20', '17']);
  assert.match((await waiting.textContent()) ?? '', /lists 20 pairs \(10 positive, 10 negative\) naming 17 images\. Now drop those images/);
  assert.equal(await page.getByTestId('list-problems').count(), 0, 'no image is called missing before any was dropped');
  assert.equal(await page.getByTestId('error').count(), 0);

  const images = PEOPLE.flatMap(([person]) => readdirSync(join(tmp, 'lfw', person)).map((f) => join(tmp, 'lfw', person, f)));
  await page.getByTestId('drop-data-files').setInputFiles(images);
  const counts = page.locator('[data-testid="data-counts"][data-kind="pair-list"]:not([data-awaiting])');
  await counts.waitFor({ timeout: 30_000 });
  assert.deepEqual(await counts.evaluate((el) => ['images', 'pairs'].map((k) => el.getAttribute(`data-${k}`))), ['16', '19']);
  assert.match((await page.getByTestId('data-combined').textContent()) ?? '', /read together with pairs\.txt dropped before/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an LFW pairs.txt dropped with its images: only the listed images are embedded, the missing one is named with its line, the curve AP equals Node’s over the same embeddings, and clicking the curve lists listed pairs only', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-model').setInputFiles(modelFiles('public/models/fmnist-triplet'));
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  await page.getByTestId('drop-data').setInputFiles(join(tmp, 'lfw'));
  const counts = page.locator('[data-testid="data-counts"][data-kind="pair-list"]');
  await counts.waitFor({ timeout: 30_000 });
  assert.deepEqual(
    await counts.evaluate((el) => ['images', 'pairs', 'positives', 'negatives', 'skipped-pairs'].map((k) => el.getAttribute(`data-${k}`))),
    ['16', '19', '9', '10', '1'],
  );
  const problems = (await page.getByTestId('list-problems').textContent()) ?? '';
  assert.match(problems, /pairs\.txt, line 3: image "Bag_Person\/Bag_Person_0009\.jpg" is not among the dropped files; the pair that uses it is left out, the other pairs are kept\. Fix: drop the folder/);

  if (process.env.PAIRS_SCREENSHOT) await page.screenshot({ path: join(process.env.PAIRS_SCREENSHOT, 'pairs-drop.png'), fullPage: true });

  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  const run = await readRun(page);
  const listed = (await page.evaluate(READ_PAIRS)) as { a: number[]; b: number[]; labels: number[]; paths: string[]; kind: string };
  assert.equal(listed.kind, 'list');
  assert.equal(run.n, 16, 'the unlisted Coat_Person_0005 is not embedded; every listed image once');
  assert.equal(new Set(listed.paths).size, 16);
  assert.ok(!listed.paths.includes('Coat_Person/Coat_Person_0005.jpg'));
  const node = evaluateListedPairs(run.embeddings, run.n, run.dim, Uint32Array.from(listed.a), Uint32Array.from(listed.b), Uint8Array.from(listed.labels), 'neg-sq-l2');
  assert.equal(node.curve.n, 19);
  const shown = Number(await page.getByTestId('ap-value').getAttribute('data-value'));
  assert.ok(Math.abs(shown - node.curve.ap) < 1e-9, `page AP ${shown} vs Node AP ${node.curve.ap}`);
  assert.equal(await page.getByTestId('pairs-origin').getAttribute('data-kind'), 'list');
  assert.match((await page.getByTestId('run-list-problems').textContent()) ?? '', /pairs\.txt, line 3: image "Bag_Person\/Bag_Person_0009\.jpg" is not among the dropped files/, 'the missing image is still named with the results');
  assert.equal(await page.getByTestId('confusion-hidden').count(), 1, 'class confusion is hidden for a list, with the reason');

  // Click the curve where recall ≥ 0.5 and false positives exist; list every pair above that threshold.
  const c = node.curve;
  const target = lowRecallPointWithFalsePositives(c, 0.5);
  assert.ok(target >= 0);
  const { x, y } = await curvePointOnPage(page, c.recall[target], c.precision[target]);
  await page.mouse.move(x, y);
  await page.getByTestId('tooltip').waitFor();
  await page.mouse.click(x, y);
  const gallery = page.getByTestId('fp-gallery');
  await gallery.waitFor();
  await page.getByRole('radio', { name: 'all pairs' }).check();
  const cards = gallery.getByTestId('fp-pair');
  await page.waitForFunction(`document.querySelectorAll('[data-testid="fp-pair"]').length > 0`);
  const shownPairs = await cards.evaluateAll((els) => els.map((e) => ({ rank: Number(e.getAttribute('data-rank')), paths: [...e.querySelectorAll('img')].map((im) => im.getAttribute('alt')) })));
  assert.equal(shownPairs.length, c.tp[target] + c.fp[target], 'every pair above the clicked threshold, no other');
  const listedKeys = new Set(listed.a.map((a, k) => `${listed.paths[a]}|${listed.paths[listed.b[k]]}`));
  for (const p of shownPairs) {
    assert.ok(listedKeys.has(`${p.paths[0]}|${p.paths[1]}`), `${p.paths.join(' & ')} is a listed pair`);
    const k = node.order[p.rank - 1];
    assert.deepEqual(p.paths, [listed.paths[listed.a[k]], listed.paths[listed.b[k]]], `rank ${p.rank} is list pair ${k}`);
  }
  if (process.env.PAIRS_SCREENSHOT) await page.screenshot({ path: join(process.env.PAIRS_SCREENSHOT, 'pairs-run.png'), fullPage: true });
  assert.deepEqual(errors, []);
  await page.close();
});

test('class folders over the pair limit (lowered to 50 for the test): all positive pairs plus a seeded 2:1 negative sample, said to be sampled, AP marked as an estimate and equal to Node’s over the same sample', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.evaluate(`window.dipscope.store.getState().setPairSampling({ limit: 50, negativeRatio: 2, seed: 5 })`);
  await page.getByTestId('drop-model').setInputFiles(modelFiles('public/models/fmnist-triplet'));
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  const val = join(tmp, 'val');
  for (const [person, cls] of PEOPLE) {
    mkdirSync(join(val, cls), { recursive: true });
    cpSync(join(tmp, 'lfw', person), join(val, cls), { recursive: true });
  }
  await page.getByTestId('drop-data').setInputFiles(val);
  const sampling = page.getByTestId('pair-sampling');
  await sampling.waitFor({ timeout: 30_000 });
  // 17 images (Coat has 5): 6 + 6 + 6 + 10 = 28 positive of 136 pairs; 56 sampled negatives of 108.
  assert.deepEqual(await sampling.evaluate((el) => [el.getAttribute('data-positives'), el.getAttribute('data-negatives')]), ['28', '56']);
  assert.match((await sampling.textContent()) ?? '', /sampled/);
  if (process.env.PAIRS_SCREENSHOT) await page.screenshot({ path: join(process.env.PAIRS_SCREENSHOT, 'sample-drop.png'), fullPage: true });
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  const run = await readRun(page);
  const p = (await page.evaluate(READ_PAIRS)) as { a: number[]; b: number[]; labels: number[]; kind: string };
  assert.equal(p.kind, 'sample');
  assert.equal(p.labels.filter((l) => l === 1).length, 28);
  assert.equal(p.labels.length, 84);
  const node = evaluateListedPairs(run.embeddings, run.n, run.dim, Uint32Array.from(p.a), Uint32Array.from(p.b), Uint8Array.from(p.labels), 'neg-sq-l2');
  const shown = Number(await page.getByTestId('ap-value').getAttribute('data-value'));
  assert.ok(Math.abs(shown - node.curve.ap) < 1e-9, `page AP ${shown} vs Node AP ${node.curve.ap}`);
  assert.equal(await page.getByTestId('ap-value').getAttribute('data-estimate'), 'true');
  // The full-set estimate stands beside it: each sampled negative counted (all negatives / sampled negatives) times.
  const allNegatives = (await page.evaluate('window.dipscope.store.getState().dataset.pairs.origin.allNegatives')) as number;
  const fullSet = Number(await page.getByTestId('ap-full-estimate').getAttribute('data-value'));
  const expected = reweightedAp(node.curve, allNegatives / 56);
  assert.ok(Math.abs(fullSet - expected) < 1e-9, `full-set estimate ${fullSet} vs ${expected}`);
  assert.match((await page.getByTestId('pairs-origin').textContent()) ?? '', /Sampled pairs.*seed 5/);
  if (process.env.PAIRS_SCREENSHOT) await page.screenshot({ path: join(process.env.PAIRS_SCREENSHOT, 'sample-run.png') });
  assert.deepEqual(errors, []);
  await page.close();
});
