import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Browser, Page } from 'playwright-core';
import { startServer, launchBrowser, openPage, readRun, curvePointOnPage, lowRecallPointWithFalsePositives } from './harness';
import { evaluateEmbeddings } from '../../src/metrics/evaluateEmbeddings';
import type { PrCurve } from '../../src/metrics/prCurve';

let server: Awaited<ReturnType<typeof startServer>>;
let browser: Browser;
let page: Page;
let errors: string[];
let curve: PrCurve;

/** The chart's curve colour (--accent in styles.css). */
const CURVE_BLUE = [0x24, 0x58, 0xd6];

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  ({ page, errors } = await openPage(browser, `${server.url}?demo`));
  await page.getByTestId('ap-value').waitFor({ timeout: 180_000 });
  const run = await readRun(page);
  curve = evaluateEmbeddings(run.embeddings, run.n, run.dim, run.labels, 'neg-sq-l2').curve;
  // Select a low-recall point with false positives, as a user would.
  const target = lowRecallPointWithFalsePositives(curve, 0.02);
  assert.ok(target >= 0);
  const at = await curvePointOnPage(page, curve.recall[target], curve.precision[target]);
  await page.mouse.move(at.x, at.y);
  await page.getByTestId('tooltip').waitFor();
  await page.mouse.click(at.x, at.y);
  await page.getByTestId('fp-gallery').waitFor();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function download(testId: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.getByTestId(testId).click()]);
  const path = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await readFile(path) };
}

/** Checks the PNG signature and IHDR, decodes it and measures how much is drawn. */
function inspectPng(bytes: Buffer) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.subarray(12, 16).toString('latin1'), 'IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const png = PNG.sync.read(bytes);
  assert.equal(png.width, width);
  const d = png.data;
  const bg = [d[0], d[1], d[2]];
  let differ = 0;
  let blue = 0;
  let dark = 0;
  for (let p = 0; p < d.length; p += 4) {
    const [r, g, b] = [d[p], d[p + 1], d[p + 2]];
    if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 30) differ++;
    if (Math.abs(r - CURVE_BLUE[0]) + Math.abs(g - CURVE_BLUE[1]) + Math.abs(b - CURVE_BLUE[2]) < 60) blue++;
    if (r + g + b < 200) dark++;
  }
  return { width, height, bg, differShare: differ / (width * height), blue, dark, png };
}

test('export-png saves dipscope-pr-<dataset>-<date>.png: a valid PNG ≥ 600×400 on white, not blank, with the blue curve and a dark title block', async () => {
  const { name, bytes } = await download('export-png');
  assert.match(name, /^dipscope-pr-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.png$/);
  const png = inspectPng(bytes);
  assert.ok(png.width >= 600 && png.height >= 400, `size ${png.width}×${png.height}`);
  assert.deepEqual(png.bg, [255, 255, 255], 'white background');
  assert.ok(png.differShare > 0.02, `${(png.differShare * 100).toFixed(2)} % of pixels drawn`);
  assert.ok(png.blue > 1500, `${png.blue} curve-blue pixels`);
  // The title block (top 10 % of the image) holds dark text.
  let titleDark = 0;
  const d = png.png.data;
  for (let y = 0; y < png.height * 0.1; y++) {
    for (let x = 0; x < png.width; x++) {
      const p = (y * png.width + x) * 4;
      if (d[p] + d[p + 1] + d[p + 2] < 300) titleDark++;
    }
  }
  assert.ok(titleDark > 500, `${titleDark} dark pixels in the title block`);
  assert.match((await page.getByTestId('export-status').textContent()) ?? '', /Saved dipscope-pr-/);
  assert.deepEqual(errors, []);
});

