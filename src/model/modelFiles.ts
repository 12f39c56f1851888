import * as tf from '@tensorflow/tfjs';
import { asUint8, decodeText, type NamedBytes } from '../io/bytes';
import { InputError } from '../io/inputIssue';
import { isImagePath, normalizePath } from '../io/pathRules';
import { detectModelFormat, type FormatDetection } from './modelFormat';
import { weightByteLength, WeightDtypeError } from './weightSubset';

/** Why a dropped model cannot be used (the UI may word each kind differently). */
export type ModelFileProblem =
  | 'no-model-json' // nothing that parses as a tfjs model.json (maybe a .h5/.keras/.pb/.onnx/.pt)
  | 'several-models' // more than one model.json
  | 'bad-json' // model.json is not JSON, or lacks a usable manifest
  | 'no-weights' // model.json alone (M5c)
  | 'missing-shard' // some shards named by the manifest were not dropped (M5b)
  | 'shard-size'; // the shards hold more or fewer bytes than the manifest says (M5d)

/** An `InputError` (file, field, message, fix) with the kind of problem. */
export class ModelFileError extends InputError {
  constructor(
    readonly problem: ModelFileProblem,
    issue: { file: string; field?: string; message: string; fix: string },
  ) {
    super(issue);
    this.name = 'ModelFileError';
  }
}

export interface AssembledModel {
  artifacts: tf.io.ModelArtifacts;
  detection: FormatDetection;
  /** The model.json's name as dropped. */
  modelJson: string;
  /** Dropped files the model does not use (a README, another model's shard): show them, do not fail. */
  unused: string[];
  /** What was assumed to assemble it (a renamed shard used in place of the one the manifest names). */
  notes: string[];
}

const OTHER_FORMATS: [RegExp, string][] = [
  [/\.(h5|hdf5)$/i, 'a Keras model: convert it with `tensorflowjs_converter --input_format keras model.h5 out/` (see README "Convert your model")'],
  [/\.keras$/i, 'a Keras 3 model: save it as .h5 in Python (keras.models.load_model("model.keras", compile=False).save("model.h5")), then convert with `tensorflowjs_converter --input_format keras model.h5 out/` (see README "Convert your model")'],
  [/(^|\/)saved_model\.pbt?$|\.pb$/i, 'a TensorFlow SavedModel / GraphDef: convert the SavedModel folder with `tensorflowjs_converter --input_format tf_saved_model --output_format tfjs_graph_model saved_model/ out/`'],
  [/\.onnx$/i, 'an ONNX model: convert it to TensorFlow (onnx2tf) and then with tensorflowjs_converter'],
  [/\.(pt|pth|ckpt|safetensors)$/i, 'a PyTorch checkpoint: export to ONNX, convert to TensorFlow (onnx2tf), then with tensorflowjs_converter'],
  [/\.tflite$/i, 'a TFLite model: convert the original SavedModel with tensorflowjs_converter instead'],
];

/**
 * Turns the files of one dropped model — `model.json` plus its weight shards,
 * in any order (case M5a), from a file picker, a folder (relative paths) or
 * a zip (see readZip) — into tfjs ModelArtifacts, checking everything a
 * loader would otherwise get wrong silently:
 *
 * - M5b: a shard named by `weightsManifest` is missing → names the file(s).
 * - M5c: `model.json` alone → refused: tfjs would build the model with fresh
 *   random weights and every curve would be noise.
 * - M5d: shards holding fewer/more bytes than the manifest's weights need →
 *   states expected vs actual bytes and which shard looks wrong.
 * - M4: the format is detected from the topology before any loader runs.
 *
 * Shards are found by path relative to model.json, else by file name. The
 * weight data is handed over as one ArrayBuffer per shard (no concatenation).
 * Contract: `files` are {name: relative path or file name, bytes}. Throws
 * `ModelFileError`.
 */
export async function assembleModelFiles(files: readonly NamedBytes[]): Promise<AssembledModel> {
  const { entry, json } = findModelJson(files);
  const modelJson = entry.name;
  let detection: FormatDetection;
  try {
    detection = detectModelFormat(json);
  } catch (e) {
    throw new ModelFileError('bad-json', { file: modelJson, field: 'modelTopology', message: (e as Error).message, fix: 'drop the model.json written by tensorflowjs_converter' });
  }
  const manifest = readManifest(json, modelJson);
  const notes: string[] = [];
  let shards: NamedBytes[][];
  try {
    shards = resolveShards(manifest, files, modelJson, notes);
    checkSizes(manifest, shards, modelJson);
  } catch (e) {
    if (e instanceof WeightDtypeError) throw new ModelFileError('bad-json', { file: modelJson, field: 'weightsManifest', message: e.message, fix: e.fix });
    throw e;
  }
  const used = new Set<NamedBytes>([entry, ...shards.flat()]);
  const unused = files.filter((f) => !used.has(f)).map((f) => f.name);
  const artifacts = await tf.io.getModelArtifactsForJSON(json as unknown as tf.io.ModelJSON, async () => [
    manifest.flatMap((g) => g.weights),
    shards.flat().map((f) => exactBuffer(asUint8(f.bytes))),
  ]);
  return { artifacts, detection, modelJson, unused, notes };
}

