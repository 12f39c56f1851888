/**
 * Time from opening ?demo to the drawn curve, per backend, in headless Chromium
 * (production build; run `npm run build` first). Prints one line per backend.
 * Usage: npx tsx scripts/bench-demo.ts [auto,wasm,webgl,webgpu,cpu] [limit]
 */
import { startServer, launchBrowser, openPage } from '../tests/e2e/harness';

const backends = (process.argv[2] ?? 'auto,wasm,webgl,webgpu,cpu').split(',');
const limit = process.argv[3] ? `&limit=${process.argv[3]}` : '';
const server = await startServer();
const browser = await launchBrowser();
try {
  for (const b of backends) {
    const query = `?demo${limit}${b === 'auto' ? '' : `&backend=${b}`}`;
    const t0 = Date.now();
    const { page, errors } = await openPage(browser, `${server.url}${query}`);
    try {
      await page.getByTestId('pr-curve').locator('path.curve').waitFor({ timeout: 600_000 });
      const wall = (Date.now() - t0) / 1000;
      const chosen = await page.getByTestId('backend').textContent();
      const timings = await page.getByTestId('timings').textContent();
      const ap = await page.getByTestId('ap-value').textContent();
      console.log(`${b.padEnd(6)} → ${chosen}: ${wall.toFixed(1)} s from navigation to curve; AP ${ap}; ${timings}${errors.length ? `; errors: ${errors.join(' | ')}` : ''}`);
    } catch (e) {
      const err = await page.getByTestId('error').allTextContents().catch(() => []);
      console.log(`${b.padEnd(6)} → failed: ${(e as Error).message.split('\n')[0]} ${err.join(' | ')}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
