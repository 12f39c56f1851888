import { readZip } from './zip';

/**
 * Browser adapter: what the user dropped or picked, as files with the path
 * they know (relative to the dropped folder). Bytes are read lazily: a
 * `DroppedFile` keeps the DOM `File`, so 10,000 images cost no memory until
 * each is decoded. A dropped `.zip` is unpacked (its entries become files).
 */
export interface DroppedFile {
  /** '/'-separated path relative to what was dropped ('cat/1.jpg'), or the bare name. */
  path: string;
  file: File;
}

/** Files from `<input type=file>` (with or without `webkitdirectory`). */
export function filesFromList(list: FileList | readonly File[]): DroppedFile[] {
  return Array.from(list, (file) => ({ path: file.webkitRelativePath || file.name, file }));
}

/**
 * Files from a drop event, folders walked recursively. Must be called
 * synchronously inside the `drop` handler: `DataTransferItem`s are emptied
 * once the event returns, so the entries are taken first and read after.
 */
export function filesFromDataTransfer(dt: DataTransfer): Promise<DroppedFile[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(dt.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
    else {
      const f = item.getAsFile();
      if (f) loose.push(f);
    }
  }
  if (entries.length === 0 && loose.length === 0) loose.push(...Array.from(dt.files ?? []));
  return (async () => {
    const out: DroppedFile[] = filesFromList(loose);
    for (const entry of entries) out.push(...(await walk(entry)));
    return out;
  })();
}

async function walk(entry: FileSystemEntry): Promise<DroppedFile[]> {
  const path = entry.fullPath.replace(/^\/+/, '') || entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    return [{ path, file }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns at most ~100 entries per call: read until it returns none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const out: DroppedFile[] = [];
  for (const child of children) out.push(...(await walk(child)));
  return out;
}

/** Replaces every dropped `.zip` by its entries (paths prefixed by nothing: a zip of `val/` gives `val/cat/1.jpg`). */
export async function expandZips(files: readonly DroppedFile[]): Promise<{ files: DroppedFile[]; skipped: { path: string; reason: string }[] }> {
  const out: DroppedFile[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const f of files) {
    if (!/\.zip$/i.test(f.path)) {
      out.push(f);
      continue;
    }
    const zip = readZip(await f.file.arrayBuffer(), f.path);
    skipped.push(...zip.skipped.map((s) => ({ path: `${f.path}/${s.path}`, reason: s.reason })));
    for (const e of zip.entries) {
      const name = e.path.split('/').pop() ?? e.path;
      out.push({ path: e.path, file: new File([e.bytes as Uint8Array<ArrayBuffer>], name) });
    }
  }
  return { files: out, skipped };
}
