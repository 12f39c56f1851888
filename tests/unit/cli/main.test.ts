import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { pairLabels, pairScores, prCurve, retrievalMetrics } from '../../../src/metrics';
import { npyBytes, tempDir } from './npyWriter';
import { runCli } from './runMain';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const p1Scores = tmp.write('p1_scores.npy', npyBytes(Float64Array.from([0.8, 0.8, 0.8, 0.2, 0.2])));
const p1Labels = tmp.write('p1_labels.npy', npyBytes(Uint8Array.from([0, 0, 1, 1, 0]), { descr: '|b1' }));

describe('cli curve --scores S.npy --labels L.npy', () => {
  test('--json prints thresholds, precision, recall, ap, n, positives, excluded_nonfinite (case P1)', async () => {
    const r = await runCli(['curve', '--scores', p1Scores, '--labels', p1Labels, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const out = r.json();
    expect(Object.keys(out).slice(0, 7)).toEqual(['thresholds', 'precision', 'recall', 'ap', 'n', 'positives', 'excluded_nonfinite']);
    expect(out.thresholds).toEqual([0.2, 0.8]);
    expect(out.precision).toEqual([0.4, 1 / 3, 1]);
    expect(out.recall).toEqual([1, 0.5, 0]);
    expect(out.ap).toBeCloseTo(0.3667, 4);
    expect(out).toMatchObject({ n: 5, positives: 2, excluded_nonfinite: 0, roc_auc: 5 / 12 });
  });

  test('--summary (and the default) print the same without the arrays; NaN scores are excluded, counted and named', async () => {
    const s = tmp.write('p3_scores.npy', npyBytes(Float32Array.from([0.9, NaN, 0.1, 0.2])));
    const l = tmp.write('p3_labels.npy', npyBytes(Int32Array.from([1, 0, 0, 1])));
    for (const flags of [['--summary'], []]) {
      const out = (await runCli(['curve', '--scores', s, '--labels', l, ...flags])).json();
      expect(out).not.toHaveProperty('thresholds');
      expect(out).toMatchObject({ ap: 1, n: 3, positives: 2, excluded_nonfinite: 1, excluded_indices: [1] });
      expect(out.warnings).toContain('1 non-finite score excluded');
    }
  });

  test('--csv F reads score,label columns (any order, extra columns ignored) and gives the same curve as .npy', async () => {
    const csv = tmp.write('p1.csv', 'id,label,score\na,0,0.8\nb,0,0.8\nc,1,0.8\nd,true,0.2\ne,false,0.2\n');
    const fromCsv = (await runCli(['curve', '--csv', csv, '--json'])).json();
    const fromNpy = (await runCli(['curve', '--scores', p1Scores, '--labels', p1Labels, '--json'])).json();
    expect(fromCsv).toEqual(fromNpy);
  });

  test('--drop-intermediate thins the arrays but not the AP', async () => {
    const s = tmp.write('d_s.npy', npyBytes(Float64Array.from([3, 1, 5, 2, 4])));
    const l = tmp.write('d_l.npy', npyBytes(Uint8Array.from([0, 1, 1, 0, 0])));
    const out = (await runCli(['curve', '--scores', s, '--labels', l, '--json', '--drop-intermediate'])).json();
    expect(out.thresholds).toEqual([1, 2, 5]);
    expect(out.ap).toBeCloseTo(0.7, 15);
  });
});

describe('cli embeddings --embeddings E.npy --labels L.npy --summary', () => {
  test('prints AP over all pairs and the retrieval metrics, equal to the library on the same data', async () => {
    const emb = Float32Array.from([0, 0, 1, 0, 1.5, 0.5, 4, 1, 10, 2, 3, 3]);
    const classes = Int32Array.from([0, 0, 1, 1, 0, 2]);
    const e = tmp.write('emb.npy', npyBytes(emb, { shape: [6, 2] }));
    const c = tmp.write('cls.npy', npyBytes(BigInt64Array.from(classes, (x) => BigInt(x))));
    const r = await runCli(['embeddings', '--embeddings', e, '--labels', c, '--summary']);
    expect(r.code).toBe(0);
    const out = r.json();
    const scores = pairScores(emb, 6, 2, 'neg-sq-l2');
    const curve = prCurve(scores, pairLabels(classes));
    const ret = retrievalMetrics(scores, 6, classes);
    expect(out).toMatchObject({ ap: curve.ap, n: 15, positives: curve.positives, items: 6, dim: 2, pairs: 15, metric: 'neg-sq-l2' });
    expect(out.retrieval).toEqual({
      queries: 5,
      lone_queries: 1,
      precision_at_1: ret.precisionAt1,
      recall_at_k: { '1': ret.recallAtK[0].value, '5': ret.recallAtK[1].value, '10': ret.recallAtK[2].value },
      r_precision: ret.rPrecision,
      map_at_r: ret.mapAtR,
      nonfinite_scores: 0,
    });
    const cos = (await runCli(['embeddings', '--embeddings', e, '--labels', c, '--metric', 'cosine'])).json();
    expect(cos.metric).toBe('cosine');
    expect((cos.retrieval as Record<string, number>).nonfinite_scores).toBe(5); // item 0 is the zero vector
  });
});

describe('cli errors: exit code 2 and a message naming the file and the fix', () => {
  const cases: [string, string[], RegExp][] = [
    ['mismatched lengths', ['curve', '--scores', p1Scores, '--labels', tmp.write('l4.npy', npyBytes(Uint8Array.from([0, 1, 0, 1])))], /p1_scores\.npy has 5 values but .*l4\.npy has 4; they must be the same length/],
    ['float labels', ['curve', '--scores', p1Scores, '--labels', tmp.write('lf.npy', npyBytes(Float64Array.from([0, 1, 0, 1, 1])))], /lf\.npy: labels must be bool or integer, got dtype f8; save labels\.astype\(numpy\.uint8\)/],
    ['integer scores', ['curve', '--scores', tmp.write('si.npy', npyBytes(Int32Array.from([1, 2, 3, 4, 5]))), '--labels', p1Labels], /si\.npy: scores must be float32 or float64/],
    ['labels other than 0/1', ['curve', '--scores', p1Scores, '--labels', tmp.write('l2.npy', npyBytes(Uint8Array.from([0, 2, 0, 1, 1])))], /l2\.npy: label 2 at index 1/],
    ['empty scores', ['curve', '--scores', tmp.write('e.npy', npyBytes(new Float32Array(0))), '--labels', p1Labels], /e\.npy: empty array/],
    ['empty csv', ['curve', '--csv', tmp.write('e.csv', 'score,label\n')], /e\.csv: no rows after the header/],
    ['csv without header', ['curve', '--csv', tmp.write('h.csv', '0.5,1\n')], /h\.csv: the header row must name a "score" and a "label" column/],
    ['not an npy', ['curve', '--scores', tmp.write('x.npy', 'hello'), '--labels', p1Labels], /x\.npy: is not a NumPy \.npy file/],
    ['missing option', ['curve', '--scores', p1Scores], /curve needs --scores S\.npy and --labels L\.npy/],
    ['unknown command', ['curves'], /unknown command "curves"/],
    ['unknown option', ['curve', '--score', p1Scores], /Unknown option '--score'/],
    ['one embedding', ['embeddings', '--embeddings', tmp.write('e1.npy', npyBytes(Float32Array.from([1, 2]), { shape: [1, 2] })), '--labels', p1Labels], /e1\.npy: need at least 2 embeddings/],
  ];
  test.each(cases)('%s', async (_name, argv, message) => {
    const r = await runCli(argv);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^dipscope: /);
    expect(r.stderr).toMatch(message);
  });

  test('a missing file or a directory is named, with the fix', async () => {
    const missing = await runCli(['curve', '--scores', '/nonexistent/s.npy', '--labels', p1Labels]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/\/nonexistent\/s\.npy: file not found \(looked at \/nonexistent\/s\.npy\); check the path/);
    const dir = await runCli(['curve', '--csv', tmp.dir]);
    expect(dir.code).toBe(2);
    expect(dir.stderr).toMatch(/is a directory; pass the \.npy or \.csv file itself/);
  });
});

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
function spawnCli(argv: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...argv], { cwd: ROOT, encoding: 'utf8' });
}

describe('the CLI as a process (npm run cli runs node --import tsx src/cli/main.ts)', () => {
  test('curve … --summary prints JSON on stdout and exits 0; an input error exits 2 with the message on stderr', () => {
    const r = spawnCli(['curve', '--scores', p1Scores, '--labels', p1Labels, '--summary']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ n: 5, positives: 2, excluded_nonfinite: 0 });
    const bad = spawnCli(['curve', '--scores', p1Scores, '--labels', '/nonexistent/l.npy']);
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toMatch(/^dipscope: \/nonexistent\/l\.npy: file not found/);
  });
});