test('export-svg saves a well-formed standalone SVG with the title block (model, data, pairs, the AP shown on the page) and path.curve with inline styles', async () => {
  const { name, bytes } = await download('export-svg');
  assert.match(name, /^dipscope-pr-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.svg$/);
  const text = bytes.toString('utf8');
  const apShown = (await page.getByTestId('ap-value').textContent())!.trim();
  // Parsed by the browser's strict XML parser, detached from the app and its stylesheet.
  const parsed = await page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    const curvePath = doc.querySelector('path.curve');
    return {
      parseError: doc.querySelector('parsererror')?.textContent ?? null,
      root: doc.documentElement.localName,
      width: Number(doc.documentElement.getAttribute('width')),
      height: Number(doc.documentElement.getAttribute('height')),
      title: doc.querySelector('.title-block')?.textContent ?? '',
      curveStyle: curvePath?.getAttribute('style') ?? null,
      curveVertices: (curvePath?.getAttribute('d') ?? '').split('L').length,
      overlays: doc.querySelectorAll('.overlay').length,
    };
  }, text);
  assert.equal(parsed.parseError, null);
  assert.equal(parsed.root, 'svg');
  assert.ok(parsed.width >= 600 && parsed.height >= 400, `${parsed.width}×${parsed.height}`);
  assert.match(parsed.title, new RegExp(`AP ${apShown.replace('.', '\\.')}`));
  assert.match(parsed.title, /model: fmnist-triplet/);
  assert.match(parsed.title, /data: Fashion-MNIST/);
  assert.match(parsed.title, /499,500 pairs/);
  assert.match(parsed.title, /backend: (webgpu|webgl|wasm|cpu)/);
  assert.match(parsed.title, /\d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
  assert.match(parsed.title, /dip/);
  assert.ok(parsed.curveStyle && /stroke:\s*rgb\(36, 88, 214\)/.test(parsed.curveStyle) && /fill:\s*none/.test(parsed.curveStyle), `curve style: ${parsed.curveStyle}`);
  assert.ok(parsed.curveVertices > 100);
  assert.equal(parsed.overlays, 0, 'the click overlay is not exported');
  assert.deepEqual(errors, []);
});

/** The confusion counts of the threshold panel and the pair count the summary shows. */
async function readout() {
  const cell = async (id: string) => Number(await page.getByTestId(`threshold-${id}`).getAttribute('data-value'));
  const pairsText = await page.locator('.summary dt', { hasText: /^Pairs$/ }).locator('xpath=following-sibling::dd').textContent();
  const selectedIdx = await page.evaluate(() => (window as unknown as { dipscope: { store: { getState(): { selectedIdx: number } } } }).dipscope.store.getState().selectedIdx);
  return { tp: await cell('tp'), fp: await cell('fp'), tn: await cell('tn'), fn: await cell('fn'), pairs: Number(pairsText!.split('(')[0].replace(/[^\d]/g, '')), selectedIdx };
}

test('the threshold panel shows TP/FP/TN/FN of the selected point that add up to the pair count; a histogram click selects another point everywhere', async () => {
  const a = await readout();
  assert.equal(a.pairs, curve.n);
  assert.equal(a.tp + a.fp + a.tn + a.fn, a.pairs);
  assert.equal(a.tp, curve.tp[a.selectedIdx]);
  assert.equal(a.fp, curve.fp[a.selectedIdx]);
  assert.equal(a.fn, curve.positives - curve.tp[a.selectedIdx]);

  // Click the middle of the histogram's plot: a lower threshold, more pairs predicted positive.
  const box = (await page.getByTestId('score-histogram').boundingBox())!;
  await page.mouse.click(box.x + box.width * 0.5, box.y + box.height * 0.5);
  await page.waitForFunction((before) => {
    const s = (window as unknown as { dipscope: { store: { getState(): { selectedIdx: number } } } }).dipscope.store.getState();
    return s.selectedIdx !== before;
  }, a.selectedIdx);
  const b = await readout();
  assert.ok(b.selectedIdx < a.selectedIdx, 'lower threshold');
  assert.equal(b.tp + b.fp + b.tn + b.fn, b.pairs);
  assert.equal(b.tp, curve.tp[b.selectedIdx]);
  // The gallery and the ROC marker follow the selection.
  const readoutText = await page.getByTestId('selection').textContent();
  assert.match(readoutText ?? '', new RegExp(`TP ${b.tp.toLocaleString('en-US')}`));
  assert.equal(await page.locator('[data-testid="roc-curve"] .selected-point').isVisible(), true);
  assert.match((await page.getByTestId('roc-auc').textContent()) ?? '', /^AUC 0\.\d{4}$/);
  await page.getByTestId('det-toggle').check();
  await page.getByTestId('det-curve').locator('path.curve').waitFor();
  assert.deepEqual(errors, []);
});

