import { asUint8, decodeTextLoosely, type NamedBytes } from './bytes';
import { csvRows } from './csvRows';
import { parsePairLabel } from './pairLabel';
import { isImagePath, junkReason } from './pathRules';
import { parseScore, scoreColumns, SCORES_COLUMNS_HELP } from './scoresTable';

/**
 * What a validation-set drop is, so the UI can call the right parser:
 *
 * | kind             | files                                   | parser                                 |
 * |------------------|-----------------------------------------|----------------------------------------|
 * | class-folders    | images in <class>/ folders (or a zip)   | imageFolderLayout + classFolderPairs   |
 * | pairs-csv        | path_a,path_b,label + the images        | parsePairsCsv + matchPaths             |
 * | lfw-pairs        | LFW pairs.txt + the images              | parseLfwPairs + matchPaths             |
 * | triplets-csv     | anchor,positive,negative + the images   | parseTripletsCsv + matchPaths          |
 * | embeddings       | [N, D] .npy + labels (.npy/.txt/.csv)   | readEmbeddingSet                       |
 * | scores-csv       | score,label[,a,b] CSV                   | parseScoresCsv                         |
 * | scores-parquet   | the same as Parquet                     | parseScoresParquet                     |
 *
 * Decided from names and the first lines of text files only (cheap: call it
 * before reading every image). `list` is the pairs/triplets/scores file,
 * `labels` the labels file of an embeddings drop.
 */
export type DataKind = 'class-folders' | 'pairs-csv' | 'lfw-pairs' | 'triplets-csv' | 'embeddings' | 'scores-csv' | 'scores-parquet';

export type DataDrop =
  | { kind: DataKind; list?: string; embeddings?: string; labels?: string; images: string[]; /** Something dropped with the images and set aside (a stray .npy), said as a note. */ note?: string }
  /** `file`: the one table dropped alone that was not recognised; `reason` then names it, its columns and the expected ones, and is the whole message. */
  | { kind: 'unknown'; reason: string; images: string[]; file?: string };

const TEXT = /\.(csv|tsv|txt)$/i;

