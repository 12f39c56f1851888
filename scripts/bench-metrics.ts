/**
 * npm run bench:metrics [-- --sizes 1000000,12497500 --repeat 3 --with-50m]
 *
 * For each size n: writes n seeded random float32 scores with heavy ties
 * (a 2^-16 grid) and 0/1 labels (10 % positive) as .npy files in a temp dir,
 * then prints the median wall time of
 *   - the CLI as a whole process: node --import tsx src/cli/main.ts curve … --summary
 *     (what `npm run --silent cli` runs, minus npm's own ~0.3 s start-up);
 *   - the same CLI pre-bundled to one .mjs with esbuild (tsx's own dependency;
 *     skipped if absent): what a packaged release would run, without tsx's
 *     ~0.3 s loader start-up;
 *   - scikit-learn as a whole process on the same files (numpy.load,
 *     precision_recall_curve, average_precision_score), if /usr/bin/python3 has it;
 *   - a bare radix argsort of the same scores as a whole process started like
 *     the CLI (scripts/bare-sort.ts: read the .npy, sort), and in-process
 *     (no process start, no file read), and prCurve in-process for reference;
 * with the ratios. Targets: CLI ≤ 0.5 × scikit-learn and ≤ 1.5 × the bare sort.
 * Each figure is "wall / CPU" seconds: CPU (user + sys, via /usr/bin/time or
 * process.cpuUsage) is what to compare on a shared machine, where wall time
 * includes waiting for other processes; the load average is printed too.
 * --with-50m adds 49,995,000 scores (all pairs of 10,000 images; CLI, sort and prCurve only unless --sklearn-50m).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { argsortDescending, averagePrecision } from '../src/metrics';

const { values: opts } = parseArgs({
  options: {
    sizes: { type: 'string', default: '1000000,12497500' },
    repeat: { type: 'string', default: '3' },
    'with-50m': { type: 'boolean', default: false },
    'sklearn-50m': { type: 'boolean', default: false },
  },
});
const sizes = opts.sizes.split(',').map(Number);
if (opts['with-50m']) sizes.push(49_995_000);
const repeat = Number(opts.repeat);
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';

/** xorshift128+-style seeded uniform [0, 1) (deterministic across runs). */
function rng(seed: number): () => number {
  let a = seed >>> 0 || 1;
  let b = 0x9e3779b9;
  return () => {
    let t = a ^ (a << 11);
    a = b;
    b = (b ^ (b >>> 19) ^ (t ^ (t >>> 8))) >>> 0;
    t = b;
    return t / 4294967296;
  };
}

function npy(data: Float32Array | Uint8Array, descr: string): Buffer {
  let header = `{'descr': '${descr}', 'fortran_order': False, 'shape': (${data.length},), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  Buffer.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0]).copy(head);
  head.writeUInt16LE(header.length, 8);
  return Buffer.concat([head, Buffer.from(header, 'latin1'), Buffer.from(data.buffer, data.byteOffset, data.byteLength)]);
}

function generate(n: number, seed: number): { scores: Float32Array; labels: Uint8Array } {
  const next = rng(seed);
  const scores = new Float32Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const y = next() < 0.1 ? 1 : 0;
    labels[i] = y;
    scores[i] = Math.round((next() * 0.8 + y * 0.2 * next()) * 65536) / 65536; // ≤ 65,537 distinct values
  }
  return { scores, labels };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

interface Timing {
  /** median wall seconds */
  wall: number;
  /** median CPU seconds (user + sys); equal to wall when it cannot be measured */
  cpu: number;
}

/** Median wall and CPU seconds of a whole process, its peak RSS (MiB) and last stdout. */
function timeProcess(cmd: string, args: string[]): Timing & { rssMiB: number | null; stdout: string } {
  const hasTime = spawnSync(TIME, ['-f', '%M', 'true']).status === 0;
  const walls: number[] = [];
  const cpus: number[] = [];
  let rss: number | null = null;
  let stdout = '';
  for (let r = 0; r < repeat; r++) {
    const t0 = performance.now();
    const p = hasTime
      ? spawnSync(TIME, ['-f', '%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
      : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
    const wall = (performance.now() - t0) / 1000;
    walls.push(wall);
    if (p.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${p.status}): ${p.stderr}`);
    stdout = p.stdout;
    if (hasTime) {
      const [user, sys, kb] = p.stderr.trim().split('\n').pop()!.split(' ').map(Number);
      cpus.push(user + sys);
      rss = Math.max(rss ?? 0, kb / 1024);
    } else cpus.push(wall);
  }
  return { wall: median(walls), cpu: median(cpus), rssMiB: rss, stdout };
}

function timeInProcess(f: () => void): Timing {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < repeat; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    f();
    walls.push((performance.now() - t0) / 1000);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1e6);
  }
  return { wall: median(walls), cpu: median(cpus) };
}

