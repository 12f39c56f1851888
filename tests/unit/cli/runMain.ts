import { main } from '../../../src/cli/main';
import { readFileOrExplain } from '../../../src/cli/readFile';

/** Runs the CLI's `main` in-process with the real file reader; captures stdout/stderr. */
export async function runCli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string; json: () => Record<string, unknown> }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    readFile: readFileOrExplain,
    stdout: (chunk) => {
      stdout += chunk;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr, json: () => JSON.parse(stdout) as Record<string, unknown> };
}
