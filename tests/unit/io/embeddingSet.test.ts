import { describe, expect, it } from 'vitest';
import { readEmbeddingSet } from '../../../src/io/embeddingSet';
import { readLabels } from '../../../src/io/labelsFile';
import { InputError } from '../../../src/io/inputIssue';
import { ioFixture, npyF32 } from './fixture';

const emb = { name: 'emb.npy', bytes: ioFixture('emb-f4.npy') };
const text = (name: string, s: string) => ({ name, bytes: new TextEncoder().encode(s) });

function inputError(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('readEmbeddingSet(embeddings.npy, labels)', () => {
  it('reads [N, D] float32 with integer labels from .npy', () => {
    const s = readEmbeddingSet(emb, { name: 'labels.npy', bytes: ioFixture('labels-i4.npy') });
    expect([s.n, s.dim]).toEqual([4, 3]);
    expect(Array.from(s.embeddings.subarray(0, 3))).toEqual([1, 0, 0.5]);
    expect(s.classes).toEqual(['0', '1']);
    expect(Array.from(s.classIds)).toEqual([0, 0, 1, 1]);
    expect(s.issues).toEqual([]);
  });
  it('reads string labels from .npy and from a text file, classes sorted', () => {
    expect(readEmbeddingSet(emb, { name: 'l.npy', bytes: ioFixture('labels-str.npy') }).classes).toEqual(['cat', 'dog', 'dög']);
    const s = readEmbeddingSet(emb, text('labels.txt', 'dog\ncat\ndog\nbird\n'));
    expect(s.classes).toEqual(['bird', 'cat', 'dog']);
    expect(Array.from(s.classIds)).toEqual([2, 1, 2, 0]);
  });
  it('float64 embeddings are narrowed to float32 with a warning', () => {
    const s = readEmbeddingSet({ name: 'e.npy', bytes: ioFixture('emb-f8-be.npy') }, text('l.txt', 'a\na\nb\nb'));
    expect(s.embeddings).toBeInstanceOf(Float32Array);
    expect(s.issues[0]).toMatchObject({ severity: 'warning', field: 'dtype' });
  });
  it('rows with NaN are kept and named in a warning', () => {
    const s = readEmbeddingSet({ name: 'e.npy', bytes: npyF32([1, 0, NaN, 0, 0, 1], [3, 2]) }, text('l.txt', 'a\nb\nb'));
    expect(s.issues[0].message).toMatch(/^1 row contains NaN or Infinity \(row 1\)/);
  });
  it('refuses a count mismatch, a 1-D array, integer embeddings and a Fortran-order file, naming the file', () => {
    expect(inputError(() => readEmbeddingSet(emb, text('labels.txt', 'a\nb\n'))).message).toMatch(/^labels\.txt: has 2 labels but the embeddings have 4 rows/);
    expect(inputError(() => readEmbeddingSet({ name: 'v.npy', bytes: npyF32([1, 2, 3], [3]) }, text('l', 'a'))).message).toMatch(/^v\.npy \(shape\): has shape \(3\)/);
    expect(inputError(() => readEmbeddingSet({ name: 'i.npy', bytes: ioFixture('labels-i4.npy') }, text('l', 'a'))).message).toMatch(/shape/);
    expect(inputError(() => readEmbeddingSet({ name: 'f.npy', bytes: ioFixture('emb-fortran.npy') }, text('l', 'a'))).issue.field).toBe('fortran_order');
  });
});

describe('readLabels(file, count)', () => {
  it('skips a header word when there is one line more than rows', () => {
    expect(readLabels(text('l.txt', 'label\ncat\ndog\n'), 2)).toEqual(['cat', 'dog']);
  });
  it('takes the label column of a CSV with a header', () => {
    expect(readLabels(text('l.csv', 'file,class\n1.jpg,cat\n2.jpg,dog\n'), 2)).toEqual(['cat', 'dog']);
  });
  it('refuses a blank line in the middle (it would shift the labels) and a CSV without a label column', () => {
    expect(inputError(() => readLabels(text('l.txt', 'cat\n\ndog\n'), 2)).issue.line).toBe(2);
    expect(inputError(() => readLabels(text('l.csv', 'a,b\nc,d\n'), 1)).message).toMatch(/no header naming the label column/);
  });
});
