/**
 * Trains the bundled demo embedding model: a dense network on Fashion-MNIST
 * (train split) with semi-hard triplet loss, on tfjs' wasm backend in Node.
 * Writes model.json + weights + reference.json to the output folder and
 * evaluates pair retrieval on the demo set in public/demo (build it first:
 * npm run demo:data).
 *
 * Run: npx tsx scripts/train-demo-model.ts [--margin 0.5] [--epochs 6] [--out public/models/fmnist-triplet]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { registerL2Normalize, L2Normalize } from '../src/model/l2NormalizeLayer.ts';
import { FASHION_CLASSES, readImages, readLabels } from './lib/idx.ts';
import { readGrayPng } from './lib/png.ts';
import { loadLayersModel, saveLayersModel, useWasmBackend } from './lib/tfjs-node.ts';
import { compareLossForms, PKSampler, tripletSemiHardLossMined } from './lib/triplet.ts';
import { pairScores, precisionAt1, precisionRecall } from './lib/pair-metrics.ts';

const { values: args } = parseArgs({
  options: {
    margin: { type: 'string', default: '0.5' },
    epochs: { type: 'string', default: '6' },
    out: { type: 'string', default: 'public/models/fmnist-triplet' },
    demo: { type: 'string', default: 'public/demo' },
    seed: { type: 'string', default: '42' },
    lr: { type: 'string', default: '0.001' },
  },
});
const MARGIN = Number(args.margin);
const EPOCHS = Number(args.epochs);
const SEED = Number(args.seed);
const LR = Number(args.lr);
const P = 10; // classes per batch (all of Fashion-MNIST's 10)
const K = 13; // images per class per batch → batch of 130
const EMBED_DIM = 64;
const LOG_EVERY = 100;

function buildModel(seed: number): tf.Sequential {
  const init = (i: number) => tf.initializers.glorotUniform({ seed: seed + i });
  const model = tf.sequential({ name: 'fmnist_triplet' });
  model.add(tf.layers.flatten({ inputShape: [28, 28, 1], name: 'flatten' }));
  model.add(tf.layers.dense({ units: 256, activation: 'relu', kernelInitializer: init(1), name: 'dense_1' }));
  model.add(tf.layers.dense({ units: 128, activation: 'relu', kernelInitializer: init(2), name: 'dense_2' }));
  model.add(tf.layers.dense({ units: EMBED_DIM, kernelInitializer: init(3), name: 'embedding' }));
  model.add(new L2Normalize({ name: 'l2_normalize' }));
  return model;
}

/** Embeds uint8 images ([n × 784], row-major) in chunks; returns [n × EMBED_DIM]. */
function embed(model: tf.LayersModel, pixels: Uint8Array, n: number): Float32Array {
  const out = new Float32Array(n * EMBED_DIM);
  for (let start = 0; start < n; start += 250) {
    const m = Math.min(250, n - start);
    const e = tf.tidy(() => {
      const x = tf.div(tf.tensor4d(pixels.subarray(start * 784, (start + m) * 784), [m, 28, 28, 1], 'float32'), 255);
      return model.predict(x) as tf.Tensor;
    });
    out.set(e.dataSync() as Float32Array, start * EMBED_DIM);
    e.dispose();
  }
  return out;
}

async function train(model: tf.LayersModel): Promise<{ steps: number; seconds: number; finalLoss: number }> {
  const images = readImages('train');
  const labels = readLabels('train');
  const x = new Float32Array(images.pixels.length);
  for (let i = 0; i < x.length; i++) x[i] = images.pixels[i] / 255;
  const sampler = new PKSampler(labels, FASHION_CLASSES.length, P, K, SEED);
  const steps = Math.ceil((EPOCHS * images.count) / (P * K));
  const optimizer = tf.train.adam(LR);
  const batch = new Float32Array(P * K * 784);
  console.log(`training: ${steps} steps (${EPOCHS} epochs of ${images.count} images), batch ${P}×${K}, margin ${MARGIN}, Adam lr ${LR}`);
  const t0 = performance.now();
  let recent: number[] = [];
  let finalLoss = NaN;
  for (let step = 1; step <= steps; step++) {
    const { indices, labels: batchLabels } = sampler.next();
    indices.forEach((idx, r) => batch.set(x.subarray(idx * 784, (idx + 1) * 784), r * 784));
    const xs = tf.tensor4d(batch, [P * K, 28, 28, 1]);
    if (step === 1) {
      // The fast (host-mined) loss must match the all-tensor reference form.
      const e = model.predict(xs) as tf.Tensor2D;
      const c = compareLossForms(e, batchLabels, MARGIN);
      e.dispose();
      console.log(`loss check on batch 1: reference ${c.reference.toFixed(6)}, mined ${c.mined.toFixed(6)}, max |Δgrad| ${c.maxGradDiff.toExponential(2)}`);
      if (Math.abs(c.reference - c.mined) > 1e-4 || c.maxGradDiff > 1e-6) throw new Error('loss forms disagree');
    }
    const cost = optimizer.minimize(
      () => tripletSemiHardLossMined(model.apply(xs, { training: true }) as tf.Tensor2D, batchLabels, MARGIN),
      true,
    );
    recent.push(cost!.dataSync()[0]);
    tf.dispose([xs, cost!]);
    if (step % LOG_EVERY === 0 || step === steps) {
      finalLoss = recent.reduce((s, v) => s + v, 0) / recent.length;
      const secs = (performance.now() - t0) / 1000;
      console.log(`step ${step}/${steps}  loss ${finalLoss.toFixed(4)} (mean of last ${recent.length})  ${secs.toFixed(0)} s`);
      recent = [];
    }
  }
  optimizer.dispose();
  return { steps, seconds: (performance.now() - t0) / 1000, finalLoss };
}

