/**
 * The benchmark's baseline as a whole process: read a float32/float64 .npy of
 * scores and radix-argsort it (nothing else). Started exactly like the CLI
 * (`node --import tsx`), so the ratio compares like with like.
 * Usage: node --import tsx scripts/bare-sort.ts scores.npy
 */
import { readFileSync } from 'node:fs';
import { readNpy } from '../src/io/npy';
import { argsortDescending } from '../src/metrics/argsort';

const file = process.argv[2];
const npy = readNpy(readFileSync(file), file);
if (!(npy.data instanceof Float32Array || npy.data instanceof Float64Array)) throw new Error(`${file}: expected float scores`);
const order = argsortDescending(npy.data);
process.stdout.write(`${order.length}\n`);
