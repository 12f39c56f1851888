import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bytes of tests/fixtures/io/<name> (written by scripts/make-io-fixtures.py and make-parquet-fixture.ts). */
export function ioFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url))));
}

/** A v1 little-endian float32 .npy of `shape` holding `values` (for cases numpy fixtures do not cover). */
export function npyF32(values: number[], shape: number[]): Uint8Array {
  let header = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  header += ' '.repeat(63 - ((10 + header.length) % 64)) + '\n';
  const out = new Uint8Array(10 + header.length + 4 * values.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(new TextEncoder().encode(header), 10);
  new Float32Array(out.buffer, 10 + header.length).set(values);
  return out;
}
