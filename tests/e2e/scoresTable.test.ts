import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, openPage, curvePointOnPage, lowRecallPointWithFalsePositives } from './harness';
import { parseScoresCsv } from '../../src/io/scoresCsv';
import { evaluateScores } from '../../src/metrics/evaluateScores';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let tmp: string;

const FIXTURES = 'tests/fixtures';
const sklearn = JSON.parse(readFileSync(`${FIXTURES}/metrics/scores_table.json`, 'utf8')) as { ap: number };

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  tmp = mkdtempSync(join(tmpdir(), 'dipscope-scores-'));
  mkdirSync(join(tmp, 'run-42'));
  cpSync(`${FIXTURES}/io/scores-table.csv`, join(tmp, 'run-42', 'scores-table.csv'));
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

/** Runs the dropped table and returns the AP the page shows (its full-precision data-value). */
async function runAndReadAp(page: Page): Promise<number> {
  await page.getByTestId('data-counts').waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('run-user').isDisabled(), false, 'a scores table runs without a model');
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 60_000 });
  return Number(await page.getByTestId('ap-value').getAttribute('data-value'));
}

/** Clicks the curve at its most confident point with recall ≥ 0.02 and a false positive; returns that point. */
async function clickDip(page: Page, text: string): Promise<void> {
  const c = evaluateScores(parseScoresCsv(text, 'x.csv').table.scores, parseScoresCsv(text, 'x.csv').table.labels).curve;
  const idx = lowRecallPointWithFalsePositives(c, 0.02);
  assert.ok(idx >= 0);
  const { x, y } = await curvePointOnPage(page, c.recall[idx], c.precision[idx]);
  await page.mouse.click(x, y);
  await page.getByTestId('fp-gallery').waitFor({ timeout: 10_000 });
}

test('a scores CSV dropped on drop-data (its folder) runs with no model: the AP shown equals scikit-learn to 1e-9; a click on the dip lists the false positives by name with score, rank and line; the why panel says what a table cannot show', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-data').setInputFiles(join(tmp, 'run-42'));
  const counts = page.getByTestId('data-counts');
  await counts.waitFor({ timeout: 30_000 });
  assert.deepEqual(await counts.evaluate((el) => ['rows', 'positives', 'nonfinite', 'named'].map((k) => el.getAttribute(`data-${k}`))), ['300', String(parseScoresCsv(readFileSync(`${FIXTURES}/io/scores-table.csv`, 'utf8'), 'x').table.positives), '2', 'true']);
  assert.match((await page.getByTestId('model-not-needed').textContent()) ?? '', /Not needed/);

  const ap = await runAndReadAp(page);
  assert.ok(Math.abs(ap - sklearn.ap) <= 1e-9, `page AP ${ap} vs scikit-learn ${sklearn.ap}`);
  assert.match((await page.getByTestId('scores-from').textContent()) ?? '', /scores-table\.csv/);
  assert.ok((await page.locator('[data-testid="warning"]').allTextContents()).includes('2 non-finite scores excluded'));

  await clickDip(page, readFileSync(`${FIXTURES}/io/scores-table.csv`, 'utf8'));
  const first = page.getByTestId('fp-pair').first();
  assert.equal(await first.getByTestId('name-a').textContent(), 'person_07/img_0.jpg');
  assert.equal(await first.getAttribute('data-rank'), '1');
  assert.equal(await first.getAttribute('data-line'), '12');
  assert.match((await first.textContent()) ?? '', /score 0\.99/);
  assert.match((await page.getByTestId('why-hidden').textContent()) ?? '', /no embeddings and no images/);
  // 40 names share ~190 negatives, so no name passes the hub rule here; the ranking by false-positive count is shown.
  assert.match((await page.getByTestId('name-hubs').textContent()) ?? '', /15× · person_07\/img_0\.jpg/);

  // Counterfactual: exclude the hub name → the replayed AP is higher.
  await first.locator('summary').click();
  await first.getByTestId('exclude-image-a').click();
  const after = page.getByTestId('ap-counterfactual');
  await after.waitFor({ timeout: 10_000 });
  assert.ok(Number(await after.getAttribute('data-value')) > ap);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the same table as Parquet (drop-data-files) gives the same AP; names are shown as text, never HTML', async () => {
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-data-files').setInputFiles(`${FIXTURES}/io/scores-table.parquet`);
  const ap = await runAndReadAp(page);
  assert.ok(Math.abs(ap - sklearn.ap) <= 1e-9, `page AP ${ap} vs scikit-learn ${sklearn.ap}`);
  await page.close();

  const markup = 'score,label,a,b\n0.9,0,"<img src=x onerror=""document.title=1""><b>bold</b>",y.jpg\n0.5,1,p,q\n0.4,1,r,s\n0.1,0,t,u\n';
  writeFileSync(join(tmp, 'markup.csv'), markup);
  const second = await openPage(browser, server.url);
  await second.page.getByTestId('drop-data-files').setInputFiles(join(tmp, 'markup.csv'));
  await runAndReadAp(second.page);
  await second.page.evaluate('window.dipscope.store.getState().select(window.dipscope.store.getState().evaluation.curve.thresholds.length - 1)');
  const name = second.page.getByTestId('name-a').first();
  await name.waitFor({ timeout: 10_000 });
  assert.equal(await name.textContent(), '<img src=x onerror="document.title=1"><b>bold</b>');
  assert.equal(await second.page.locator('[data-testid="pair-names"] img, [data-testid="pair-names"] b').count(), 0);
  assert.deepEqual([...errors, ...second.errors], []);
  await second.page.close();
});

