import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Data = Float32Array | Float64Array | Uint8Array | Int8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array;

const DESCR = new Map<string, string>([
  ['Float32Array', '<f4'],
  ['Float64Array', '<f8'],
  ['Uint8Array', '|u1'],
  ['Int8Array', '|i1'],
  ['Int16Array', '<i2'],
  ['Uint16Array', '<u2'],
  ['Int32Array', '<i4'],
  ['Uint32Array', '<u4'],
  ['BigInt64Array', '<i8'],
]);

/**
 * A minimal .npy writer for tests (format 1.0 by default, header padded to a
 * multiple of 64 bytes like numpy). `descr` overrides the dtype string (e.g.
 * '|b1' for bool, or a wrong/big-endian one to test the parser).
 */
export function npyBytes(data: Data, options: { shape?: number[]; descr?: string; version?: 1 | 2 | 3; fortran?: boolean; headerText?: string } = {}): Uint8Array {
  const version = options.version ?? 1;
  const shape = options.shape ?? [data.length];
  const descr = options.descr ?? DESCR.get(data.constructor.name)!;
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = options.headerText ?? `{'descr': '${descr}', 'fortran_order': ${options.fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  const prefix = version === 1 ? 10 : 12;
  const pad = (64 - ((prefix + header.length + 1) % 64)) % 64;
  header += ' '.repeat(pad) + '\n';
  const head = new TextEncoder().encode(header);
  const body = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  const out = new Uint8Array(prefix + head.length + body.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  if (version === 1) view.setUint16(8, head.length, true);
  else view.setUint32(8, head.length, true);
  out.set(head, prefix);
  out.set(body, prefix + head.length);
  return out;
}

/** A temporary directory with `write(name, bytes)` returning the path, and `cleanup()`. */
export function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'dipscope-cli-'));
  return {
    dir,
    write(name: string, bytes: Uint8Array | string): string {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
