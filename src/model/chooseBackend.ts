import * as tf from '@tensorflow/tfjs';
import type { BackendName, BackendReport, BackendTrial } from './backendTypes';
import type { EmbeddingModel, LoadedArtifacts } from './loadModel';
import { buildModel } from './loadModel';
import type { Preprocessing } from './preprocess';
import { preprocessingFromModel, inputSize } from './preprocess';
import { embedBatch } from './embed';
import { arithmeticSelfTest, isAllZero } from './selfTest';
import type { ReferenceEmbeddings } from './referenceCheck';
import { referenceError, validateReference, REFERENCE_TOLERANCE } from './referenceCheck';
import { AUTO_ORDER, pickBackend } from './pickBackend';
import type { GpuProbe } from './gpuProbe';

export interface ChooseBackendOptions {
  loaded: LoadedArtifacts;
  /** Parsed reference.json (validated here against the model's input), or null when the model has none. */
  reference: unknown | null;
  forced?: BackendName;
  /** Hardware probes (injected so Node tests can run without a browser). */
  probes: { webgpu(): Promise<GpuProbe>; webgl(): GpuProbe };
  /** Images per timing batch. */
  probeBatch?: number;
  onTrial?: (name: BackendName) => void;
  /** The preprocessing the run will use (the user's edit); the warm-up feeds images of its size, so a size the model cannot take fails here, on every backend, not mid-run. Absent: the model's own. */
  preprocessing?: Preprocessing;
}

export interface ChosenBackend {
  report: BackendReport;
  model: EmbeddingModel;
  preprocessing: Preprocessing;
}

/**
 * Tries each candidate backend: arithmetic self-test, model build, a warm-up
 * batch (catches a missing kernel, B3), finite/non-zero output and the stored
 * reference embedding (B2), then a timed batch. Picks the fastest that passed
 * (B4) unless one is forced. The returned model lives on the chosen backend,
 * which is left active; every other trial's model is disposed.
 */
export async function chooseBackend(opts: ChooseBackendOptions): Promise<ChosenBackend> {
  const trials: BackendTrial[] = [];
  const built = new Map<BackendName, { model: EmbeddingModel; preprocessing: Preprocessing }>();
  const candidates: BackendName[] = opts.forced ? [opts.forced] : [...AUTO_ORDER];
  let detail: string | undefined;

  const tryOne = async (name: BackendName) => {
    opts.onTrial?.(name);
    const skip = await hardwareGate(name, opts, !!opts.forced);
    if (skip?.skip) {
      trials.push({ name, status: 'skipped', reason: skip.reason });
      return;
    }
    if (skip?.description) detail = skip.description;
    const trial = await runTrial(name, opts, built);
    trials.push(trial);
  };

  for (const name of candidates) await tryOne(name);
  if (!opts.forced && !trials.some((t) => t.status === 'ok')) await tryOne('cpu');

  const chosen = pickBackend(trials, opts.forced);
  for (const [name, b] of built) if (name !== chosen) disposeQuietly(b.model);
  if (!chosen || !built.has(chosen)) {
    const ran = trials.filter((t) => t.status === 'failed');
    // Every backend disagreeing with the stored reference in the same way points at the file, not the backends.
    if (ran.length > 1 && ran.every((t) => t.reason?.startsWith('reference embedding mismatch'))) {
      throw new Error(`every backend disagrees with reference.json (${ran.map((t) => t.name).join(', ')}): the reference is probably stale or from another model — regenerate it with \`npm run demo:train\``);
    }
    // Every backend that ran the model failing the same way (or the cpu backend, tfjs' reference, alone) is the model's doing
    // (zero or NaN outputs, a wrong input dtype), not the backends'.
    const ranModel = ran.filter((t) => !/^(could not be initialised|self-test:|reference)/.test(t.reason ?? ''));
    const reasons = new Set(ranModel.map((t) => t.reason));
    const outputFault = /all-zero|NaN or infinite/.test(ranModel[0]?.reason ?? '');
    if (reasons.size === 1 && (ranModel.length > 1 || (ranModel[0].name === 'cpu' && outputFault))) {
      const reason = ranModel[0].reason ?? 'failed';
      const where = ranModel.length > 1 ? `on every backend that ran it (${ranModel.map((t) => t.name).join(', ')})` : 'on the cpu backend, tfjs\' reference implementation';
      throw new Error(`the model itself fails ${where}: ${reason}. This is the model, not a backend — ${modelFaultFix(reason, opts.preprocessing)}`);
    }
    const why = trials.map((t) => `${t.name}: ${t.status}${t.reason ? ` (${t.reason})` : ''}`).join('; ');
    const p = opts.preprocessing;
    // Fed the user's size, the likeliest fault is that size: said first, the per-backend details after.
    if (p && ranModel.length > 0) {
      throw new Error(
        `no backend could run this model on ${inputSizeHint(p)}; otherwise check that the exported model runs in TensorFlow.js as it is. Backends tried — ${why}`,
      );
    }
    throw new Error(`no backend could run this model — ${why}`);
  }
  await tf.setBackend(chosen);
  const b = built.get(chosen)!;
  const note = opts.reference ? undefined : 'no stored reference embeddings for this model (the bundled demo model has them): the arithmetic self-test and the warm-up batch checked the backend';
  return { report: { chosen, forced: !!opts.forced, trials, detail: chosen === 'webgpu' || chosen === 'webgl' ? detail : undefined, note }, ...b };
}