test('a scores CSV with bad labels is refused at the drop with the file, the line and the fix; no run is offered', async () => {
  writeFileSync(join(tmp, 'bad-labels.csv'), 'score,label\n0.9,1\n0.2,2\n0.4,0\n');
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-data-files').setInputFiles(join(tmp, 'bad-labels.csv'));
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 30_000 });
  assert.match((await error.textContent()) ?? '', /bad-labels\.csv, line 3 \(label\): label "2" is not a pair label.*Fix: use 1\/0, true\/false or same\/different/);
  assert.equal(await page.getByTestId('run-user').isDisabled(), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a scores table over 1 MiB is read in the inspection worker: its counts and AP equal Node\'s on the same file, and the page answers while it is read', async () => {
  // 80,000 seeded rows with names (~1.9 MB): past WORKER_FILE_BYTES, so the drop goes to the worker.
  let s = 7;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const lines = ['score,label,a,b'];
  for (let k = 0; k < 80_000; k++) {
    const label = rand() < 0.2 ? 1 : 0;
    lines.push(`${(label ? 0.6 : 0.4) + (rand() - 0.5) * 0.8},${label},item-${k % 5000}.jpg,item-${(k * 7 + 3) % 5000}.jpg`);
  }
  const text = `${lines.join('\n')}\n`;
  writeFileSync(join(tmp, 'big-scores.csv'), text);
  const node = evaluateScores(parseScoresCsv(text, 'big-scores.csv').table.scores, parseScoresCsv(text, 'big-scores.csv').table.labels).curve;

  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-data-files').setInputFiles(join(tmp, 'big-scores.csv'));
  const t0 = Date.now();
  await page.evaluate(() => 1);
  assert.ok(Date.now() - t0 < 1000, 'the page answers while the table is read');
  const counts = page.getByTestId('data-counts');
  await counts.waitFor({ timeout: 60_000 });
  assert.match((await counts.textContent()) ?? '', /80,000 pairs/);
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
  assert.ok(loaded.some((u) => /inspect\.worker-.*\.js$/.test(u)), `the inspection worker was loaded: ${loaded.join(', ')}`);
  const ap = await runAndReadAp(page);
  assert.ok(Math.abs(ap - node.ap) < 1e-9, `page ${ap} vs Node ${node.ap}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a scores CSV without names lists each row by its file line (the header is line 1), the same line its issues name', async () => {
  // The most confident row is a negative: data row 5, file line 6.
  const rows = ['0.5,1', '0.4,0', '0.3,1', '0.2,0', '0.99,0', '0.8,1', '0.7,1', '0.1,0', '0.6,1', '0.05,0'];
  const text = `score,label\n${rows.join('\n')}\n`;
  writeFileSync(join(tmp, 'unnamed.csv'), text);
  const { page, errors } = await openPage(browser, server.url);
  await page.getByTestId('drop-data-files').setInputFiles(join(tmp, 'unnamed.csv'));
  await runAndReadAp(page);
  await clickDip(page, text);
  const first = page.getByTestId('fp-pair').first();
  assert.equal(await first.getAttribute('data-rank'), '1');
  assert.equal(await first.getAttribute('data-line'), '6');
  assert.equal(await first.getByTestId('row-where').textContent(), 'line 6');
  assert.deepEqual(errors, []);
  await page.close();
});