/** Contract: every dropped file (zip entries already unpacked); only text files' bytes are read, and only their start. */
export function detectDataKind(files: readonly NamedBytes[]): DataDrop {
  const real = files.filter((f) => junkReason(f.name) === null);
  const images = real.filter((f) => isImagePath(f.name)).map((f) => f.name);
  const npy = real.filter((f) => /\.npy$/i.test(f.name));
  const parquet = real.find((f) => /\.parquet$/i.test(f.name));
  const texts = real.filter((f) => TEXT.test(f.name));

  if (npy.length > 0) {
    // An (N, 1) array is a column of labels (y.reshape(-1, 1)), not embeddings of width 1.
    const isLabels = (f: NamedBytes) => { const shape = npyShape(f); return shape !== null && (shape.length === 1 || (shape.length === 2 && shape[1] === 1)); };
    const matrices = npy.filter((f) => npyShape(f)?.length === 2 && !isLabels(f));
    if (matrices.length > 1) {
      const names = matrices.map((f) => `${f.name} (${npyShape(f)!.join(' × ')})`).join(', ');
      return { kind: 'unknown', reason: `${matrices.length} embedding arrays were dropped together: ${names}. Fix: drop one [N, D] .npy with its labels (one evaluation per drop)`, images, file: matrices[0].name };
    }
    const embeddings = matrices[0];
    // Images dropped with an .npy that makes no embedding set (labels.npy, features without labels): the images are the evaluation, the .npy is set aside.
    const setAside = (why: string): DataDrop => ({
      kind: 'class-folders',
      images,
      note: `${npy.map((f) => f.name).join(', ')} set aside: ${why}. The ${images.length.toLocaleString('en-US')} images are read as class folders; to evaluate precomputed embeddings instead, drop the [N, D] .npy with its labels and without the images`,
    });
    if (!embeddings) {
      const shapes = npy.map((f) => `${f.name} (${npyShape(f)?.join(' × ') ?? 'unreadable header'})`).join(', ');
      if (images.length > 0) return setAside('no .npy of shape [N, D] (embeddings) among them');
      return { kind: 'unknown', reason: `no .npy of shape [N, D] among the dropped .npy files: ${shapes}. Fix: drop the embeddings as one [N, D] .npy (np.save(path, emb)) together with their labels`, images, file: npy[0].name };
    }
    const labels = npy.find((f) => f !== embeddings && isLabels(f)) ?? texts.find((f) => sniffText(f) === 'labels' || sniffText(f) === null);
    if (!labels && images.length > 0) return setAside(`${embeddings.name} has no labels file with it`);
    if (!labels) {
      return {
        kind: 'unknown',
        reason: `${embeddings.name}: embeddings need their labels. Fix: drop its labels file now (or both together), one label per row — a 1-D .npy (np.save("labels.npy", labels)) or a .txt with one class name per line`,
        images,
        file: embeddings.name,
      };
    }
    return { kind: 'embeddings', embeddings: embeddings.name, labels: labels.name, images };
  }
  const lists = texts.flatMap((f): { kind: Exclude<DataKind, 'class-folders' | 'embeddings'>; name: string }[] => {
    const kind = sniffText(f);
    return kind && kind !== 'labels' ? [{ kind, name: f.name }] : [];
  });
  if (parquet) lists.unshift({ kind: 'scores-parquet', name: parquet.name });
  if (lists.length > 1) {
    const names = lists.map((l) => `${l.name} (${KIND_NAMES[l.kind]})`).join(', ');
    return { kind: 'unknown', reason: `${lists.length} lists were dropped together: ${names}. Fix: drop one list (with its images, for a pair list) — one evaluation per drop`, images, file: lists[0].name };
  }
  if (lists.length === 1) return { kind: lists[0].kind, list: lists[0].name, images };
  // An empty pairs/triplets list goes to its parser, which names the file and the columns it needs.
  const empty = texts.filter((f) => csvRows(decodeTextLoosely(asUint8(f.bytes).subarray(0, 8192))).length === 0);
  const emptyList = empty.find((f) => /pair|triplet/i.test(f.name.split('/').pop()!));
  if (emptyList) return { kind: /triplet/i.test(emptyList.name.split('/').pop()!) ? 'triplets-csv' : /\.txt$/i.test(emptyList.name) ? 'lfw-pairs' : 'pairs-csv', list: emptyList.name, images };
  if (images.length > 0) return { kind: 'class-folders', images };
  if (empty.length > 0) return { kind: 'unknown', reason: `${empty[0].name} is empty (a pairs list needs lines path_a,path_b,label, and the images it names)`, images, file: empty[0].name };
  const table = texts.filter((f) => !/\.txt$/i.test(f.name));
  if (table.length === 1) return { kind: 'unknown', reason: unrecognisedTable(table[0]), images, file: table[0].name };
  const model = real.find((f) => /(^|\/)model\.json$/i.test(f.name) || /\.bin$/i.test(f.name));
  if (model) return { kind: 'unknown', reason: `${model.name} looks like a TensorFlow.js model (model.json and its .bin shards), not validation data. Fix: drop it on "1. Your model", and your images here`, images, file: model.name };
  const npz = real.find((f) => /\.npz$/i.test(f.name));
  if (npz) return { kind: 'unknown', reason: `${npz.name} is a NumPy .npz archive, which is not read. Fix: save the embeddings and the labels as two .npy files (np.save("emb.npy", emb); np.save("labels.npy", labels)) and drop both`, images, file: npz.name };
  return { kind: 'unknown', reason: 'no images, pairs list, embeddings or scores table found', images };
}

