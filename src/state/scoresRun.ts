import type { ScoresInspection } from '../io/scoresDrop';
import { scoresItems } from '../io/scoresItems';
import { yieldToPage } from '../base/yieldToPage';
import type { Dataset, ModelInfo } from './types';

/** What the gallery needs to name a scores-table row: its file line, and whether the table had a, b names. */
export interface ScoresTableView {
  file: string;
  /** 1-based line (CSV) or row (Parquet) of each row, by pair index. */
  lines: Uint32Array;
  /** False: the table had no a, b columns; rows are shown as "row L". */
  named: boolean;
}

/** The class every scores-table item is given: a table has pair labels, not classes. */
export const TABLE_CLASS = '—';

/**
 * A run over a dropped scores table: no model, no images, no embeddings.
 * Items are the table's names (see scoresItems) with no picture (url ''),
 * all in one placeholder class; each row is one listed pair. The scores and
 * labels are copied, so the drop keeps its table for a later run while the
 * copies are transferred to the metrics worker.
 */
export async function scoresRun(drop: ScoresInspection): Promise<{
  dataset: Dataset;
  model: ModelInfo;
  source: { kind: 'scores'; scores: Float64Array; labels: Uint8Array; pairA: Uint32Array; pairB: Uint32Array; file: string };
  table: ScoresTableView;
}> {
  const items = await scoresItems(drop.table);
  const images = new Array<Dataset['images'][number]>(items.names.length);
  for (let i = 0; i < images.length; i++) {
    if (i > 0 && i % 500_000 === 0) await yieldToPage();
    images[i] = { path: items.names[i], label: 0, url: '' };
  }
  return {
    dataset: { name: drop.name, classes: [TABLE_CLASS], images },
    model: { name: 'none (scores table)', url: '' },
    source: { kind: 'scores', scores: drop.table.scores.slice(), labels: drop.table.labels.slice(), pairA: items.pairA, pairB: items.pairB, file: drop.name },
    table: { file: drop.name, lines: drop.table.row, named: items.named },
  };
}
