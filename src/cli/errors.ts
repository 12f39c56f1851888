/**
 * An error the user can fix: bad arguments or bad input files. The CLI
 * prints its message (which names the file and the fix) and exits with 2.
 */
export class CliError extends Error {
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}
