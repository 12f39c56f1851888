import type { ScoresTable } from './scoresTable';
import { yieldToPage } from '../base/yieldToPage';

/** Rows named between yields to the page (a 5 M-row table took 2.2 s in one go). */
const CHUNK = 250_000;

/** The items (names) of a scores table and each row's pair of them. */
export interface ScoresItems {
  /** Item names: the distinct `a`/`b` values in order of first appearance, or `row L·a` / `row L·b` per row when the table has no names. */
  names: string[];
  /** Row k is the pair (pairA[k], pairB[k]) of item indices. */
  pairA: Uint32Array;
  pairB: Uint32Array;
  /** False when the table has no a, b columns (names are made up from line numbers). */
  named: boolean;
}

/**
 * Items of a scores table, so a row can be flagged and restored by name like
 * an image pair: with `a, b` columns each distinct name is one item (a name
 * in many rows is one item: excluding it drops all its rows); without them
 * each row gets two made-up items `row L·a`, `row L·b` (L = the row's line),
 * so a pair flag always means exactly that row.
 *
 * Contract: `table.a`/`table.b` are both null or both of the table's length.
 * O(rows) with one Map over the names, in chunks of CHUNK rows with the page
 * answering in between.
 */
export async function scoresItems(table: ScoresTable): Promise<ScoresItems> {
  const rows = table.scores.length;
  const pairA = new Uint32Array(rows);
  const pairB = new Uint32Array(rows);
  if (!table.a || !table.b) {
    const names = new Array<string>(2 * rows);
    for (let k = 0; k < rows; k++) {
      if (k > 0 && k % CHUNK === 0) await yieldToPage();
      names[2 * k] = `row ${table.row[k]}·a`;
      names[2 * k + 1] = `row ${table.row[k]}·b`;
      pairA[k] = 2 * k;
      pairB[k] = 2 * k + 1;
    }
    return { names, pairA, pairB, named: false };
  }
  const index = new Map<string, number>();
  const names: string[] = [];
  const id = (name: string): number => {
    let i = index.get(name);
    if (i === undefined) {
      i = names.length;
      index.set(name, i);
      names.push(name);
    }
    return i;
  };
  for (let k = 0; k < rows; k++) {
    if (k > 0 && k % CHUNK === 0) await yieldToPage();
    pairA[k] = id(table.a[k]);
    pairB[k] = id(table.b[k]);
  }
  return { names, pairA, pairB, named: true };
}
