import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertUnreachable } from '../base/assert';
import { parseCliArgs, USAGE } from './args';
import { runCurve, runEmbeddings, type ReadFile } from './commands';
import { CliError } from './errors';
import type { Write } from './output';
import { readFileOrExplain } from './readFile';

/** The CLI's effects, injected so tests can run `main` in-process. */
export interface CliIo {
  readFile: ReadFile;
  stdout: Write;
  stderr: (text: string) => void;
}

/**
 * Runs the CLI on `argv` (arguments after the script) and returns the exit
 * code: 0 on success, 2 on a usage or input error (message on stderr, naming
 * the file and the fix), 1 on an unexpected failure.
 */
export async function main(argv: string[], io: CliIo = nodeIo()): Promise<number> {
  try {
    const args = parseCliArgs(argv);
    switch (args.command) {
      case 'help':
        await io.stdout(`${USAGE}\n`);
        return 0;
      case 'curve':
        await runCurve(args, io.readFile, io.stdout);
        return 0;
      case 'embeddings':
        await runEmbeddings(args, io.readFile, io.stdout);
        return 0;
      default:
        return assertUnreachable(args);
    }
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`dipscope: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr(`dipscope: unexpected error: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}

function nodeIo(): CliIo {
  return {
    readFile: readFileOrExplain,
    stdout: (chunk) =>
      process.stdout.write(chunk) ? undefined : new Promise<void>((done) => process.stdout.once('drain', () => done())),
    stderr: (text) => void process.stderr.write(text),
  };
}

// Run when executed directly (tsx src/cli/main.ts …), not when imported by tests.
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // `cli … | head` closes the pipe early: stop quietly instead of crashing with EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
