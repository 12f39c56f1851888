import { describe, expect, it } from 'vitest';
import { describeModelName, formatBytes } from '../../../src/model/modelName';
import { inspectModel } from '../../../src/model/inspectModel';
import { modelFiles } from './modelFixtures';

describe('describeModelName: the name shown for a dropped model (header, exports)', () => {
  it('a folder drop (webkitRelativePath / dropped folder) is named by the folder holding model.json', () => {
    expect(describeModelName({ modelJson: 'resnet-emb/model.json', shards: 3, bytes: 9_400_000 })).toBe('resnet-emb');
    expect(describeModelName({ modelJson: 'exports/v3/model.json', zipName: 'all', shards: 1, bytes: 10 })).toBe('v3');
  });

  it('a zip with model.json at its root is named by the zip', () => {
    expect(describeModelName({ modelJson: 'model.json', zipName: 'face-emb-2024', shards: 2, bytes: 10 })).toBe('face-emb-2024');
  });

  it('loose files say what they are: "model.json + 3 shards, 9.4 MB", led by a Keras model name that is not a default one', () => {
    expect(describeModelName({ modelJson: 'model.json', shards: 3, bytes: 9_400_000 })).toBe('model.json + 3 shards, 9.4 MB');
    const keras = (name: string) => ({ model_config: { class_name: 'Functional', config: { name } } });
    expect(describeModelName({ modelJson: 'model.json', shards: 1, bytes: 94_000, topology: keras('face_embedder') })).toBe('face_embedder · model.json + 1 shard, 94 kB');
    expect(describeModelName({ modelJson: 'model.json', shards: 1, bytes: 94_000, topology: keras('functional_1') })).toBe('model.json + 1 shard, 94 kB');
  });

  it('formatBytes uses decimal units, one decimal below 10', () => {
    expect([formatBytes(512), formatBytes(5_800), formatBytes(123_456), formatBytes(9_400_000), formatBytes(2.5e9)]).toEqual(['512 B', '5.8 kB', '123 kB', '9.4 MB', '2.5 GB']);
  });

  it('inspectModel names loose files by their content and a zip drop by the zip (DropOrigin)', async () => {
    const loose = await inspectModel(modelFiles('m5-sharded'));
    expect(loose.kind === 'ready' && loose.summary.name).toBe('model.json + 2 shards, 6.7 kB');
    const zipped = await inspectModel(modelFiles('m6-graph-two-outputs'), { zipName: 'two-outputs' });
    expect(zipped.kind === 'ready' && zipped.summary.name).toBe('two-outputs');
  });
});