/** Why a CSV/TSV dropped alone was not read: its name, the columns of its first row and the columns each kind needs. */
function unrecognisedTable(file: NamedBytes): string {
  const first = csvRows(decodeTextLoosely(asUint8(file.bytes).subarray(0, 8192)))[0]?.fields ?? [];
  const found = first.length > 0 ? `its first row has the column${first.length === 1 ? '' : 's'} [${first.map((f) => f.trim()).join(', ')}]` : 'it is empty';
  return (
    `${file.name}: not recognised as a scores table or a pair list — ${found}. ` +
    `Fix: for a scores table (no model needed), ${SCORES_COLUMNS_HELP}, a score being a number (higher = more alike) and a label 1/0; ` +
    'for a pair list, use the columns path_a,path_b,label and drop the images with it'
  );
}

/** The kind of one text file from its first rows; null when none fits. */
export function sniffText(file: NamedBytes): Exclude<DataKind, 'class-folders' | 'embeddings' | 'scores-parquet'> | 'labels' | null {
  const bytes = asUint8(file.bytes);
  const head = decodeTextLoosely(bytes.subarray(0, 8192));
  const cut = bytes.length > 8192 ? head.lastIndexOf('\n') : -1; // drop a line cut at the 8 KiB mark
  const text = cut > 0 ? head.slice(0, cut) : head;
  const rows = csvRows(text).slice(0, 5);
  if (rows.length === 0) return null;
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '').slice(0, 5);
  const words = lines.map((l) => l.trim().split(/\s+/));
  if (/^\d+(\s+\d+)?$/.test(lines[0].trim()) && words.slice(1).some((w) => w.length === 3 || w.length === 4)) return 'lfw-pairs';
  if (lines.length === 1 && /^\d+\s+\d+$/.test(lines[0].trim())) return 'lfw-pairs'; // only the `folds perFold` header: its parser says it has no pair lines
  // Without the header, every line must be a pair line: "name n1 n2" or "name1 n1 name2 n2" (both numbers whole).
  const num = (t: string) => /^\d+$/.test(t);
  if (!lines[0].includes(',') && words.every((w) => (w.length === 3 && !num(w[0]) && num(w[1]) && num(w[2])) || (w.length === 4 && !num(w[0]) && num(w[1]) && !num(w[2]) && num(w[3])))) return 'lfw-pairs';
  const header = rows[0].fields.map((f) => f.toLowerCase());
  if (header.includes('anchor') && header.includes('negative')) return 'triplets-csv';
  if (header.some((h) => ['score', 'similarity', 'distance', 'dist'].includes(h)) || scoreColumns(header) !== null) return 'scores-csv';
  if (header.some((h) => ['path_a', 'img1', 'image1', 'image_a'].includes(h))) return 'pairs-csv';
  const data = rows.find((r) => r.fields.some(isImagePath)) ?? rows[rows.length > 1 ? 1 : 0];
  const f = data.fields;
  if (f.length >= 3 && isImagePath(f[0]) && isImagePath(f[1]) && isImagePath(f[2])) return 'triplets-csv';
  if (f.length >= 3 && isImagePath(f[0]) && isImagePath(f[1]) && parsePairLabel(f[2]) !== null) return 'pairs-csv';
  if (f.length >= 2 && parseScore(f[0]) !== null && parsePairLabel(f[1]) !== null) return 'scores-csv';
  if (rows.every((r) => r.fields.length === 1)) return 'labels';
  return null;
}

/** The shape in an .npy header (null when unreadable). */
function npyShape(file: NamedBytes): number[] | null {
  const head = new TextDecoder('latin1').decode(asUint8(file.bytes).subarray(0, 512));
  const m = /'shape'\s*:\s*\(([^)]*)\)/.exec(head);
  return m ? m[1].split(',').filter((s) => s.trim() !== '').map((s) => Number(s.trim())) : null;
}

const KIND_NAMES: Record<Exclude<DataKind, 'class-folders' | 'embeddings'>, string> = {
  'pairs-csv': 'pairs CSV',
  'lfw-pairs': 'LFW pairs.txt',
  'triplets-csv': 'triplets CSV',
  'scores-csv': 'scores CSV',
  'scores-parquet': 'scores Parquet',
};