function evaluate(model: tf.LayersModel, demoDir: string): void {
  const manifest = JSON.parse(readFileSync(join(demoDir, 'manifest.json'), 'utf8')) as {
    images: { path: string; label: number; class: string }[];
  };
  const n = manifest.images.length;
  const pixels = new Uint8Array(n * 784);
  manifest.images.forEach((im, i) => pixels.set(readGrayPng(join(demoDir, im.path)).pixels, i * 784));
  const labels = manifest.images.map((im) => im.label);
  const emb = embed(model, pixels, n);
  const { scores, a, b } = pairScores(emb, n, EMBED_DIM);
  const positive = Array.from(scores, (_, p) => labels[a[p]] === labels[b[p]]);
  const { ap, curve, numPositive } = precisionRecall(scores, positive);
  console.log(`\ndemo set: ${n} images, ${scores.length} pairs, ${numPositive} positive`);
  console.log(`AP (sklearn average_precision_score): ${ap.toFixed(4)}`);
  console.log(`precision@1: ${precisionAt1(scores, a, b, labels).toFixed(4)}`);
  console.log(`chance level (positive share): ${(numPositive / scores.length).toFixed(4)}`);

  // Low-recall behaviour: precision at the first thresholds vs at recall 0.1.
  const atRecall = (r: number) => curve.find((pt) => pt.recall >= r)!;
  const atPairs = (k: number) => curve.find((pt) => pt.tp + pt.fp >= k)!;
  const p10 = atRecall(0.1).precision;
  console.log('precision at the first 10 distinct thresholds: ' + curve.slice(0, 10).map((pt) => pt.precision.toFixed(3)).join(' '));
  for (const k of [1, 5, 10, 20, 50, 100, 500, 1000]) {
    const pt = atPairs(k);
    console.log(`  top ${pt.tp + pt.fp} pairs: precision ${pt.precision.toFixed(4)} (${pt.fp} false positives)`);
  }
  for (const r of [0.01, 0.05, 0.1, 0.2, 0.5, 0.8]) console.log(`  recall ≥ ${r}: precision ${atRecall(r).precision.toFixed(4)}`);
  const firstFp = curve.find((pt) => pt.fp > 0)!;
  console.log(`first false positive at rank ${firstFp.tp + firstFp.fp} (recall ${firstFp.recall.toFixed(4)})`);
  const p50 = atPairs(50).precision;
  const minEarly = Math.min(...curve.slice(0, 10).map((pt) => pt.precision));
  console.log(`dip at low recall: ${p50 < p10 || minEarly < p10 ? 'YES' : 'no'} (top-50 precision ${p50.toFixed(4)}, min over first 10 thresholds ${minEarly.toFixed(4)}, precision at recall 0.1 ${p10.toFixed(4)})`);

  const negatives = Array.from(scores.keys()).filter((p) => !positive[p]).sort((p, q) => scores[q] - scores[p]);
  console.log('top 10 most confident false positives:');
  for (const p of negatives.slice(0, 10)) {
    const ia = manifest.images[a[p]];
    const ib = manifest.images[b[p]];
    console.log(`  ${scores[p].toFixed(5)}  ${ia.path} (${ia.class})  ~  ${ib.path} (${ib.class})`);
  }
}

async function main(): Promise<void> {
  await useWasmBackend();
  registerL2Normalize();
  tf.util.assert(tf.getBackend() === 'wasm', () => 'wasm backend not active');
  const model = buildModel(SEED);
  model.summary();
  const { steps, seconds, finalLoss } = await train(model);
  console.log(`trained ${steps} steps in ${seconds.toFixed(1)} s, final loss ${finalLoss.toFixed(4)}`);

  model.setUserDefinedMetadata({
    dipscope: {
      preprocessing: { size: [28, 28], channels: 1, normalization: 'unit', channelOrder: 'rgb' },
      embedding: 'l2-normalized',
      score: 'neg-squared-l2',
      margin: MARGIN,
    },
  });
  const sizes = await saveLayersModel(model, args.out);
  console.log(`saved ${args.out}: model.json ${sizes.modelJsonBytes} B, weights ${sizes.weightBytes} B, ${model.countParams()} parameters`);

  // Reload from disk (checks the files and the L2Normalize registration) and use that copy from here on.
  const reloaded = await loadLayersModel(args.out);
  const manifest = JSON.parse(readFileSync(join(args.demo, 'manifest.json'), 'utf8')) as { images: { path: string; label: number }[] };
  const refPaths = [0, FASHION_CLASSES.length - 1].map((c) => manifest.images.find((im) => im.label === c)!.path);
  const refPixels = refPaths.map((p) => readGrayPng(join(args.demo, p)).pixels);
  const refEmb = refPixels.map((px) => Array.from(embed(reloaded, px, 1)));
  const fresh = refPixels.map((px) => embed(model, px, 1));
  const maxDiff = Math.max(...refEmb.flatMap((e, i) => e.map((v, k) => Math.abs(v - fresh[i][k]))));
  if (maxDiff > 1e-6) throw new Error(`reloaded model differs from trained model by ${maxDiff}`);
  const reference = {
    inputs: refPaths.map((path, i) => ({ path, pixels: Array.from(refPixels[i]) })),
    embeddings: refEmb,
    backend: 'wasm',
  };
  writeFileSync(join(args.out, 'reference.json'), JSON.stringify(reference) + '\n');
  console.log(`wrote reference.json (${refPaths.join(', ')})`);

  evaluate(reloaded, args.demo);
}

await main();
