import { describe, expect, it } from 'vitest';
import { modelHash, weightsHash } from '../../../src/model/weightsHash';
import { removeOutputLayer } from '../../../src/model/lambdaLayers';
import type { JsonObject } from '../../../src/model/kerasTopology';
import { fixtureArtifacts } from './modelFixtures';

describe('weightsHash(artifacts) and modelHash(artifacts): cache keys', () => {
  it('weightsHash does not depend on how the weights are sharded (one shard vs two)', async () => {
    const one = await fixtureArtifacts('m3-keras2');
    const two = await fixtureArtifacts('m5-sharded');
    expect(Array.isArray(two.weightData) && two.weightData.length).toBe(2);
    expect(await weightsHash(two)).toBe(await weightsHash(one));
    expect(await weightsHash(one)).toMatch(/^[0-9a-f]{64}$/);
  });
  it('changes with one weight byte, and with a weight renamed', async () => {
    const a = await fixtureArtifacts('m3-keras2');
    const bytes = new Uint8Array((a.weightData as ArrayBuffer[])[0].slice(0));
    bytes[100] ^= 1;
    expect(await weightsHash({ ...a, weightData: bytes.buffer })).not.toBe(await weightsHash(a));
    const renamed = a.weightSpecs!.map((s, i) => (i === 0 ? { ...s, name: 'other/kernel' } : s));
    expect(await weightsHash({ ...a, weightSpecs: renamed })).not.toBe(await weightsHash(a));
  });
  it('modelHash also covers the topology: the same weights without the Lambda layer get another key', async () => {
    const m1 = await fixtureArtifacts('m1-lambda');
    const dropped = { ...m1, modelTopology: removeOutputLayer(m1.modelTopology as JsonObject, 'l2_norm').topology };
    expect(await weightsHash(dropped)).toBe(await weightsHash(m1));
    expect(await modelHash(dropped)).not.toBe(await modelHash(m1));
  });
  it('modelHash ignores key order in model.json', async () => {
    const a = await fixtureArtifacts('m3-keras2');
    const t = a.modelTopology as JsonObject;
    const reordered = Object.fromEntries(Object.entries(t).reverse());
    expect(await modelHash({ ...a, modelTopology: reordered })).toBe(await modelHash(a));
  });
});