test('the contact sheet is a valid, non-blank PNG of the top false positives', async () => {
  const { name, bytes } = await download('export-contact-sheet');
  assert.match(name, /^dipscope-fp-[a-z0-9-]+-\d{4}-\d{2}-\d{2}\.png$/);
  const png = inspectPng(bytes);
  assert.ok(png.width >= 600 && png.height >= 400, `size ${png.width}×${png.height}`);
  assert.ok(png.differShare > 0.1, `${(png.differShare * 100).toFixed(2)} % of pixels drawn`);
  assert.ok(png.dark > 0.05 * png.width * png.height, 'image backgrounds and text are drawn');
  assert.deepEqual(errors, []);
});

test('Copy PNG puts the chart on the clipboard as a PNG, and says why and what to do when the browser refuses', async () => {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const status = page.getByTestId('export-status');
  await page.getByTestId('copy-png').click();
  await page.waitForFunction(() => !document.querySelector('[data-testid=export-status]')?.textContent?.endsWith('…'));
  assert.equal(await status.textContent(), 'PNG copied to the clipboard');
  const head = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const blob = await items[0].getType('image/png');
    return Array.from(new Uint8Array(await blob.slice(0, 8).arrayBuffer()));
  });
  assert.deepEqual(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  await page.evaluate(() => {
    navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.getByTestId('copy-png').click();
  await page.waitForFunction(() => document.querySelector('[data-testid=export-status]')?.getAttribute('role') === 'alert');
  assert.match((await status.textContent()) ?? '', /did not allow copying.*use “PNG” to download/);
  assert.deepEqual(errors, []);
});

test('with a planted block of cross-class duplicates the chart shows a dip; after Inspect the dip (log recall, zoomed) the exported SVG marks it with a wide band, marker and title line', async () => {
  // Give 20 images of other classes the embedding of image 0: their pairs tie at the top score, mostly false positives.
  await page.evaluate(async () => {
    type S = {
      embedding: { embeddings: Float32Array; dim: number; n: number };
      dataset: { images: { label: number }[] };
      metric: string;
      setMetric(m: string): Promise<void>;
    };
    const store = (window as unknown as { dipscope: { store: { getState(): S; setState(p: Partial<S>): void } } }).dipscope.store;
    const s = store.getState();
    const { dim } = s.embedding;
    const emb = s.embedding.embeddings.slice();
    const labels = s.dataset.images.map((im) => im.label);
    let planted = 0;
    for (let i = 1; i < s.embedding.n && planted < 20; i++) {
      if (labels[i] === labels[0]) continue;
      emb.copyWithin(i * dim, 0, dim);
      planted++;
    }
    store.setState({ embedding: { ...s.embedding, embeddings: emb } });
    await s.setMetric(s.metric);
  });
  await page.getByTestId('dip').waitFor({ timeout: 30_000 });
  // Inspect the dip zooms onto it (log-recall axis): the exported band is wide, not a sliver at recall 0.
  await page.getByRole('button', { name: 'Inspect the dip' }).click();
  assert.equal(await page.getByTestId('axis').inputValue(), 'log');
  const { bytes } = await download('export-svg');
  const parsed = await page.evaluate((src) => {
    const doc = new DOMParser().parseFromString(src, 'image/svg+xml');
    return {
      title: doc.querySelector('.title-block')?.textContent ?? '',
      band: doc.querySelector('rect.dip-band')?.getAttribute('style') ?? null,
      bandWidth: Number(doc.querySelector('rect.dip-band')?.getAttribute('width')),
      marker: doc.querySelector('circle.dip-marker')?.getAttribute('style') ?? null,
    };
  }, bytes.toString('utf8'));
  assert.match(parsed.title, /dip \(red band and marker\): precision 0\.\d{3} vs [01]\.\d{3} up to recall/);
  assert.ok(parsed.band && /fill:\s*rgba\(200, 55, 45, 0\.12\)/.test(parsed.band), `band style: ${parsed.band}`);
  assert.ok(parsed.bandWidth > 150, `band width after Inspect the dip: ${parsed.bandWidth} px`);
  assert.ok(parsed.marker && /fill:\s*rgb\(200, 55, 45\)/.test(parsed.marker), `marker style: ${parsed.marker}`);
  const png = inspectPng((await download('export-png')).bytes);
  assert.ok(png.differShare > 0.02);
  assert.deepEqual(errors, []);
});