function findModelJson(files: readonly NamedBytes[]): { entry: NamedBytes; json: Record<string, unknown> } {
  const found: { entry: NamedBytes; json: Record<string, unknown> }[] = [];
  for (const f of files) {
    if (!/\.json$/i.test(f.name)) continue;
    let json: unknown;
    try {
      json = JSON.parse(decodeText(f.bytes, f.name));
    } catch (e) {
      if (/(^|\/)model\.json$/i.test(f.name)) {
        throw new ModelFileError('bad-json', { file: f.name, message: `is not valid JSON (${(e as Error).message})`, fix: 'drop the model.json exactly as tensorflowjs_converter wrote it (was the download cut short?)' });
      }
      continue;
    }
    if (json && typeof json === 'object' && ('modelTopology' in json || 'weightsManifest' in json)) found.push({ entry: f, json: json as Record<string, unknown> });
  }
  if (found.length > 1) {
    throw new ModelFileError('several-models', { file: found.map((f) => f.entry.name).join(', '), message: `${found.length} model.json files were dropped`, fix: 'drop one model at a time (its model.json and its .bin shards)' });
  }
  if (found.length === 0) {
    const other = files.map((f) => [f.name, OTHER_FORMATS.find(([re]) => re.test(f.name))?.[1]] as const).find(([, hint]) => hint);
    if (other) throw new ModelFileError('no-model-json', { file: other[0], message: `is ${other[1]!.split(':')[0]}, not a TensorFlow.js model`, fix: other[1]!.split(': ').slice(1).join(': ') });
    const names = files.slice(0, 4).map((f) => f.name).join(', ');
    const images = files.filter((f) => isImagePath(f.name)).length;
    if (images > 0 && images >= files.length / 2) {
      throw new ModelFileError('no-model-json', { file: names, message: `${images === 1 ? 'is an image' : `are ${images.toLocaleString('en-US')} images`}, not a TensorFlow.js model`, fix: 'drop the images on "2. Your validation images", and here the model.json that tensorflowjs_converter wrote with its .bin shards' });
    }
    throw new ModelFileError('no-model-json', { file: names || '(no files)', message: 'contains no model.json', fix: 'drop the model.json that tensorflowjs_converter wrote together with its .bin shards' });
  }
  return found[0];
}

function readManifest(json: Record<string, unknown>, file: string): tf.io.WeightsManifestConfig {
  const m = json.weightsManifest;
  const noWeights = (message: string) =>
    new ModelFileError('no-weights', {
      file,
      field: 'weightsManifest',
      message: `${message}; tfjs would build the model with fresh random weights, and every curve would be noise`,
      fix: 'export the model with its weights (tensorflowjs_converter writes model.json and group*-shard*.bin together)',
    });
  if (m === undefined || m === null) throw noWeights('has no weightsManifest');
  const ok = Array.isArray(m) && m.every((g) => g && Array.isArray(g.paths) && g.paths.every((p: unknown) => typeof p === 'string') && Array.isArray(g.weights));
  if (!ok) throw new ModelFileError('bad-json', { file, field: 'weightsManifest', message: 'has a weightsManifest that is not a list of {paths, weights} groups', fix: 'drop the model.json exactly as tensorflowjs_converter wrote it' });
  const manifest = m as tf.io.WeightsManifestConfig;
  if (manifest.every((g) => g.weights.length === 0)) throw noWeights('lists no weights');
  return manifest;
}

/**
 * The dropped file of each shard the manifest names: by path relative to
 * model.json, else by file name. A browser that saved a second copy renames
 * it ("group1-shard1of1 (1).bin"): when a one-shard group's file is missing
 * and exactly one unnamed .bin holds exactly the group's bytes, that file is
 * used and `notes` says so; otherwise the error names the unnamed .bin files.
 */
