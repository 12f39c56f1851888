import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage } from './harness';

const app = useApp();

test('rank axis + brush lists the pairs of a stretch of the ranking; the false-negative filter lists positives below it', async () => {
  const { page, errors } = await openPage(app.browser, `${app.url}?demo`);
  await page.getByTestId('ap-value').waitFor({ timeout: 180_000 });
  await page.getByTestId('axis').selectOption('rank');
  await page.getByTestId('brush-mode').check();
  const box = (await page.getByTestId('pr-curve').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.5, { steps: 5 });
  await page.mouse.up();
  const heading = page.getByTestId('fp-gallery').locator('h2');
  await heading.waitFor();
  const m = /among ranks ([\d,]+)–([\d,]+)/.exec((await heading.textContent()) ?? '');
  assert.ok(m, `stretch heading: ${await heading.textContent()}`);
  const [lo, hi] = [Number(m[1].replace(/,/g, '')), Number(m[2].replace(/,/g, ''))];
  assert.ok(lo > 1 && hi > lo, `a stretch below the top: ${lo}–${hi}`);
  const ranks = await page.getByTestId('fp-pair').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))));
  assert.ok(ranks.length > 0 && ranks.every((r) => r >= lo && r <= hi), 'listed pairs lie inside the stretch');

  await page.getByLabel('false negatives (missed below)').check();
  const fnRanks = await page.getByTestId('fp-pair').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))));
  assert.ok(fnRanks.length > 0 && fnRanks.every((r) => r > hi), 'false negatives are ranked below the stretch');
  assert.equal(await page.locator('[data-testid="fp-pair"].fp').count(), 0, 'false negatives are positive pairs');
  assert.equal(await page.locator('[data-testid="fp-pair"].fn').count(), fnRanks.length, 'each is marked a false negative, not a true positive');
  assert.match((await page.getByTestId('fp-pair').first().locator('.badge').textContent()) ?? '', /^false negative/);
  assert.match((await heading.textContent()) ?? '', /^[\d,]+ false negatives?: positives ranked below ranks /);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the gallery is virtualised and paged: all 499,500 pairs listed at full recall, few in the DOM, the last one reachable', async () => {
  const { page, errors } = await openPage(app.browser, `${app.url}?demo`);
  await page.getByTestId('ap-value').waitFor({ timeout: 180_000 });
  await page.getByTestId('pr-curve').focus();
  await page.keyboard.press('End');
  await page.getByLabel('all pairs').check();
  const heading = page.getByTestId('fp-gallery').locator('h2');
  await heading.waitFor();
  const total = Number(/^Every pair of the top ([\d,]+) pairs/.exec((await heading.textContent()) ?? '')?.[1].replace(/,/g, ''));
  assert.ok(total > 400_000, `pairs listed: ${total}`);
  assert.ok((await page.getByTestId('fp-pair').count()) < 60, 'only the visible rows are rendered');
  await page.getByRole('button', { name: 'last page' }).click();
  await page.locator('.pairs-scroll').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForFunction((n) => [...document.querySelectorAll('[data-testid="fp-pair"]')].some((e) => Number(e.getAttribute('data-rank')) === n), total, { timeout: 10_000 });
  assert.deepEqual(errors, []);
  await page.close();
});
