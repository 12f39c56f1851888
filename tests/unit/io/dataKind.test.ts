import { describe, expect, it } from 'vitest';
import { detectDataKind, sniffText } from '../../../src/io/dataKind';
import { ioFixture } from './fixture';

const t = (name: string, s: string) => ({ name, bytes: new TextEncoder().encode(s) });
const img = (name: string) => ({ name, bytes: new Uint8Array(1) });

describe('detectDataKind(files): which parser a validation-set drop needs', () => {
  it('class folders: images only (junk ignored)', () => {
    expect(detectDataKind([img('val/cat/1.jpg'), img('val/dog/2.jpg'), t('.DS_Store', '')])).toEqual({ kind: 'class-folders', images: ['val/cat/1.jpg', 'val/dog/2.jpg'] });
  });
  it('an LFW pairs.txt with the images', () => {
    const d = detectDataKind([t('pairs.txt', '10\t300\nAbel_Pacheco\t1\t4\nAJ_Cook\t1\tMarsha_Thomason\t1\n'), img('lfw/Abel_Pacheco/Abel_Pacheco_0001.jpg')]);
    expect(d).toMatchObject({ kind: 'lfw-pairs', list: 'pairs.txt' });
  });
  it('pairs, triplets and scores CSVs, with or without a header', () => {
    expect(sniffText(t('p.csv', 'path_a,path_b,label\n'))).toBe('pairs-csv');
    expect(sniffText(t('p.csv', 'a/1.jpg,b/2.jpg,0\n'))).toBe('pairs-csv');
    expect(sniffText(t('t.csv', 'anchor,positive,negative\na.jpg,b.jpg,c.jpg\n'))).toBe('triplets-csv');
    expect(sniffText(t('t.csv', 'a.jpg,b.jpg,c.jpg\n'))).toBe('triplets-csv');
    expect(sniffText(t('s.csv', 'score,label\n0.5,1\n'))).toBe('scores-csv');
    expect(sniffText(t('s.csv', '-0.25,same\n'))).toBe('scores-csv');
    expect(sniffText(t('labels.txt', 'cat\ndog\n'))).toBe('labels');
  });
  it('embeddings: the 2-D .npy plus a 1-D .npy or a text labels file', () => {
    expect(detectDataKind([{ name: 'labels.npy', bytes: ioFixture('labels-i4.npy') }, { name: 'emb.npy', bytes: ioFixture('emb-f4.npy') }])).toMatchObject({
      kind: 'embeddings',
      embeddings: 'emb.npy',
      labels: 'labels.npy',
    });
    expect(detectDataKind([{ name: 'emb.npy', bytes: ioFixture('emb-f4.npy') }, t('classes.txt', 'a\nb\na\nb\n')])).toMatchObject({ kind: 'embeddings', labels: 'classes.txt' });
    expect(detectDataKind([{ name: 'emb.npy', bytes: ioFixture('emb-f4.npy') }])).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/^emb\.npy: embeddings need their labels\. Fix: drop its labels file now \(or both together\), one label per row/) });
  });
  it('a Parquet scores table; nothing usable is "unknown" with a reason', () => {
    expect(detectDataKind([{ name: 'scores.parquet', bytes: ioFixture('scores.parquet') }])).toMatchObject({ kind: 'scores-parquet', list: 'scores.parquet' });
    expect(detectDataKind([t('notes.md', 'hi')])).toMatchObject({ kind: 'unknown' });
  });
});

describe('detectDataKind: drops meant for the other zone, or in a format that is not read', () => {
  it('a model folder dropped as data, and an .npz, are named with the fix', () => {
    expect(detectDataKind([t('m/model.json', '{}'), img('m/group1-shard1of1.bin')])).toMatchObject({ kind: 'unknown', file: 'm/model.json', reason: expect.stringMatching(/looks like a TensorFlow\.js model .* Fix: drop it on "1\. Your model"/) });
    expect(detectDataKind([img('emb.npz')])).toMatchObject({ kind: 'unknown', reason: expect.stringMatching(/^emb\.npz is a NumPy \.npz archive, which is not read\. Fix: save the embeddings and the labels as two \.npy files/) });
  });
  it('.jfif is a JPEG', () => {
    expect(detectDataKind([img('val/a/1.jfif'), img('val/b/2.jpg')])).toMatchObject({ kind: 'class-folders', images: ['val/a/1.jfif', 'val/b/2.jpg'] });
  });
});
