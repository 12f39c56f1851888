import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readZip } from '../../../src/io/zip';
import { InputError } from '../../../src/io/inputIssue';

function sample(): Uint8Array {
  return zipSync({
    'set/cat/1.jpg': [new Uint8Array([1, 2, 3]), { level: 0 }],
    'set/dog/2.png': strToU8('x'.repeat(1000)),
    'set/empty/': new Uint8Array(0),
    '__MACOSX/set/cat/._1.jpg': new Uint8Array([9]),
    'set/.DS_Store': new Uint8Array([9]),
  });
}

function catchInput(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('readZip(bytes, file): zip → {path, bytes} records', () => {
  it('unpacks stored and deflated entries, drops folders, lists junk as skipped', () => {
    const z = readZip(sample(), 'set.zip');
    const byPath = Object.fromEntries(z.entries.map((e) => [e.path, e.bytes]));
    expect(Object.keys(byPath).sort()).toEqual(['set/cat/1.jpg', 'set/dog/2.png']);
    expect(Array.from(byPath['set/cat/1.jpg'])).toEqual([1, 2, 3]);
    expect(byPath['set/dog/2.png'].length).toBe(1000);
    expect(z.skipped.map((s) => s.path).sort()).toEqual(['__MACOSX/set/cat/._1.jpg', 'set/.DS_Store']);
  });
  it('accepts an ArrayBuffer', () => {
    const u8 = sample();
    expect(readZip(u8.slice().buffer, 'set.zip').entries).toHaveLength(2);
  });
  it('refuses a file that is not a zip, naming it', () => {
    const e = catchInput(() => readZip(strToU8('hello'), 'photos.zip'));
    expect(e.message).toMatch(/^photos\.zip: is not a readable zip archive/);
  });
  it('refuses a truncated zip rather than returning part of it', () => {
    const u8 = sample();
    expect(() => readZip(u8.subarray(0, u8.length - 30), 'cut.zip')).toThrow(InputError);
  });
  it('refuses a password-protected zip, naming the entry and the fix', () => {
    const u8 = sample();
    // Set the "encrypted" flag bit in the first central-directory record.
    const view = new DataView(u8.buffer);
    const cd = u8.findIndex((_, i) => i + 4 <= u8.length && view.getUint32(i, true) === 0x02014b50);
    u8[cd + 8] |= 1;
    const e = catchInput(() => readZip(u8, 'secret.zip'));
    expect(e.message).toMatch(/secret\.zip .*password-protected/);
    expect(e.issue.fix).toMatch(/without a password/);
  });
  it('refuses an archive that unpacks past maxTotalBytes before inflating it', () => {
    const e = catchInput(() => readZip(sample(), 'big.zip', { maxTotalBytes: 500 }));
    expect(e.message).toMatch(/unpacks to more than/);
  });
});
