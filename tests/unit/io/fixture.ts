import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** Bytes of tests/fixtures/io/<name> (written by scripts/make-io-fixtures.py and make-parquet-fixture.ts). */
export function ioFixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(fileURLToPath(new URL(`../../fixtures/io/${name}`, import.meta.url))));
}
