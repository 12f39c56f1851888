import { describe, expect, it } from 'vitest';
import { imageFolderLayout } from '../../../src/io/imageFolder';
import { junkReason, normalizePath } from '../../../src/io/pathRules';

describe('imageFolderLayout(paths): class = first folder under the root', () => {
  it('finds the root above the class folders and sorts classes and images', () => {
    const l = imageFolderLayout(['val/dog/b.png', 'val/cat/2.jpg', 'val/cat/1.JPG', 'val/dog/a.png']);
    expect(l.root).toBe('val');
    expect(l.classes).toEqual(['cat', 'dog']);
    expect(l.images).toEqual([
      { path: 'val/cat/1.JPG', label: 0 },
      { path: 'val/cat/2.jpg', label: 0 },
      { path: 'val/dog/a.png', label: 1 },
      { path: 'val/dog/b.png', label: 1 },
    ]);
    expect(l.skipped).toEqual([]);
  });
  it('gives the same classes when the class folders themselves are dropped', () => {
    const l = imageFolderLayout(['cat/1.jpg', 'dog/a.png']);
    expect(l.root).toBe('');
    expect(l.classes).toEqual(['cat', 'dog']);
  });
  it('a one-class set keeps its class folder as the class', () => {
    const l = imageFolderLayout(['data/val/cat/1.jpg', 'data/val/cat/2.jpg']);
    expect(l.root).toBe('data/val');
    expect(l.classes).toEqual(['cat']);
  });
  it('images in sub-folders belong to the first folder under the root', () => {
    const l = imageFolderLayout(['root/cat/indoor/1.jpg', 'root/cat/2.jpg', 'root/dog/x/y/3.jpg']);
    expect(l.classes).toEqual(['cat', 'dog']);
    expect(l.images.map((i) => i.label)).toEqual([0, 0, 1]);
  });
  it('skips dotfiles, __MACOSX, Thumbs.db, non-images and loose root files, each with a reason', () => {
    const l = imageFolderLayout([
      'set/cat/1.jpg',
      'set/dog/2.jpg',
      'set/.DS_Store',
      'set/cat/._1.jpg',
      '__MACOSX/set/cat/._1.jpg',
      'set/dog/Thumbs.db',
      'set/labels.csv',
      'set/README',
      'set/cover.jpg',
      'set/cat/1.jpg',
    ]);
    expect(l.images.map((i) => i.path)).toEqual(['set/cat/1.jpg', 'set/dog/2.jpg']);
    const reason = Object.fromEntries(l.skipped.map((s) => [s.path, s.reason]));
    expect(reason['set/.DS_Store']).toMatch(/hidden/);
    expect(reason['set/cat/._1.jpg']).toMatch(/hidden/);
    expect(reason['__MACOSX/set/cat/._1.jpg']).toMatch(/__MACOSX/);
    expect(reason['set/dog/Thumbs.db']).toMatch(/Windows/);
    expect(reason['set/labels.csv']).toMatch(/not an image \(extension \.csv\)/);
    expect(reason['set/README']).toMatch(/no extension/);
    expect(reason['set/cover.jpg']).toMatch(/not inside a class folder/);
    expect(l.skipped.filter((s) => s.reason === 'listed twice')).toHaveLength(1);
  });
  it('keeps .heic files in the list (the decoder skips them later with its own reason)', () => {
    expect(imageFolderLayout(['a/x.heic', 'b/y.jpg']).images).toHaveLength(2);
  });
  it('accepts Windows separators and ./ prefixes', () => {
    const l = imageFolderLayout(['.\\val\\cat\\1.jpg', './val/dog/2.jpg']);
    expect(l.classes).toEqual(['cat', 'dog']);
    expect(l.images[0].path).toBe('.\\val\\cat\\1.jpg');
  });
  it('no images at all: empty classes, everything in skipped', () => {
    const l = imageFolderLayout(['notes.txt']);
    expect(l.classes).toEqual([]);
    expect(l.skipped).toHaveLength(1);
  });
});

describe('pathRules', () => {
  it('normalizePath drops ./, leading / and backslashes', () => {
    expect(normalizePath('/a//b\\c/./d.jpg')).toBe('a/b/c/d.jpg');
  });
  it('junkReason is null for ordinary files', () => {
    expect(junkReason('cat/1.jpg')).toBeNull();
    expect(junkReason('cat/desktop.ini')).not.toBeNull();
  });
});
