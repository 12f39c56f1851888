/**
 * npm run bench:stream — big drops through the real page, as a user makes
 * them: the model and a folder of images go through the file inputs, Run is
 * clicked, and the script prints how fast images were embedded, how much
 * memory Chromium took on top of an idle page (all its processes: page,
 * embedding worker, decode workers), what holding every decoded input at
 * once would take, and the longest main-thread task (the page must not
 * freeze). Sets are made from the bundled demo images (scripts/lib/manyImages.ts).
 * Run `npm run build` first.
 * Usage: npm run bench:stream [-- --fmnist 10000 --photos 2000 --photo-size 256 --model-size 224]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startServer, CHROMIUM_ARGS } from '../tests/e2e/harness';
import { fmnistVariants, photoLike } from './lib/manyImages';
import { writeConvModel } from './lib/benchModels';

const { values: opts } = parseArgs({
  options: { fmnist: { type: 'string', default: '10000' }, photos: { type: 'string', default: '2000' }, 'photo-size': { type: 'string', default: '256' }, 'model-size': { type: 'string', default: '224' } },
});
if (!readdirSync('dist/assets').some((f) => f.startsWith('embed.worker-'))) throw new Error('no build in dist/: run `npm run build` first');

/** Resident memory (KiB) of a process and all its descendants. */
function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const m = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'));
      rss.set(Number(d), m ? Number(m[1]) : 0);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** The pid of the Chromium started with `marker` among its switches. */
function browserPid(marker: string): number {
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      if (readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(marker)) return Number(d);
    } catch {
      // gone
    }
  }
  throw new Error('could not find the Chromium process');
}

interface Figures {
  images: number;
  embedSeconds: number;
  toCurveSeconds: number;
  peakExtraMiB: number;
  longestTaskMs: number;
  longTasksOver200: number;
  backend: string;
}

async function dropAndRun(serverUrl: string, modelDir: string, dataDir: string): Promise<Figures> {
  const marker = `--dipscope-bench=${process.pid}-${Date.now()}`;
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, marker], headless: true });
  try {
    const pid = browserPid(marker);
    const page = await browser.newPage();
    await page.goto(serverUrl);
    await page.evaluate(`(() => {
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    })()`);
    await page.getByTestId('drop-model').setInputFiles(readdirSync(modelDir).map((f) => join(modelDir, f)));
    await page.getByTestId('model-summary').waitFor({ timeout: 120_000 });
    await page.getByTestId('drop-data').setInputFiles(join(dataDir, 'val'));
    await page.getByTestId('data-counts').waitFor({ timeout: 300_000 });
    await page.waitForTimeout(1000);
    const baseline = treeRssKiB(pid);
    await page.evaluate('window.__long = []');
    const t0 = Date.now();
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, treeRssKiB(pid))), 250);
    await page.getByTestId('run-user').click();
    await page.getByTestId('ap-value').waitFor({ timeout: 1_800_000 });
    const toCurve = (Date.now() - t0) / 1000;
    clearInterval(sampler);
    const s = (await page.evaluate(`(() => {
      const s = window.dipscope.store.getState();
      return { n: s.embedding.n, backend: s.embedding.backend.chosen, seconds: s.embedding.seconds.embed, long: window.__long };
    })()`)) as { n: number; backend: string; seconds: number; long: number[] };
    return {
      images: s.n,
      embedSeconds: s.seconds,
      toCurveSeconds: toCurve,
      peakExtraMiB: (peak - baseline) / 1024,
      longestTaskMs: Math.max(0, ...s.long),
      longTasksOver200: s.long.filter((d) => d > 200).length,
      backend: s.backend,
    };
  } finally {
    await browser.close();
  }
}

const server = await startServer();
try {
  const rows: string[] = [];
  const fm = Number(opts.fmnist);
  if (fm > 0) {
    console.error(`writing ${fm} Fashion-MNIST PNGs…`);
    const { dir } = fmnistVariants(Math.ceil(fm / 1000));
    const f = await dropAndRun(server.url, 'public/models/fmnist-triplet', dir);
    const allInputs = (f.images * 28 * 28 * 4) / 2 ** 20;
    rows.push(`| ${f.images} Fashion-MNIST PNGs, demo model 28×28×1 | ${f.backend} | ${(f.images / f.embedSeconds).toFixed(0)} | ${f.toCurveSeconds.toFixed(1)} | ${f.peakExtraMiB.toFixed(0)} | ${allInputs.toFixed(0)} | ${f.longestTaskMs.toFixed(0)} (${f.longTasksOver200} > 200 ms) |`);
  }
  const photos = Number(opts.photos);
  if (photos > 0) {
    const size = Number(opts['photo-size']);
    const modelSize = Number(opts['model-size']);
    console.error(`writing ${photos} ${size}×${size} PNGs and a ${modelSize}×${modelSize} convnet…`);
    const { dir, bytes } = photoLike(photos, size);
    const modelDir = mkdtempSync(join(tmpdir(), 'dipscope-convnet-'));
    await writeConvModel(modelDir, modelSize);
    const f = await dropAndRun(server.url, modelDir, dir);
    const allInputs = (f.images * modelSize * modelSize * 3 * 4) / 2 ** 20;
    rows.push(`| ${f.images} PNGs ${size}×${size} (${(bytes / 2 ** 20).toFixed(0)} MiB), convnet ${modelSize}×${modelSize}×3 | ${f.backend} | ${(f.images / f.embedSeconds).toFixed(1)} | ${f.toCurveSeconds.toFixed(1)} | ${f.peakExtraMiB.toFixed(0)} | ${allInputs.toFixed(0)} | ${f.longestTaskMs.toFixed(0)} (${f.longTasksOver200} > 200 ms) |`);
  }
  console.log('Drops through the page in headless Chromium (auto backend, fresh profile, no cache)\n');
  console.log('| set | backend | embedded images/s | click → curve (s) | peak Chromium memory above idle (MiB) | every decoded input at once would be (MiB) | longest main-thread task (ms) |');
  console.log('|---|---|---|---|---|---|---|');
  rows.forEach((r) => console.log(r));
} finally {
  await server.close();
}
