/**
 * The exact PR curve over all pairs of N random embeddings, computed by the
 * app's own metrics worker (the built dist/assets/metrics.worker-*.js) in
 * headless Chromium: 5,000 images → 12.5 M pairs, 10,000 → 50 M.
 * Prints the time from postMessage to the answer, the curve's size and the
 * JS heap. Run `npm run build` first. Usage: npx tsx scripts/bench-worker.ts [5000,10000] [dim]
 */
import { readdirSync } from 'node:fs';
import { startServer, launchBrowser } from '../tests/e2e/harness';

const sizes = (process.argv[2] ?? '2000,5000,10000').split(',').map(Number);
const dim = Number(process.argv[3] ?? 64);
const workerFile = readdirSync('dist/assets').find((f) => /^metrics\.worker-.*\.js$/.test(f));
if (!workerFile) throw new Error('dist/assets has no metrics.worker-*.js: run `npm run build` first');
/** Runs in the page: random L2-normalised embeddings in 20 classes (seeded LCG) → the worker → timing. */
const BROWSER_SIDE = `async function ({ n, dim, src }) {
  let s = 1;
  const rnd = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  const emb = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = 0; k < dim; k++) norm += (emb[i * dim + k] = rnd()) ** 2;
    for (let k = 0; k < dim; k++) emb[i * dim + k] /= Math.sqrt(norm);
  }
  const classes = Int32Array.from({ length: n }, (_, i) => i % 20);
  const w = new Worker(src, { type: 'module' });
  const t0 = performance.now();
  const answer = await new Promise((resolve) => {
    w.onmessage = (ev) => resolve(ev.data);
    w.onerror = (ev) => resolve({ type: 'error', message: ev.message || 'worker crashed (out of memory?)' });
    w.postMessage({ type: 'evaluate', id: 1, request: { embeddings: emb, n, dim, classes, metric: 'neg-sq-l2' } });
  });
  const ms = performance.now() - t0;
  w.terminate();
  const heap = performance.memory ? performance.memory.usedJSHeapSize : NaN;
  if (answer.type !== 'evaluation') return { ms, error: answer.message || answer.type, heap };
  const c = answer.evaluation.curve;
  return { ms, pairs: c.n, thresholds: c.thresholds.length, ap: c.ap, heap };
}`;

const server = await startServer();
const browser = await launchBrowser();
try {
  for (const n of sizes) {
    const page = await browser.newPage();
    await page.goto(server.url);
    // Sent as source text: tsx would otherwise inject helpers the page does not have.
    const result = (await page.evaluate(`(${BROWSER_SIDE})(${JSON.stringify({ n, dim, src: `${server.url}assets/${workerFile}` })})`)) as {
      ms: number;
      heap: number;
      error?: string;
      pairs?: number;
      thresholds?: number;
      ap?: number;
    };
    const pairs = (n * (n - 1)) / 2;
    if (result.error) console.log(`n=${n} (${pairs.toLocaleString('en-US')} pairs, d=${dim}): FAILED after ${(result.ms / 1000).toFixed(1)} s — ${result.error}`);
    else
      console.log(
        `n=${n} (${pairs.toLocaleString('en-US')} pairs, d=${dim}): ${(result.ms / 1000).toFixed(1)} s in the metrics worker (scores + sort + exact curve + transfer); ${result.thresholds!.toLocaleString('en-US')} distinct thresholds; AP ${result.ap!.toFixed(6)}; page heap after ${(result.heap / 2 ** 20).toFixed(0)} MiB`,
      );
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