function resolveShards(manifest: tf.io.WeightsManifestConfig, files: readonly NamedBytes[], modelJson: string, notes: string[]): NamedBytes[][] {
  const dir = normalizePath(modelJson).split('/').slice(0, -1).join('/');
  const byPath = new Map(files.map((f) => [normalizePath(f.name), f]));
  const byBase = new Map<string, NamedBytes | null>();
  for (const f of files) {
    const base = normalizePath(f.name).split('/').pop()!;
    byBase.set(base, byBase.has(base) ? null : f);
  }
  const missing: string[] = [];
  const shards = manifest.map((g) =>
    g.paths.map((p) => {
      const rel = normalizePath(dir ? `${dir}/${p}` : p);
      const hit = byPath.get(rel) ?? byBase.get(rel.split('/').pop()!) ?? undefined;
      if (!hit) missing.push(p);
      return hit as NamedBytes;
    }),
  );
  const named = new Set(shards.flat().filter(Boolean));
  const strays = files.filter((f) => /\.bin$/i.test(f.name) && !named.has(f));
  manifest.forEach((g, k) => {
    if (g.paths.length !== 1 || shards[k][0] || strays.length !== 1 || missing.length !== 1) return;
    const expected = g.weights.reduce((sum, w) => sum + weightByteLength(w), 0);
    if (asUint8(strays[0].bytes).byteLength !== expected) return;
    shards[k][0] = strays[0];
    missing.length = 0;
    notes.push(`${g.paths[0]} was not dropped; ${strays[0].name} is used in its place: the only other .bin, of exactly the ${expected.toLocaleString('en-US')} bytes the manifest expects (a renamed copy?)`);
  });
  const needed = manifest.flatMap((g) => g.paths);
  const strayNote = strays.length > 0 && missing.length > 0 ? `; dropped but not named in the manifest: ${strays.map((f) => `${f.name} (${asUint8(f.bytes).byteLength.toLocaleString('en-US')} bytes)`).join(', ')}` : '';
  const renameFix = strayNote ? ` — or rename the dropped .bin to the name model.json expects, if it is this model's shard` : '';
  if (missing.length === needed.length) {
    throw new ModelFileError('no-weights', {
      file: modelJson,
      message: `was dropped without its weight file${needed.length > 1 ? 's' : ''} (${needed.join(', ')})${strayNote}; tfjs would build the model with fresh random weights, and every curve would be noise`,
      fix: `drop model.json together with ${needed.join(', ')} (or the whole folder / a zip of it)${renameFix}`,
    });
  }
  if (missing.length > 0) {
    throw new ModelFileError('missing-shard', {
      file: missing.join(', '),
      message: `${missing.length === 1 ? 'is' : 'are'} named in ${modelJson}'s weightsManifest but ${missing.length === 1 ? 'was' : 'were'} not dropped (${needed.length - missing.length} of ${needed.length} shards present)${strayNote}`,
      fix: `add ${missing.join(', ')} to the drop (all .bin files next to model.json)${renameFix}`,
    });
  }
  return shards;
}

function checkSizes(manifest: tf.io.WeightsManifestConfig, shards: NamedBytes[][], modelJson: string): void {
  manifest.forEach((group, g) => {
    const expected = group.weights.reduce((s, w) => s + weightByteLength(w), 0);
    const sizes = shards[g].map((f) => asUint8(f.bytes).byteLength);
    const actual = sizes.reduce((a, b) => a + b, 0);
    if (actual === expected) return;
    // The converter cuts a group into equal shards with a shorter last one: a shard breaking that pattern is the suspect.
    const suspect = oddShard(sizes);
    const diff = actual - expected;
    const names = group.paths.join(', ');
    throw new ModelFileError('shard-size', {
      file: shards[g][suspect].name,
      field: 'weightsManifest',
      message:
        `weight group ${g + 1} (${names}) must hold ${expected} bytes according to ${modelJson}'s weightsManifest, but the dropped file${sizes.length > 1 ? 's hold' : ' holds'} ${actual} ` +
        `(${Math.abs(diff)} byte${Math.abs(diff) === 1 ? '' : 's'} ${diff < 0 ? 'short' : 'too many'}); ${shards[g][suspect].name} looks ${diff < 0 ? 'truncated' : 'wrong'}`,
      fix: diff < 0 ? 'copy or download the shard again (it was cut short)' : 'drop the shards that belong to this model.json (not those of another export)',
    });
  });
}

/** Index of the shard whose size breaks "equal shards, shorter last one" (the last shard when none does). */
function oddShard(sizes: number[]): number {
  const nonLast = sizes.slice(0, -1);
  const freq = new Map<number, number>();
  for (const s of nonLast) freq.set(s, (freq.get(s) ?? 0) + 1);
  let mode = -1;
  for (const [s, n] of freq) if (mode < 0 || n > freq.get(mode)! || (n === freq.get(mode)! && s > mode)) mode = s;
  const odd = nonLast.findIndex((s) => s !== mode);
  return odd >= 0 ? odd : sizes.length - 1;
}

/** An ArrayBuffer holding exactly these bytes (the view's own buffer when it spans it). */
function exactBuffer(u8: Uint8Array): ArrayBuffer {
  return u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength && u8.buffer instanceof ArrayBuffer ? u8.buffer : u8.slice().buffer;
}
