import { decodeText, type NamedBytes } from './bytes';
import { csvRows } from './csvRows';
import { InputError } from './inputIssue';
import { readNpy } from './npy';

const HEADER_NAMES = ['label', 'labels', 'class', 'class_name', 'classname', 'y', 'target', 'identity', 'name', 'id'];

/**
 * One class name per item, from `.npy` (integers, or strings such as
 * np.array(['cat', 'dog'])) or from text: one name per line, or a CSV whose
 * header names a label column (label, class, y, …). A one-column file may
 * start with such a header word when it has exactly `count` + 1 lines.
 *
 * Labels must line up with the embeddings row for row, so any missing or
 * unreadable label is an `InputError` (naming the line), never a skipped row.
 * Contract: `count` is the number of embedding rows; the result has that length.
 */
export function readLabels(file: NamedBytes, count: number): string[] {
  const labels = file.name.toLowerCase().endsWith('.npy') ? labelsFromNpy(file) : labelsFromText(decodeText(file.bytes, file.name), file.name, count);
  if (labels.length !== count) {
    throw new InputError({
      file: file.name,
      message: `has ${labels.length} labels but the embeddings have ${count} rows`,
      fix: 'give exactly one label per embedding row, in the same order',
    });
  }
  return labels;
}

function labelsFromNpy(file: NamedBytes): string[] {
  const arr = readNpy(file.bytes, file.name);
  const flat = arr.shape.length === 1 || (arr.shape.length === 2 && arr.shape[1] === 1);
  if (!flat) {
    throw new InputError({ file: file.name, field: 'shape', message: `has shape (${arr.shape.join(', ')}); labels need shape (N,)`, fix: 'in Python: np.save(path, labels.reshape(-1))' });
  }
  if (Array.isArray(arr.data)) return arr.data;
  const out: string[] = [];
  for (let i = 0; i < arr.data.length; i++) {
    const v = arr.data[i];
    if (!Number.isInteger(v)) {
      throw new InputError({ file: file.name, field: `element ${i}`, message: `label ${v} is not an integer class id`, fix: 'save integer class ids (arr.astype(np.int64)) or class names' });
    }
    out.push(String(v));
  }
  return out;
}

function labelsFromText(text: string, file: string, count: number): string[] {
  const rows = csvRows(text);
  if (rows.length === 0) return [];
  const width = rows[0].fields.length;
  if (width > 1) {
    const col = rows[0].fields.findIndex((f) => HEADER_NAMES.includes(f.toLowerCase()));
    if (col < 0) {
      throw new InputError({ file, line: 1, message: `has ${width} columns and no header naming the label column`, fix: 'put one class name per line, or add a header with a "label" column' });
    }
    return rows.slice(1).map((r) => {
      const v = r.fields[col] ?? '';
      if (v === '') throw new InputError({ file, line: r.line, field: rows[0].fields[col], message: 'has no label', fix: 'give every row a class name' });
      return v;
    });
  }
  const skipHeader = rows.length === count + 1 && HEADER_NAMES.includes(rows[0].fields[0].toLowerCase());
  const body = skipHeader ? rows.slice(1) : rows;
  // Blank lines inside the file would shift every later label: refuse them.
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  while (lines.length > 0 && lines[lines.length - 1].trim() === '') lines.pop();
  const blank = lines.findIndex((l) => l.trim() === '');
  if (blank >= 0) throw new InputError({ file, line: blank + 1, message: 'is a blank line, which would shift every later label by one', fix: 'remove the blank line or write the missing class name' });
  return body.map((r) => r.fields[0]);
}
