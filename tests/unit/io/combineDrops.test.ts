import { describe, expect, it } from 'vitest';
import { combineWithPrevious } from '../../../src/io/combineDrops';
import type { DroppedFile } from '../../../src/io/dropFiles';

const f = (path: string): DroppedFile => ({ path, file: new File(['x'], path.split('/').pop()!) });
const paths = (r: ReturnType<typeof combineWithPrevious>) => r?.files.map((x) => x.path);

describe('combineWithPrevious(previous, next): two drops read as one', () => {
  it('a list after its images, and images after their list', () => {
    expect(paths(combineWithPrevious([f('val/a/1.png'), f('val/b/2.png')], [f('pairs.csv')]))).toEqual(['val/a/1.png', 'val/b/2.png', 'pairs.csv']);
    expect(combineWithPrevious([f('val/a/1.png')], [f('pairs.csv')])).toMatchObject({ makes: 'pair-list' });
    const r = combineWithPrevious([f('pairs.txt')], [f('lfw/A/A_0001.jpg')]);
    expect(paths(r)).toEqual(['pairs.txt', 'lfw/A/A_0001.jpg']);
    expect(r?.note).toMatch(/^This image is read together with pairs\.txt dropped before/);
  });

  it('a corrected list after images with a list replaces the old list', () => {
    const r = combineWithPrevious([f('set/pairs.csv'), f('set/a/1.png'), f('set/b/2.png')], [f('pairs-fixed.csv')]);
    expect(paths(r)).toEqual(['set/a/1.png', 'set/b/2.png', 'pairs-fixed.csv']);
    expect(r?.note).toMatch(/^pairs-fixed\.csv replaces set\/pairs\.csv and is read with the 2 images dropped before/);
  });

  it('embeddings and their labels picked one after the other, either order', () => {
    expect(combineWithPrevious([f('emb.npy')], [f('labels.txt')])).toMatchObject({ makes: 'embeddings' });
    expect(paths(combineWithPrevious([f('emb.npy')], [f('labels.txt')]))).toEqual(['emb.npy', 'labels.txt']);
    expect(paths(combineWithPrevious([f('labels.npy')], [f('emb.npy')]))).toEqual(['labels.npy', 'emb.npy']);
  });

  it('a drop that stands alone is not combined', () => {
    expect(combineWithPrevious([f('val/a/1.png')], [f('val/a/2.png'), f('pairs.csv')])).toBeNull();
    expect(combineWithPrevious(null, [f('pairs.csv')])).toBeNull();
    expect(combineWithPrevious([f('notes.md')], [f('emb.npy'), f('labels.txt')])).toBeNull();
    expect(combineWithPrevious([f('a.png')], [f('emb.npy')])).toBeNull();
    // A folder of images after an .npy + labels run starts over (it was read "together with labels.txt").
    expect(combineWithPrevious([f('emb.npy'), f('labels.txt')], [f('big/a/1.jpg'), f('big/b/2.jpg')])).toBeNull();
  });
});
