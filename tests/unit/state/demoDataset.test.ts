import { describe, expect, it } from 'vitest';
import { demoDataset, spread } from '../../../src/state/demoDataset';

describe('demoDataset(manifest, base, limit)', () => {
  const manifest = {
    name: 'm',
    classes: ['a', 'b'],
    images: Array.from({ length: 10 }, (_, k) => ({ path: `${k < 5 ? 'a' : 'b'}/${k}.png`, label: k < 5 ? 0 : 1 })),
  };
  it('resolves image URLs against the demo folder', () => {
    const d = demoDataset(manifest, 'http://127.0.0.1:4173/demo/');
    expect(d.images[0].url).toBe('http://127.0.0.1:4173/demo/a/0.png');
    expect(d.images).toHaveLength(10);
  });
  it('keeps an evenly spread subset with every class when limited', () => {
    const d = demoDataset(manifest, 'http://x/demo/', 4);
    expect(d.images.map((im) => im.path)).toEqual(['a/0.png', 'a/2.png', 'b/5.png', 'b/7.png']);
  });
  it('names the file and the fix for a broken manifest', () => {
    expect(() => demoDataset({ classes: [] }, 'http://x/')).toThrow(/manifest.json .*npm run demo:data/);
    expect(() => demoDataset({ classes: ['a'], images: [{ path: 'x', label: 3 }] }, 'http://x/')).toThrow(/image #0/);
  });
  it('spread() returns everything when the limit is absent or too large', () => {
    expect(spread([1, 2, 3])).toEqual([1, 2, 3]);
    expect(spread([1, 2, 3], 9)).toEqual([1, 2, 3]);
  });
});
