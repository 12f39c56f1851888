import type { DroppedFile } from '../io/dropFiles';
import type { DataInspection } from '../io/dataDrop';

/** To the inspection worker: read a validation-set drop as far as the counts (unzip, detect, parse lists and tables), or only unpack its zips (a model drop). */
export type InspectIn = { type: 'inspect-data'; id: number; files: DroppedFile[] } | { type: 'expand-zips'; id: number; files: DroppedFile[] };

/** What expandZips gives: the drop with each zip replaced by its entries, and the entries left out. */
export interface ExpandedZips {
  files: DroppedFile[];
  skipped: { path: string; reason: string }[];
}

/** From the inspection worker; an error carries the message the user sees (it names the file and the fix). */
export type InspectOut =
  | { type: 'data-inspected'; id: number; inspection: DataInspection }
  | { type: 'zips-expanded'; id: number; expanded: ExpandedZips }
  | { type: 'error'; id: number; message: string };

/** The big typed arrays of an inspection, to transfer instead of copying (the worker keeps nothing). */
export function inspectionArrays(it: DataInspection): ArrayBufferView[] {
  switch (it.kind) {
    case 'scores':
      return [it.table.scores, it.table.labels, it.table.row];
    case 'embeddings':
      return [it.set.embeddings, it.set.classIds];
    case 'pair-list':
      return [it.pairs.a, it.pairs.b, it.pairs.labels, it.pairs.line];
    case 'class-folders':
    case 'unsupported':
      return [];
  }
}
