/**
 * npm run bench:embed — images per second of the whole embedding pipeline
 * (read the dropped file, decode, preprocess, predict, read back; no cache) against a bare
 * model.predict loop over a ready-made tensor, on the same backend, inside the
 * app's own embedding worker in headless Chromium. Three models (random
 * weights but the demo's): the demo model (dense, 28×28×1, on the demo PNGs),
 * a tiny convnet at 112×112×3 (demo PNGs scaled up) and a MobileNetV2-sized
 * convnet at 224×224×3 on 256×256 photo-like PNGs, where the model, not the
 * decoding, dominates as it does for real embedding models. Run `npm run
 * build` first.
 * The ratio compares like with like: the bare loop times its batches after
 * one untimed warm-up batch, so the pipeline is timed after its first batch
 * too (that batch also pays for shader/kernel warm-up at the run's batch size
 * and for filling the stream); the end-to-end figure is printed beside it.
 * Usage: npm run bench:embed [-- --n 2000 --backends wasm,webgl,cpu,webgpu --models demo,tiny,224]
 */
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startServer, launchBrowser } from '../tests/e2e/harness';
import { writeConvModel } from './lib/benchModels';
import { photoLike } from './lib/manyImages';

const { values: opts } = parseArgs({ options: { n: { type: 'string', default: '2000' }, backends: { type: 'string', default: 'wasm,webgl,cpu' }, models: { type: 'string', default: 'demo,tiny,224' } } });
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
await writeConvModel('dist/bench-convnet224', 224, [32, 64, 128, 256, 256]);
// Photo-like PNGs served next to the build, as files a user would drop.
const photos = photoLike(256, 256);
rmSync('dist/bench-photos', { recursive: true, force: true });
cpSync(join(photos.dir, 'val'), 'dist/bench-photos', { recursive: true });
const photoPaths = readdirSync('dist/bench-photos', { recursive: true, encoding: 'utf8' }).filter((p) => p.endsWith('.png')).sort();
const manifest = (await import('../public/demo/manifest.json', { with: { type: 'json' } })).default as { images: { path: string }[] };
const stageLines: string[] = [];
const server = await startServer();
const browser = await launchBrowser();
try {
  console.log(`headless Chromium, up to ${N} images per run (handed over as dropped files are), batch 64, no embedding cache\n`);
  console.log('| model | backend | decode workers | pipeline images/s (end to end) | pipeline after its first batch | bare predict images/s | ratio (after first batch) |');
  console.log('|---|---|---|---|---|---|---|');
  const demoUrl = (k: number) => `${server.url}demo/${manifest.images[k % manifest.images.length].path}?copy=${k}`;
  const photoUrl = (k: number) => `${server.url}bench-photos/${photoPaths[k % photoPaths.length]}?copy=${k}`;
  const models = [
    ['demo', 'demo (dense, 28×28×1)', 'models/fmnist-triplet/model.json', N, demoUrl],
    ['tiny', 'tiny convnet (112×112×3)', 'bench-convnet/model.json', Math.min(N, 512), demoUrl],
    ['224', 'convnet 0.3 GMAC (224×224×3), 256² PNGs', 'bench-convnet224/model.json', Math.min(N, 512), photoUrl],
  ] as const;
  for (const [, label, modelPath, n, url] of models.filter(([key]) => opts.models.split(',').includes(key))) {
    for (const backend of opts.backends.split(',')) {
      // The convnets take a long time per batch on the software backends: fewer images there (the 224 one: seconds per batch).
      const count = n === N || backend === 'wasm' ? n : Math.min(n, modelPath.includes('224') ? 128 : 256);
      const imageUrls = Array.from({ length: count }, (_, k) => url(k));
      const request = { model: { kind: 'url', url: `${server.url}${modelPath}` }, imageUrls, backend, batchSize: 64 };
      const page = await browser.newPage();
      await page.goto(server.url);
      const a = (await page.evaluate(`(${PAGE})(${JSON.stringify({ src: `${server.url}assets/${worker}`, request })})`)) as {
        type: string;
        message?: string;
        result?: { images: number; pipelineSeconds: number; steadySeconds?: number; steadyImages: number; bareSeconds: number; backend: string; decodeWorkers: number; stages?: Record<string, number> };
      };
      if (a.type !== 'bench-result') console.log(`| ${label} | ${backend} | | failed: ${a.message} | | | |`);
      else {
        const r = a.result!;
        const pipe = r.images / r.pipelineSeconds;
        const steady = r.steadySeconds && r.steadyImages > 0 ? r.steadyImages / r.steadySeconds : pipe;
        const bare = r.images / r.bareSeconds;
        if (r.stages) stageLines.push(`${label}, ${r.backend}: ${Object.entries(r.stages).map(([k, v]) => `${k} ${((1000 * v) / r.images).toFixed(2)}`).join(', ')} ms/image`);
        console.log(`| ${label} | ${r.backend} | ${r.decodeWorkers} | ${pipe.toFixed(0)} (${(pipe / bare).toFixed(2)}×) | ${steady.toFixed(0)} | ${bare.toFixed(0)} | ${(steady / bare).toFixed(2)}× |`);
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
