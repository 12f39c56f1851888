import { cpSync, mkdtempSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import { before, after } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { WIDTH, HEIGHT, MARGIN } from '../../src/chart/prChart';

/**
 * Serves the production build (dist/) on 127.0.0.1 — a secure context, so
 * navigator.gpu exists — and drives the system Chromium with WebGPU on
 * SwiftShader. CHROMIUM_PATH overrides the browser binary.
 */
export async function startServer(): Promise<{ url: string; close(): Promise<void> }> {
  const server: PreviewServer = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { url, close: () => server.close() };
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--headless=new',
  '--enable-unsafe-webgpu',
  '--use-webgpu-adapter=swiftshader',
  '--enable-features=Vulkan',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

/** A page whose uncaught errors fail the test that reads `errors`. */
export async function openPage(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return { page, errors };
}

/** Embeddings and labels of the page's current run, copied out of the store. */
export async function readRun(page: Page): Promise<{ embeddings: Float32Array; n: number; dim: number; labels: Int32Array; backend: string }> {
  const raw = await page.evaluate(() => {
    type S = {
      embedding: { embeddings: Float32Array; n: number; dim: number; backend: { chosen: string } };
      dataset: { images: { label: number }[] };
    };
    const s = (window as unknown as { dipscope: { store: { getState(): S } } }).dipscope.store.getState();
    return {
      embeddings: Array.from(s.embedding.embeddings),
      n: s.embedding.n,
      dim: s.embedding.dim,
      labels: s.dataset.images.map((im) => im.label),
      backend: s.embedding.backend.chosen,
    };
  });
  return { ...raw, embeddings: Float32Array.from(raw.embeddings), labels: Int32Array.from(raw.labels) };
}

/** Page coordinates of the curve point (recall, precision) on the linear-axis chart. */
export async function curvePointOnPage(page: Page, recall: number, precision: number): Promise<{ x: number; y: number }> {
  const box = await page.getByTestId('pr-curve').boundingBox();
  if (!box) throw new Error('the chart is not visible');
  const iw = WIDTH - MARGIN.left - MARGIN.right;
  const ih = HEIGHT - MARGIN.top - MARGIN.bottom;
  return {
    x: box.x + ((MARGIN.left + recall * iw) * box.width) / WIDTH,
    y: box.y + ((MARGIN.top + (1 - precision / 1.02) * ih) * box.height) / HEIGHT,
  };
}

/** The most confident curve index with recall ≥ minRecall and at least one false positive (scikit-learn order). */
export function lowRecallPointWithFalsePositives(c: { recall: Float64Array; fp: Float64Array; thresholds: Float64Array }, minRecall: number): number {
  for (let i = c.thresholds.length - 1; i >= 0; i--) if (c.recall[i] >= minRecall && c.fp[i] > 0) return i;
  return -1;
}

/**
 * One served build and one Chromium for a test file: registers node:test
 * before/after hooks and returns getters valid inside the tests.
 */
export function useApp(): { readonly url: string; readonly browser: Browser } {
  let server: Awaited<ReturnType<typeof startServer>> | undefined;
  let browser: Browser | undefined;
  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('useApp(): the server is not started yet');
      return server.url;
    },
    get browser() {
      if (!browser) throw new Error('useApp(): the browser is not started yet');
      return browser;
    },
  };
}

/** Cosine similarity of two equally long vectors. */
export function cosine(a: Float32Array, b: Float32Array): number {
  let ab = 0;
  let aa = 0;
  let bb = 0;
  for (let i = 0; i < a.length; i++) {
    ab += a[i] * b[i];
    aa += a[i] * a[i];
    bb += b[i] * b[i];
  }
  return ab / Math.sqrt(aa * bb);
}

/**
 * Copies a model folder's model.json and shards into a fresh folder under
 * `root` (as a user's download would be) and returns the copies' paths,
 * shards first (the drop must not depend on the order).
 */
export function copyModelFiles(dir: string, root: string): string[] {
  const dest = mkdtempSync(join(root, 'model-'));
  const names = readdirSync(dir).filter((n) => (n.endsWith('.json') && n !== 'reference.json') || n.endsWith('.bin'));
  for (const n of names) cpSync(join(dir, n), join(dest, n));
  return names.sort((a, b) => (a.endsWith('.bin') === b.endsWith('.bin') ? a.localeCompare(b) : a.endsWith('.bin') ? -1 : 1)).map((n) => join(dest, n));
}
