/**
 * How every parser in src/io reports a problem with a user's file: the file,
 * where in it (line or field), what is wrong and how to fix it.
 *
 * - A problem with one row (a bad label on line 17) is an `InputIssue` in the
 *   parser's `issues` list; the good rows are kept.
 * - A problem that makes the whole file unusable (not a zip, a Fortran-order
 *   .npy) is thrown as an `InputError`, which carries the same record.
 */
export interface InputIssue {
  /** File name (or path inside a zip) as the user dropped it. */
  file: string;
  /** 1-based line number in a text file, or 1-based row number in a table. */
  line?: number;
  /** What `line` counts: 'line' (text, the default) or 'row' (a Parquet table has rows, not lines). */
  lineKind?: 'line' | 'row';
  /** Column, header field or JSON key concerned. */
  field?: string;
  /** What is wrong, in the user's terms. */
  message: string;
  /** What the user can do about it. */
  fix: string;
  /** 'error': the row or file was dropped; 'warning': it was kept, but read with an assumption. */
  severity: 'error' | 'warning';
}

/** One line of text: `file, line 3 (field "label"): message. Fix: …`. */
export function formatIssue(issue: InputIssue): string {
  let where = issue.file;
  if (issue.line !== undefined) where += `, ${issue.lineKind ?? 'line'} ${issue.line}`;
  if (issue.field !== undefined) where += ` (${issue.field})`;
  return `${where}: ${issue.message}. Fix: ${issue.fix}`;
}

/** A problem that makes a whole file unusable; `issue` says where and how to fix it. */
export class InputError extends Error {
  readonly issue: InputIssue;
  constructor(issue: Omit<InputIssue, 'severity'>) {
    const full: InputIssue = { ...issue, severity: 'error' };
    super(formatIssue(full));
    this.name = 'InputError';
    this.issue = full;
  }
}

/** Builds an issue list with a fixed file name. */
export class IssueLog {
  readonly issues: InputIssue[] = [];
  /** `lineKind` 'row' for tables whose positions are rows (Parquet). */
  constructor(
    readonly file: string,
    readonly lineKind?: 'row',
  ) {}
  error(line: number | undefined, message: string, fix: string, field?: string): void {
    this.issues.push({ file: this.file, line, field, message, fix, severity: 'error', ...(this.lineKind ? { lineKind: this.lineKind } : {}) });
  }
  warning(line: number | undefined, message: string, fix: string, field?: string): void {
    this.issues.push({ file: this.file, line, field, message, fix, severity: 'warning', ...(this.lineKind ? { lineKind: this.lineKind } : {}) });
  }
}
