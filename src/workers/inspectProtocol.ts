import type { DroppedFile } from '../io/dropFiles';
import type { DataInspection } from '../io/dataDrop';

/** To the inspection worker: read a validation-set drop as far as the counts (unzip, detect, parse lists and tables). */
export type InspectIn = { type: 'inspect-data'; id: number; files: DroppedFile[] };

/** From the inspection worker; an error carries the message the user sees (it names the file and the fix). */
export type InspectOut = { type: 'data-inspected'; id: number; inspection: DataInspection } | { type: 'error'; id: number; message: string };

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
