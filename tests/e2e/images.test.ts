import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useApp, openPage, readRun, cosine, copyModelFiles } from './harness';

const app = useApp();

test('real images decoded by Chromium: RGBA = gray (I1), EXIF orientation applied once (I2), CMYK white stays white (I3), HEIC and truncated JPEG skipped by name (I4), a 16-bit PNG reduced to 8 bits with a warning', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dipscope-images-'));
  cpSync('tests/fixtures/images', join(dir, 'val'), { recursive: true });
  const model = copyModelFiles('public/models/fmnist-triplet', dir);

  const { page, errors } = await openPage(app.browser, app.url);
  await page.getByTestId('drop-model').setInputFiles(model);
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  await page.getByTestId('drop-data').setInputFiles(join(dir, 'val'));
  await page.getByTestId('data-counts').waitFor({ timeout: 30_000 });
  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });

  const paths = await page.evaluate(() =>
    (window as unknown as { dipscope: { store: { getState(): { dataset: { images: { path: string }[] } } } } }).dipscope.store.getState().dataset.images.map((im) => im.path),
  );
  const run = await readRun(page);
  const row = (name: string) => {
    const i = paths.findIndex((p) => p.endsWith(name));
    assert.ok(i >= 0, `${name} is in the dataset (${paths.join(', ')})`);
    return run.embeddings.subarray(i * run.dim, (i + 1) * run.dim);
  };
  assert.ok(cosine(row('gray.png'), row('rgba.png')) > 0.9999, `I1: RGBA with transparent half embeds as the gray PNG (cos ${cosine(row('gray.png'), row('rgba.png'))})`);
  assert.ok(cosine(row('upright.jpg'), row('rot6.jpg')) > 0.99, `I2: EXIF-6 JPEG embeds as the upright one (cos ${cosine(row('upright.jpg'), row('rot6.jpg'))})`);
  assert.ok(cosine(row('gray.png'), row('gray16.png')) > 0.99999, `16-bit: the 16-bit PNG embeds as its 8-bit twin (cos ${cosine(row('gray.png'), row('gray16.png'))})`);
  assert.ok(cosine(row('white.png'), row('cmyk.jpg')) > 0.999, `I3: white CMYK JPEG embeds as white (cos ${cosine(row('white.png'), row('cmyk.jpg'))})`);

  const shown = (await page.getByTestId('error').allTextContents()).join('\n');
  assert.match(shown, /photo\.heic: skipped — the browser cannot decode it/);
  assert.match(shown, /broken\.jpg: skipped — the browser cannot decode it \(.*\); re-save it as PNG or JPEG, or remove it/);
  const noted = (await page.getByTestId('note').allTextContents()).join('\n');
  assert.match(noted, /1 image is a 16-bit PNG \(val\/a\/gray16\.png\): reduced to 8 bits/, 'the 16-bit reduction is a note: nothing was lost');
  assert.doesNotMatch(shown, /16-bit/, 'and not an error');
  // 9 images → 36 pairs; the 2 failed images take 15 of them (8 + 8 − 1) out, counted as excluded.
  const ev = await page.evaluate(() => {
    const s = (window as unknown as { dipscope: { store: { getState(): { evaluation: { curve: { n: number; excludedNonFinite: number } } } } } }).dipscope.store.getState();
    return { n: s.evaluation.curve.n, excluded: s.evaluation.curve.excludedNonFinite };
  });
  assert.deepEqual(ev, { n: 21, excluded: 15 });
  const warnings = await page.getByTestId('warning').allTextContents();
  assert.ok(warnings.includes('15 pairs left out: they use the 2 skipped images (see above), which have no embedding.'), `summary warnings: ${warnings.join(' | ')}`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('an image whose header claims 30,000 × 30,000 pixels is refused from the header: the preview and the run name its size and the fix, the page keeps answering, the other images are evaluated', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dipscope-bomb-'));
  cpSync('tests/fixtures/images/a', join(dir, 'val', 'a'), { recursive: true });
  cpSync('tests/fixtures/images/c/white.png', join(dir, 'val', 'b', 'white.png'));
  // Sorted first in its folder, so it is the image the preprocessing preview shows.
  cpSync('tests/fixtures/image-headers/bomb-30000.png', join(dir, 'val', 'a', '0-bomb.png'));
  const model = copyModelFiles('public/models/fmnist-triplet', dir);

  const { page, errors } = await openPage(app.browser, app.url);
  await page.getByTestId('drop-model').setInputFiles(model);
  await page.getByTestId('model-summary').waitFor({ timeout: 60_000 });
  await page.getByTestId('drop-data').setInputFiles(join(dir, 'val'));
  const preview = page.locator('.prep-preview');
  await preview.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => /too large|as the model receives it/.test(document.querySelector('.prep-preview')?.textContent ?? ''), null, { timeout: 30_000 });
  assert.match((await preview.textContent()) ?? '', /0-bomb\.png: too large to decode: 30,000 × 30,000 pixels \(900 megapixels, over the 80-megapixel limit\); downscale it/);
  const t0 = Date.now();
  await page.evaluate(() => 1);
  assert.ok(Date.now() - t0 < 1000, 'the page answers while the preview is shown');

  await page.getByTestId('run-user').click();
  await page.getByTestId('ap-value').waitFor({ timeout: 120_000 });
  const shown = (await page.getByTestId('error').allTextContents()).join('\n');
  assert.match(shown, /val\/a\/0-bomb\.png: skipped — too large to decode: 30,000 × 30,000 pixels/);
  assert.match((await page.getByTestId('images-skipped').textContent()) ?? '', /1 skipped/);
  assert.deepEqual(errors, []);
  await page.close();
});