async function hardwareGate(name: BackendName, opts: ChooseBackendOptions, forced: boolean): Promise<{ skip: boolean; reason?: string; description?: string } | null> {
  if (name !== 'webgpu' && name !== 'webgl') return null;
  const probe = name === 'webgpu' ? await opts.probes.webgpu() : opts.probes.webgl();
  if (!probe.available) return { skip: true, reason: probe.description };
  if (probe.software && !forced) {
    return { skip: true, reason: `software adapter (${probe.description}); slower than WASM — force it with ?backend=${name}` };
  }
  return { skip: false, description: probe.description };
}

async function runTrial(
  name: BackendName,
  opts: ChooseBackendOptions,
  built: Map<BackendName, { model: EmbeddingModel; preprocessing: Preprocessing }>,
): Promise<BackendTrial> {
  let model: EmbeddingModel | null = null;
  try {
    if (!(await tf.setBackend(name))) return { name, status: 'failed', reason: 'could not be initialised' };
    await tf.ready();
    const wrong = await arithmeticSelfTest();
    if (wrong) return { name, status: 'failed', reason: `self-test: ${wrong}` };
    model = await buildModel(opts.loaded);
    const own = preprocessingFromModel(model.inputShape, opts.loaded.metadata, model.inputDtype);
    const p = opts.preprocessing ?? own;
    const batch = opts.probeBatch ?? 16;
    const probe = syntheticBatch(batch, inputSize(p));
    const warm = await embedBatch(model, probe, batch, p); // B3: a missing kernel throws here
    if (!warm.values.every(Number.isFinite)) throw new Error('warm-up produced NaN or infinite embeddings');
    if (isAllZero(warm.values)) throw new Error('warm-up produced all-zero embeddings');
    let refErr: number | undefined;
    if (opts.reference) {
      const ref: ReferenceEmbeddings = validateReference(opts.reference, own); // a broken file throws, naming itself
      refErr = await referenceError(model, own, ref);
      if (!(refErr <= REFERENCE_TOLERANCE)) {
        throw new Error(`reference embedding mismatch: max |Δ| = ${refErr.toExponential(2)} > ${REFERENCE_TOLERANCE} — this backend computes wrong numbers`);
      }
    }
    const t0 = performance.now();
    await embedBatch(model, probe, batch, p);
    const seconds = Math.max((performance.now() - t0) / 1000, 1e-6);
    built.set(name, { model, preprocessing: own });
    return { name, status: 'ok', imagesPerSecond: batch / seconds, referenceError: refErr };
  } catch (e) {
    if (model) disposeQuietly(model);
    return { name, status: 'failed', reason: (e as Error).message };
  }
}

/** Deterministic mid-grey noise, so timing does not depend on image decoding. */
function syntheticBatch(count: number, size: number): Float32Array {
  const out = new Float32Array(count * size);
  let s = 12345;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    out[i] = 0.25 + 0.5 * (s / 2 ** 32);
  }
  return out;
}

/**
 * Disposes a model whose backend may be broken: after a WASM trap ("memory
 * access out of bounds") freeing its tensors traps again, and that second,
 * bare error must not replace the one that says what went wrong. The
 * embedding worker is replaced after a failed run, so nothing leaks for long.
 */
export function disposeQuietly(model: { dispose(): void }): void {
  try {
    model.dispose();
  } catch {
    // the backend is unusable; see above
  }
}

/** The size the model was fed and what to do if it is wrong: said by every failure that may come from the user's input size. */
export function inputSizeHint(p: Preprocessing): string {
  return `${p.width} × ${p.height} × ${p.channels} images (the preprocessing panel's input size): if that is not the size and channels the model was trained with, set them (a model that takes any size still needs one its layers can shrink, e.g. 224 × 224)`;
}

/** What to do about a fault every backend shows. */
function modelFaultFix(reason: string, p?: Preprocessing): string {
  const fed = p ? `; it was fed ${inputSizeHint(p)}` : '';
  if (/all-zero/.test(reason)) return `its embeddings are all zero: check that the weights were exported with the model (not a freshly initialised one) and that the chosen output is the embedding${fed}`;
  if (/NaN|infinite/.test(reason)) return `its embeddings hold NaN or infinity: check the exported weights, and for an L2-normalise layer that it guards against a zero norm (epsilon)${fed}`;
  return `check that the exported model runs in TensorFlow.js as it is (tensorflowjs_converter, then tf.loadGraphModel / tf.loadLayersModel)${fed}`;
}
