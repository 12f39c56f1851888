import { stripBom } from './bytes';
import { IssueLog } from './inputIssue';
import { PairListBuilder } from './pairList';
import { shortPath } from './pathRules';
import type { ParsedPairs } from './pairsCsv';

export interface LfwOptions {
  /** Image file extension (default '.jpg', as in every LFW variant). */
  extension?: string;
}

export interface ParsedLfwPairs extends ParsedPairs {
  /** Fold (0-based) of each pair, from the header's fold size; all 0 without a fold header. */
  fold: Uint8Array;
  /** Folds and pairs per fold from the header line (`10 300` → {folds: 10, perFold: 300}). */
  header: { folds: number; perFold: number } | null;
}

/**
 * LFW `pairs.txt` (Huang et al. 2007, "Labeled Faces in the Wild", README §4):
 * an optional header `folds pairsPerFold` (`10 300`) or `pairsPerSet` (`1100`
 * in pairsDevTrain.txt), then whitespace-separated lines
 *   `name n1 n2`        → matched:    name/name_000n1.jpg, name/name_000n2.jpg (label 1)
 *   `name1 n1 name2 n2` → mismatched: name1/name1_000n1.jpg, name2/name2_000n2.jpg (label 0)
 * Numbers are zero-padded to 4 digits, so an image number must be 1 … 9999
 * (`Bob 9999999999999999999999` is a line error, never `Bob_1e+22.jpg`).
 * Each fold holds perFold matched then perFold mismatched lines; `fold` records it. A line count that disagrees
 * with the header is a warning, not an error (the pairs are still read).
 *
 * Contract: `text` is the decoded file; `file` names it in issues.
 */
export function parseLfwPairs(text: string, file: string, options: LfwOptions = {}): ParsedLfwPairs {
  const ext = options.extension ?? '.jpg';
  const log = new IssueLog(file);
  const builder = new PairListBuilder(log);
  const lines = stripBom(text).split(/\r?\n/);
  let header: ParsedLfwPairs['header'] = null;
  const folds: number[] = [];
  let dataLine = 0;
  lines.forEach((raw, i) => {
    const line = i + 1;
    const t = raw.trim().split(/\s+/).filter((s) => s !== '');
    if (t.length === 0) return;
    if (dataLine === 0 && header === null && t.every(isCount) && t.length <= 2) {
      header = t.length === 2 ? { folds: Number(t[0]), perFold: Number(t[1]) } : { folds: 1, perFold: Number(t[0]) };
      return;
    }
    const fold = header ? Math.floor(dataLine / (2 * header.perFold)) : 0;
    dataLine++;
    const numbers = t.length === 3 ? [t[1], t[2]] : t.length === 4 ? [t[1], t[3]] : [];
    const bad = numbers.find((n) => isCount(n) && !isImageNumber(n));
    if (bad !== undefined) {
      log.error(line, `image number "${shortPath(bad, 40)}" is not a whole number from 1 to ${MAX_IMAGE_NUMBER}; the pair is left out`, 'LFW numbers each image of a person 1, 2, 3, … (written 0001 in the file name)');
      return;
    }
    if (t.length === 3 && isCount(t[1]) && isCount(t[2])) {
      if (t[1] === t[2] || Number(t[1]) === Number(t[2])) {
        log.error(line, `pairs ${t[0]} image ${t[1]} with itself`, 'a matched line needs two different image numbers');
        return;
      }
      if (builder.add(lfwPath(t[0], t[1], ext), lfwPath(t[0], t[2], ext), 1, line)) folds.push(fold);
    } else if (t.length === 4 && isCount(t[1]) && isCount(t[3])) {
      if (builder.add(lfwPath(t[0], t[1], ext), lfwPath(t[2], t[3], ext), 0, line)) folds.push(fold);
    } else {
      log.error(line, `"${shortPath(raw.trim())}" is neither "name n1 n2" nor "name1 n1 name2 n2"`, 'use the LFW layout: a person\'s folder name and image numbers, separated by tabs or spaces');
    }
  });
  const h = header as ParsedLfwPairs['header'];
  if (h && dataLine > 0 && dataLine !== 2 * h.folds * h.perFold) {
    log.warning(1, `the header promises ${h.folds} × 2 × ${h.perFold} = ${2 * h.folds * h.perFold} pair lines but the file has ${dataLine}`, 'check that the file is complete; the pairs present are used');
  }
  if (dataLine === 0) {
    const what = h ? 'has only a header line: it has no pair lines' : 'is empty: it has no pair lines';
    log.error(undefined, `${what} (expected lines "name n1 n2" or "name1 n1 name2 n2")`, 'drop an LFW-style pairs.txt with its pair lines');
  }
  return { pairs: builder.build(), issues: log.issues, fold: Uint8Array.from(folds), header: h };
}

/** `Aaron_Peirsol`, `2` → `Aaron_Peirsol/Aaron_Peirsol_0002.jpg`. */
export function lfwPath(name: string, n: string, extension = '.jpg'): string {
  return `${name}/${name}_${String(Number(n)).padStart(4, '0')}${extension}`;
}

function isCount(s: string): boolean {
  return /^\d+$/.test(s);
}

/** LFW file names hold the number zero-padded to 4 digits, so 1 … 9999 (leading zeros allowed: `02`). */
const MAX_IMAGE_NUMBER = 9999;
function isImageNumber(s: string): boolean {
  const digits = s.replace(/^0+(?=\d)/, '');
  return digits.length <= 4 && Number(digits) >= 1 && Number(digits) <= MAX_IMAGE_NUMBER;
}
