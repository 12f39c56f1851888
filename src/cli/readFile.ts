import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CliError } from './errors';

/**
 * The whole file as bytes (a Buffer, so large .npy data can be viewed without
 * a copy). Every failure becomes a `CliError` naming the file and the fix.
 */
export function readFileOrExplain(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`${path}: file not found (looked at ${resolve(path)}); check the path.`);
    if (code === 'EISDIR') throw new CliError(`${path}: is a directory; pass the .npy or .csv file itself.`);
    if (code === 'EACCES') throw new CliError(`${path}: permission denied; make the file readable.`);
    if (code === 'ERR_FS_FILE_TOO_LARGE') throw new CliError(`${path}: larger than 2 GiB, more than Node can read at once; split the input.`);
    throw new CliError(`${path}: cannot read (${(e as Error).message}).`);
  }
}
