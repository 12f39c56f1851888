/**
 * Opens a URL of the built app in headless Chromium and saves a screenshot.
 * Usage: npx tsx scripts/screenshot.ts "?demo" out.png [--click-dip | --inspect-dip | --click-low] [--axis=linear|log|rank]
 *        npx tsx scripts/screenshot.ts "" out.png --drop=tests/fixtures/io/scores-table.csv [--run] [--click-dip]
 * (--inspect-dip: the "Inspect the dip" button, which also zooms onto it; --axis: picked last, after any click.
 * --drop: the file goes to the validation-set picker; --run draws its curve; a scores table needs no model).
 */
import { startServer, launchBrowser, openPage, readRun, curvePointOnPage, lowRecallPointWithFalsePositives } from '../tests/e2e/harness';
import { evaluateEmbeddings } from '../src/metrics/evaluateEmbeddings';

const [query = '?demo', out = 'screenshot.png', ...flags] = process.argv.slice(2);
const server = await startServer();
const browser = await launchBrowser();
try {
  const t0 = Date.now();
  const { page, errors } = await openPage(browser, `${server.url}${query}`);
  const drop = flags.find((f) => f.startsWith('--drop='))?.slice('--drop='.length);
  if (drop) {
    await page.getByTestId('drop-data-files').setInputFiles(drop);
    await page.getByTestId('data-counts').or(page.getByTestId('error')).first().waitFor({ timeout: 60_000 });
    if (flags.includes('--run')) {
      await page.getByTestId('run-user').click();
      await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
      if (flags.includes('--click-dip') && (await page.getByTestId('dip').count()) > 0) {
        await page.getByTestId('dip').click();
        await page.getByTestId('fp-gallery').waitFor();
      }
      await page.waitForTimeout(800);
    }
  }
  if (query.includes('demo')) {
    await page.getByTestId('ap-value').waitFor({ timeout: 300_000 });
    console.log(`curve after ${((Date.now() - t0) / 1000).toFixed(1)} s; backend ${await page.getByTestId('backend').textContent()}; AP ${await page.getByTestId('ap-value').textContent()}`);
    console.log(await page.getByTestId('timings').textContent());
    if (flags.includes('--click-dip') && (await page.getByTestId('dip').count()) > 0) {
      await page.getByTestId('dip').click();
      await page.getByTestId('fp-gallery').waitFor();
      await page.waitForTimeout(500);
    }
    if (flags.includes('--click-low')) {
      const run = await readRun(page);
      const c = evaluateEmbeddings(run.embeddings, run.n, run.dim, run.labels, 'neg-sq-l2').curve;
      const i = lowRecallPointWithFalsePositives(c, 0.02);
      const at = await curvePointOnPage(page, c.recall[i], c.precision[i]);
      await page.mouse.click(at.x, at.y);
      await page.mouse.move(at.x, at.y);
      await page.getByTestId('fp-gallery').waitFor();
      await page.waitForTimeout(800);
    }
  }
  if (flags.includes('--inspect-dip') && (await page.getByRole('button', { name: 'Inspect the dip' }).count()) > 0) {
    await page.getByRole('button', { name: 'Inspect the dip' }).click();
    await page.getByTestId('fp-gallery').waitFor();
    await page.waitForTimeout(500);
  }
  const axis = flags.find((f) => f.startsWith('--axis='))?.slice('--axis='.length);
  if (axis) {
    await page.getByTestId('axis').selectOption(axis);
    await page.waitForTimeout(500);
  }
  await page.screenshot({ path: out, fullPage: true });
  console.log(errors.length ? `page errors:\n${errors.join('\n')}` : 'no page errors');
} finally {
  await browser.close();
  await server.close();
}
