import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useApp, openPage, readRun } from './harness';
import { evaluateEmbeddings } from '../../src/metrics/evaluateEmbeddings';
import { counterfactual } from '../../src/diagnostics/counterfactual';
import { findDip } from '../../src/diagnostics/dip';

const app = useApp();

test('label-noise demo: inspect the dip → the top false positive is tagged an exact duplicate → excluding its image replays the curve with the AP Node computes', async () => {
  const { page, errors } = await openPage(app.browser, `${app.url}?demo=noisy`);
  await page.getByTestId('ap-value').waitFor({ timeout: 180_000 });
  const run = await readRun(page);
  const ev = evaluateEmbeddings(run.embeddings, run.n, run.dim, run.labels, 'neg-sq-l2');
  assert.ok(findDip(ev.curve.precision, ev.curve.recall), 'Node finds the dip too');
  await page.getByTestId('dip').waitFor();

  await page.getByRole('button', { name: 'Inspect the dip' }).click();
  const first = page.getByTestId('fp-pair').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-rank'), '1');
  await page.getByTestId('confusion-heatmap').waitFor();
  const tags = await first.getByTestId('fp-tag').evaluateAll((els) => els.map((e) => e.getAttribute('data-tag')));
  assert.ok(tags.includes('exact-duplicate'), `tags of the first pair: ${tags}`);
  const hubTags = await page.locator('[data-testid="fp-tag"][data-tag="hub-image"]').allTextContents();
  assert.ok(hubTags.length > 0, 'the dip lists hub-tagged pairs');
  for (const t of hubTags) assert.match(t, /^hub image \((left|right|both images)\)$/, 'each hub tag says which image is the hub');

  // The planted copy is the right-hand image of the top pair (its index is larger): exclude it.
  const apBefore = Number(await page.getByTestId('ap-value').getAttribute('data-value'));
  await first.locator('summary', { hasText: 'Flag…' }).click();
  await first.getByTestId('exclude-image-b').click();
  const after = page.getByTestId('ap-counterfactual');
  await after.waitFor({ timeout: 60_000 });
  await page.getByTestId('counterfactual-curve').waitFor();
  const apAfter = Number(await after.getAttribute('data-value'));
  assert.ok(apAfter > apBefore, `excluding a planted duplicate raises AP: ${apBefore} → ${apAfter}`);
  assert.equal(await first.getByTestId('pair-flagged').textContent(), 'flagged: right image excluded', 'the card says what was flagged');

  const flags = await page.evaluate(() => (window as unknown as { dipscope: { store: { getState(): { flags: unknown[] } } } }).dipscope.store.getState().flags);
  assert.equal(flags.length, 1);
  const node = counterfactual(ev, run.labels, flags as Parameters<typeof counterfactual>[2]);
  assert.ok(Math.abs(node.curve.ap - apAfter) < 1e-9, `page ${apAfter} vs Node ${node.curve.ap}`);

  // The flag list exports as CSV with paths, classes, score, tag and action.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-flags-csv').click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  const [header, row] = csv.trim().split('\n');
  assert.equal(header, 'path_a,path_b,class_a,class_b,score,tag,action');
  assert.match(row, /^planted\/[^,]+\.png,,[^,]+,,,exact-duplicate,exclude-image$/);

  // One click flags every exact-duplicate pair among the top false positives: one replay, Node's AP.
  const button = page.getByTestId('exclude-tagged-exact-duplicate');
  const exactTagged = Number(/exclude these (\d+) pairs/.exec((await button.textContent()) ?? '')?.[1]);
  assert.ok(exactTagged >= 12, `the 12 planted copies are tagged (${exactTagged})`);
  await button.click();
  await page.waitForFunction((n) => (window as unknown as { dipscope: { store: { getState(): { flags: unknown[] } } } }).dipscope.store.getState().flags.length === n, 1 + exactTagged);
  const all = await page.evaluate(() => (window as unknown as { dipscope: { store: { getState(): { flags: { kind: string; tag?: string }[] } } } }).dipscope.store.getState().flags);
  assert.deepEqual(new Set(all.slice(1).map((f) => `${f.kind}/${f.tag}`)), new Set(['exclude-pair/exact-duplicate']));
  const nodeAll = counterfactual(ev, run.labels, all as unknown as Parameters<typeof counterfactual>[2]);
  await page.waitForFunction((ap) => Math.abs(Number(document.querySelector('[data-testid="ap-counterfactual"]')?.getAttribute('data-value')) - ap) < 1e-9, nodeAll.curve.ap, { timeout: 60_000 });
  assert.deepEqual(errors, []);
  await page.close();
});

test('a reload keeps the flags and the view: the replayed curve comes back on its own', async () => {
  const { page, errors } = await openPage(app.browser, `${app.url}?demo=noisy`);
  await page.getByTestId('ap-value').waitFor({ timeout: 180_000 });
  await page.getByRole('button', { name: 'Inspect the dip' }).click();
  const first = page.getByTestId('fp-pair').first();
  await first.locator('summary', { hasText: 'Flag…' }).click();
  await first.getByTestId('exclude-image-b').click();
  await page.getByTestId('axis').selectOption('log');
  const apAfter = await page.getByTestId('ap-counterfactual').getAttribute('data-value');
  await page.reload();
  await page.getByTestId('ap-counterfactual').waitFor({ timeout: 180_000 });
  assert.equal(await page.getByTestId('ap-counterfactual').getAttribute('data-value'), apAfter);
  assert.equal(await page.getByTestId('axis').inputValue(), 'log');
  assert.deepEqual(errors, []);
  await page.close();
});
