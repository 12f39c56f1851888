import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { zipSync } from 'fflate';
import { assembleModelFiles, ModelFileError } from '../../../src/model/modelFiles';
import { readZip } from '../../../src/io/zip';
import { expectClose, fixtureArtifacts, images, modelFiles, predictLayers } from './modelFixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

async function problem(files: Parameters<typeof assembleModelFiles>[0]): Promise<ModelFileError> {
  const e = await assembleModelFiles(files).catch((x: unknown) => x);
  expect(e).toBeInstanceOf(ModelFileError);
  return e as ModelFileError;
}

const byName = (dir: string) => Object.fromEntries(modelFiles(dir).map((f) => [f.name, f]));

describe('assembleModelFiles(files): model.json + shards → ModelArtifacts (case M5)', () => {
  it('M5a: shards dropped in any order (shard 2, model.json, shard 1) load and give the same embeddings as one shard', async () => {
    const f = byName('m5-sharded');
    const assembled = await assembleModelFiles([f['group1-shard2of2.bin'], f['model.json'], f['group1-shard1of2.bin']]);
    expect(assembled.detection.format).toBe('layers-model');
    expect(assembled.unused).toEqual([]);
    const x = images(3);
    expectClose(await predictLayers(assembled.artifacts, x), await predictLayers(await fixtureArtifacts('m3-keras2'), x), 0);
    x.dispose();
  });
  it('finds shards by path relative to model.json in a dropped folder, and in a zip', async () => {
    const folder = modelFiles('m5-sharded', 'exports/my_model/');
    expect((await assembleModelFiles(folder)).artifacts.weightSpecs).toHaveLength(4);
    const zip = zipSync(Object.fromEntries(folder.map((f) => [f.name, f.bytes as Uint8Array])));
    const entries = readZip(zip, 'model.zip').entries.map((e) => ({ name: e.path, bytes: e.bytes }));
    expect((await assembleModelFiles(entries)).modelJson).toBe('exports/my_model/model.json');
  });
  it('M5b: a missing shard: the error names the missing file', async () => {
    const f = byName('m5-sharded');
    const e = await problem([f['model.json'], f['group1-shard2of2.bin']]);
    expect(e.problem).toBe('missing-shard');
    expect(e.issue.file).toBe('group1-shard1of2.bin');
    expect(e.message).toMatch(/group1-shard1of2\.bin: is named in model\.json's weightsManifest but was not dropped \(1 of 2 shards present\)/);
  });
  it('a shard saved under another name ("group1-shard1of1 (1).bin") is used when it is the only .bin and holds exactly the bytes expected, with a note; otherwise it is named with the rename fix', async () => {
    const f = byName('m3-keras2');
    const shard = f['group1-shard1of1.bin'].bytes as Uint8Array;
    const renamed = await assembleModelFiles([f['model.json'], { name: 'group1-shard1of1 (1).bin', bytes: shard }]);
    expect(renamed.notes).toEqual(['group1-shard1of1.bin was not dropped; group1-shard1of1 (1).bin is used in its place: the only other .bin, of exactly the 4,704 bytes the manifest expects (a renamed copy?)']);
    expect(renamed.unused).toEqual([]);
    const x = images(2);
    expectClose(await predictLayers(renamed.artifacts, x), await predictLayers(await fixtureArtifacts('m3-keras2'), x), 0);
    x.dispose();
    const e = await problem([f['model.json'], { name: 'weights.bin', bytes: shard.subarray(0, 100) }]);
    expect(e.problem).toBe('no-weights');
    expect(e.message).toMatch(/without its weight file \(group1-shard1of1\.bin\); dropped but not named in the manifest: weights\.bin \(100 bytes\)/);
    expect(e.message).toMatch(/or rename the dropped \.bin to the name model\.json expects/);
  });
  it('a weight in a dtype tfjs does not store (int8) is refused naming model.json, the weight and the re-convert fix', async () => {
    const f = byName('m3-keras2');
    const json = JSON.parse(new TextDecoder().decode(f['model.json'].bytes as Uint8Array));
    const w = json.weightsManifest[0].weights[0];
    w.quantization = { dtype: 'int8', scale: 0.1, min: 0 };
    const e = await problem([{ name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) }, f['group1-shard1of1.bin']]);
    expect(e.issue).toMatchObject({ file: 'model.json', field: 'weightsManifest' });
    expect(e.message).toContain(`weight "${w.name}" is stored as int8, which is not a dtype TensorFlow.js stores weights in`);
    expect(e.message).toMatch(/Fix: convert the model again with tensorflowjs_converter \(add --quantize_uint8 or --quantize_float16/);
  });
  it('images dropped on the model zone are named as images, with the other zone as the fix', async () => {
    const e = await problem([{ name: 'val/a/1.png', bytes: new Uint8Array(1) }, { name: 'val/b/2.png', bytes: new Uint8Array(1) }]);
    expect(e.problem).toBe('no-model-json');
    expect(e.message).toMatch(/^val\/a\/1\.png, val\/b\/2\.png: are 2 images, not a TensorFlow\.js model\. Fix: drop the images on "2\. Your validation images"/);
  });
  it('M5c: model.json alone is refused: tfjs would use fresh random weights', async () => {
    const e = await problem([byName('m3-keras2')['model.json']]);
    expect(e.problem).toBe('no-weights');
    expect(e.message).toMatch(/without its weight file \(group1-shard1of1\.bin\); tfjs would build the model with fresh random weights/);
    const json = JSON.parse(new TextDecoder().decode(byName('m3-keras2')['model.json'].bytes as Uint8Array));
    delete json.weightsManifest;
    const e2 = await problem([{ name: 'model.json', bytes: new TextEncoder().encode(JSON.stringify(json)) }]);
    expect(e2.message).toMatch(/has no weightsManifest; tfjs would build the model with fresh random weights/);
  });
  it('M5d: a shard one byte short: states expected vs actual bytes from weightsManifest and names the shard', async () => {
    const f = byName('m3-keras2');
    const shard = f['group1-shard1of1.bin'].bytes as Uint8Array;
    const e = await problem([f['model.json'], { name: 'group1-shard1of1.bin', bytes: shard.subarray(0, shard.length - 1) }]);
    expect(e.problem).toBe('shard-size');
    expect(e.message).toMatch(/must hold 4704 bytes according to model\.json's weightsManifest, but the dropped file holds 4703 \(1 byte short\)/);
    const g = byName('m5-sharded');
    const last = g['group1-shard2of2.bin'].bytes as Uint8Array;
    const e2 = await problem([g['model.json'], g['group1-shard1of2.bin'], { name: 'group1-shard2of2.bin', bytes: last.subarray(0, 607) }]);
    expect(e2.issue.file).toBe('group1-shard2of2.bin');
    expect(e2.message).toMatch(/hold 4703 \(1 byte short\); group1-shard2of2\.bin looks truncated/);
  });
  it('a shard with extra bytes is refused too (likely another export)', async () => {
    const f = byName('m3-keras2');
    const e = await problem([f['model.json'], { name: 'group1-shard1of1.bin', bytes: new Uint8Array(4705) }]);
    expect(e.message).toMatch(/1 byte too many/);
  });
  it('lists files it does not use instead of failing', async () => {
    const files = [...modelFiles('m3-keras2'), { name: 'README.md', bytes: new Uint8Array(3) }];
    expect((await assembleModelFiles(files)).unused).toEqual(['README.md']);
  });
  it('a Keras .h5 or .keras instead of model.json: says how to convert it (.keras through .h5); two model.json: asks for one', async () => {
    const e = await problem([{ name: 'resnet_triplet.h5', bytes: new Uint8Array(8) }]);
    expect(e.problem).toBe('no-model-json');
    expect(e.message).toMatch(/resnet_triplet\.h5: is a Keras model, not a TensorFlow\.js model/);
    expect(e.issue.fix).toMatch(/tensorflowjs_converter --input_format keras/);
    const k3 = await problem([{ name: 'embedder.keras', bytes: new Uint8Array(8) }]);
    expect(k3.message).toMatch(/embedder\.keras: is a Keras 3 model, not a TensorFlow\.js model/);
    expect(k3.issue.fix).toMatch(/save it as \.h5 .*\.save\("model\.h5"\).*--input_format keras model\.h5/);
    const two = await problem([...modelFiles('m3-keras2', 'a/'), ...modelFiles('m4-graph', 'b/')]);
    expect(two.problem).toBe('several-models');
  });
  it('a model.json that is not JSON names the file', async () => {
    const e = await problem([{ name: 'model.json', bytes: new TextEncoder().encode('{"format": "layers-mo') }]);
    expect(e.problem).toBe('bad-json');
    expect(e.message).toMatch(/^model\.json: is not valid JSON/);
  });
});
