import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useApp, openPage, readRun, curvePointOnPage, lowRecallPointWithFalsePositives } from './harness';
import { evaluateEmbeddings } from '../../src/metrics/evaluateEmbeddings';

const app = useApp();

test('the landing page offers the demo, and the button runs it', async () => {
  const { page, errors } = await openPage(app.browser, app.url);
  await page.getByTestId('run-demo').click();
  await page.getByTestId('progress').waitFor({ timeout: 30_000 });
  await page.getByTestId('ap-value').waitFor({ timeout: 180_000 });
  // A file dropped outside the drop zones is caught, so the browser does not open it in place of the results.
  // (Sent as text: tsx would wrap the inner function in a helper the page lacks.)
  const dropped = await page.evaluate(`(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['x'], 'stray.png', { type: 'image/png' }));
    const target = document.querySelector('[data-testid="ap-value"]');
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(over);
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    target.dispatchEvent(drop);
    return { dragover: over.defaultPrevented, drop: drop.defaultPrevented, effect: dt.dropEffect };
  })()`);
  assert.deepEqual(dropped, { dragover: true, drop: true, effect: 'none' });
  assert.equal(await page.getByTestId('ap-value').count(), 1, 'the results are still shown');
  assert.deepEqual(errors, []);
  await page.close();
});

test('?demo embeds on the auto-picked backend, draws the curve, shows the AP Node computes from the same embeddings, and the low-recall click lists false positives', async () => {
  const { page, errors } = await openPage(app.browser, `${app.url}?demo`);
  await page.getByTestId('ap-value').waitFor({ timeout: 180_000 });

  const backend = (await page.getByTestId('backend').textContent())?.trim();
  assert.ok(backend && ['webgpu', 'webgl', 'wasm', 'cpu'].includes(backend), `backend shown: ${backend}`);
  assert.notEqual(backend, 'webgpu', 'software WebGPU (SwiftShader) must not be auto-picked');
  // The backend list floats over the results: Escape or a click elsewhere closes it.
  const details = page.getByTestId('backend-details');
  const isOpen = () => details.evaluate((el) => (el as HTMLDetailsElement).open);
  await details.locator('summary').click();
  assert.equal(await isOpen(), true, 'the backend list opens');
  await page.keyboard.press('Escape');
  assert.equal(await isOpen(), false, 'Escape closes the backend list');
  await details.locator('summary').click();
  await page.getByTestId('pr-curve').click({ position: { x: 5, y: 5 } }); // the list covers the summary numbers below it
  assert.equal(await isOpen(), false, 'a click elsewhere closes the backend list');

  const run = await readRun(page);
  assert.equal(run.n, 1000);
  const node = evaluateEmbeddings(run.embeddings, run.n, run.dim, run.labels, 'neg-sq-l2');
  assert.equal(node.curve.n, (1000 * 999) / 2);
  const shown = Number(await page.getByTestId('ap-value').getAttribute('data-value'));
  assert.ok(Math.abs(shown - node.curve.ap) < 1e-6, `page AP ${shown} vs Node AP ${node.curve.ap}`);
  const text = Number(await page.getByTestId('ap-value').textContent());
  assert.ok(Math.abs(text - node.curve.ap) < 6e-5, `AP text ${text} shows 4 decimals of ${node.curve.ap}`);
  assert.ok(node.curve.ap > 3 * node.curve.chance, `demo model is real: AP ${node.curve.ap} vs chance ${node.curve.chance}`);

  // The curve is drawn: a path with many vertices.
  const d = await page.locator('[data-testid="pr-curve"] path.curve').getAttribute('d');
  assert.ok(d && d.split('L').length > 100, 'curve path has > 100 vertices');

  // Click the curve where recall is low (≈ 2 %) and false positives exist.
  const c = node.curve;
  const target = lowRecallPointWithFalsePositives(c, 0.02);
  assert.ok(target >= 0, 'there is a low-recall point with false positives');
  const { x: px, y: py } = await curvePointOnPage(page, c.recall[target], c.precision[target]);
  await page.mouse.move(px, py);
  await page.getByTestId('tooltip').waitFor();
  await page.mouse.click(px, py);

  const gallery = page.getByTestId('fp-gallery');
  await gallery.waitFor();
  const pairs = gallery.getByTestId('fp-pair');
  const count = await pairs.count();
  assert.ok(count >= 1, 'at least one false positive listed');
  const ranks = await pairs.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rank'))));
  const scores = await pairs.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-score'))));
  for (let k = 1; k < ranks.length; k++) {
    assert.ok(ranks[k] > ranks[k - 1], 'most confident first');
    assert.ok(scores[k] <= scores[k - 1]);
  }
  // Every listed pair really is a false positive of the Node ranking at that rank.
  for (let k = 0; k < ranks.length; k++) assert.equal(node.labels[node.order[ranks[k] - 1]], 0);
  await page.waitForFunction(
    () => [...document.querySelectorAll('[data-testid="fp-pair"] img')].every((im) => (im as HTMLImageElement).complete && (im as HTMLImageElement).naturalWidth > 0),
    undefined,
    { timeout: 20_000 },
  );
  const imgs = await pairs.first().locator('img').count();
  assert.equal(imgs, 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('Cancel during embedding stops the run and says how far it got', async () => {
  const { page, errors } = await openPage(app.browser, `${app.url}?demo&backend=cpu`);
  await page.waitForFunction(() => (window as unknown as { dipscope: { store: { getState(): { status: string } } } }).dipscope.store.getState().status === 'embedding', undefined, { timeout: 60_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByText(/Cancelled after [\d,]+ of 1,000 images/).waitFor({ timeout: 30_000 });
  assert.equal(await page.getByTestId('ap-value').count(), 0, 'no curve from a half-embedded set');
  await page.getByRole('button', { name: 'Run again' }).waitFor();
  assert.deepEqual(errors, []);
  await page.close();
});

test('a model.json without weights is refused with the fix, and no curve is drawn (M5c)', async () => {
  const context = await app.browser.newContext();
  await context.route('**/models/fmnist-triplet/model.json', async (route) => {
    const res = await route.fetch();
    const json = await res.json();
    delete json.weightsManifest;
    await route.fulfill({ response: res, json });
  });
  const page = await context.newPage();
  await page.goto(`${app.url}?demo`);
  const error = page.getByTestId('error');
  await error.waitFor({ timeout: 60_000 });
  assert.match((await error.textContent()) ?? '', /no weightsManifest: tfjs would run it with random weights/);
  assert.equal(await page.getByTestId('ap-value').count(), 0);
  await context.close();
});
