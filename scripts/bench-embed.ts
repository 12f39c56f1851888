/**
 * npm run bench:embed — images per second of the whole embedding pipeline
 * (read the dropped file, decode, preprocess, predict, read back; no cache) against a bare
 * model.predict loop over a ready-made tensor, on the same backend, inside the
 * app's own embedding worker in headless Chromium. Two models: the demo model
 * (dense, 28×28×1) and a small convnet (112×112×3, random weights) where the
 * model, not the decoding, dominates. Run `npm run build` first.
 * Usage: npm run bench:embed [-- --n 2000 --backends wasm,webgl,cpu,webgpu]
 */
import { readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startServer, launchBrowser } from '../tests/e2e/harness';
import { writeConvModel } from './lib/benchModels';

const { values: opts } = parseArgs({ options: { n: { type: 'string', default: '2000' }, backends: { type: 'string', default: 'wasm,webgl,cpu' } } });
const N = Number(opts.n);
const worker = readdirSync('dist/assets').find((f) => /^embed\.worker-.*\.js$/.test(f));
if (!worker) throw new Error('no dist/assets/embed.worker-*.js: run `npm run build` first');

/** Runs in the page (sent as text: tsx would inject helpers the page lacks). */
const PAGE = `async function ({ src, request }) {
  // Dropped files reach the worker as File objects (plus blob: URLs for display): load the images once (not timed) and hand both over.
  const blobs = new Map();
  for (const u of request.imageUrls) {
    const key = u.split('?')[0];
    if (!blobs.has(key)) blobs.set(key, await (await fetch(key)).blob());
  }
  request.imageFiles = request.imageUrls.map((u) => blobs.get(u.split('?')[0]));
  request.imageUrls = request.imageFiles.map((b) => URL.createObjectURL(b));
  const w = new Worker(src, { type: 'module' });
  const answer = await new Promise((resolve) => {
    w.onmessage = (ev) => { if (ev.data.type === 'bench-result' || ev.data.type === 'error') resolve(ev.data); };
    w.onerror = (ev) => resolve({ type: 'error', message: ev.message || 'worker crashed' });
    w.postMessage({ type: 'bench', id: 1, request });
  });
  w.terminate();
  return answer;
}`;

await writeConvModel('dist/bench-convnet', 112);
const manifest = (await import('../public/demo/manifest.json', { with: { type: 'json' } })).default as { images: { path: string }[] };
const stageLines: string[] = [];
const server = await startServer();
const browser = await launchBrowser();
try {
  console.log(`headless Chromium, ${N} images per run (demo PNGs handed over as dropped files are), batch 64, no embedding cache\n`);
  console.log('| model | backend | decode workers | pipeline images/s | bare predict images/s | ratio |');
  console.log('|---|---|---|---|---|---|');
  for (const [label, modelPath, n] of [
    ['demo (dense, 28×28×1)', 'models/fmnist-triplet/model.json', N],
    ['convnet (112×112×3)', 'bench-convnet/model.json', Math.min(N, 512)],
  ] as const) {
    for (const backend of opts.backends.split(',')) {
      const imageUrls = Array.from({ length: n }, (_, k) => `${server.url}demo/${manifest.images[k % manifest.images.length].path}?copy=${k}`);
      const request = { model: { kind: 'url', url: `${server.url}${modelPath}` }, imageUrls, backend, batchSize: 64 };
      const page = await browser.newPage();
      await page.goto(server.url);
      const a = (await page.evaluate(`(${PAGE})(${JSON.stringify({ src: `${server.url}assets/${worker}`, request })})`)) as {
        type: string;
        message?: string;
        result?: { images: number; pipelineSeconds: number; bareSeconds: number; backend: string; decodeWorkers: number; stages?: Record<string, number> };
      };
      if (a.type !== 'bench-result') console.log(`| ${label} | ${backend} | | failed: ${a.message} | | |`);
      else {
        const r = a.result!;
        const pipe = r.images / r.pipelineSeconds;
        const bare = r.images / r.bareSeconds;
        if (r.stages) stageLines.push(`${label}, ${r.backend}: ${Object.entries(r.stages).map(([k, v]) => `${k} ${((1000 * v) / r.images).toFixed(2)}`).join(', ')} ms/image`);
        console.log(`| ${label} | ${r.backend} | ${r.decodeWorkers} | ${pipe.toFixed(0)} | ${bare.toFixed(0)} | ${(pipe / bare).toFixed(2)}× |`);
      }
      await page.close();
    }
  }
  console.log('\nWhere the pipeline time goes (read … decode run in the decode workers, in parallel with the model; waitForPrepared = the model waiting for them):');
  stageLines.forEach((l) => console.log(`- ${l}`));
} finally {
  await browser.close();
  await server.close();
}