const SKLEARN = `import sys, numpy as np
from sklearn.metrics import precision_recall_curve, average_precision_score
s = np.load(sys.argv[1]); y = np.load(sys.argv[2])
p, r, t = precision_recall_curve(y, s)
print(average_precision_score(y, s), len(t))`;
const haveSklearn = spawnSync(PYTHON, ['-c', 'import sklearn']).status === 0;

const dir = mkdtempSync(join(tmpdir(), 'dipscope-bench-'));
const fmt = (t: Timing | null) => (t === null ? '—' : `${t.wall.toFixed(2)} / ${t.cpu.toFixed(2)}`);
const ratio = (a: number, b: number | undefined) => (b === undefined ? '—' : `${(a / b).toFixed(2)}×`);
try {
  const tiny = generate(10, 1);
  writeFileSync(join(dir, 'tiny_s.npy'), npy(tiny.scores, '<f4'));
  writeFileSync(join(dir, 'tiny_l.npy'), npy(tiny.labels, '|u1'));
  const cliArgs = (s: string, l: string) => ['--import', 'tsx', 'src/cli/main.ts', 'curve', '--scores', s, '--labels', l, '--summary'];
  timeProcess(process.execPath, cliArgs(join(dir, 'tiny_s.npy'), join(dir, 'tiny_l.npy'))); // warm tsx's cache
  const floor = timeProcess(process.execPath, cliArgs(join(dir, 'tiny_s.npy'), join(dir, 'tiny_l.npy')));
  const bundle = join(dir, 'cli.mjs');
  const esbuild = join('node_modules', '.bin', 'esbuild');
  const bundled =
    existsSync(esbuild) &&
    spawnSync(esbuild, ['src/cli/main.ts', '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`, '--log-level=warning']).status === 0;
  const bundledArgs = (s: string, l: string) => [bundle, ...cliArgs(s, l).slice(3)];
  const bundledFloor = bundled ? timeProcess(process.execPath, bundledArgs(join(dir, 'tiny_s.npy'), join(dir, 'tiny_l.npy'))) : null;
  const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`node ${process.version}; ${repeat} runs each, median; times are wall / CPU seconds; load average at start ${load()}`);
  console.log(`CLI start-up floor (10 scores): ${fmt(floor)} via tsx, ${bundled ? fmt(bundledFloor) : 'n/a'} pre-bundled`);
  console.log(`scikit-learn: ${haveSklearn ? spawnSync(PYTHON, ['-c', 'import sklearn; print(sklearn.__version__)'], { encoding: 'utf8' }).stdout.trim() : 'sklearn not installed'}\n`);
  console.log(
    '| n | CLI process (tsx) | CLI RSS | CLI pre-bundled | sklearn process | sklearn RSS | bare sort process (tsx: read .npy + argsort) | bare argsort (in-process) | prCurve (in-process) | CLI / sklearn | CLI / bare sort process | bundled / sklearn | bundled / in-process sort |',
  );
  console.log('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  for (const n of sizes) {
    const { scores, labels } = generate(n, 42);
    const s = join(dir, `s_${n}.npy`);
    const l = join(dir, `l_${n}.npy`);
    writeFileSync(s, npy(scores, '<f4'));
    writeFileSync(l, npy(labels, '|u1'));
    const cli = timeProcess(process.execPath, cliArgs(s, l));
    const cliAp = (JSON.parse(cli.stdout) as { ap: number }).ap;
    const bun = bundled ? timeProcess(process.execPath, bundledArgs(s, l)) : null;
    const runSk = haveSklearn && (n < 4e7 || opts['sklearn-50m']);
    const sk = runSk ? timeProcess(PYTHON, ['-c', SKLEARN, s, l]) : null;
    if (sk && Math.abs(Number(sk.stdout.split(' ')[0]) - cliAp) > 1e-9) throw new Error(`AP differs: CLI ${cliAp}, sklearn ${sk.stdout}`);
    const sortProc = timeProcess(process.execPath, ['--import', 'tsx', 'scripts/bare-sort.ts', s]);
    const sort = timeInProcess(() => argsortDescending(scores));
    const curve = timeInProcess(() => averagePrecision(scores, labels));
    const skCell = sk ? fmt(sk) : haveSklearn ? 'skipped' : 'sklearn not installed';
    console.log(
      `| ${n.toLocaleString('en-US')} | ${fmt(cli)} | ${cli.rssMiB?.toFixed(0) ?? '—'} MiB | ${fmt(bun)} | ${skCell} | ${sk?.rssMiB?.toFixed(0) ?? '—'} MiB | ${fmt(sortProc)} | ${fmt(sort)} | ${fmt(curve)} | ` +
        `${ratio(cli.cpu, sk?.cpu)} | ${ratio(cli.cpu, sortProc.cpu)} | ${bun ? ratio(bun.cpu, sk?.cpu) : '—'} | ${bun ? ratio(bun.cpu, sort.cpu) : '—'} |`,
    );
    rmSync(s);
    rmSync(l);
  }
  console.log(`\nRatios use CPU seconds. load average at end ${load()}. AP of every run was checked against scikit-learn (|Δ| ≤ 1e-9) where it ran.`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
