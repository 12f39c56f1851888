import { extensionOf, isImagePath, junkReason, normalizePath } from './pathRules';

/**
 * ImageFolder layout (as torchvision.datasets.ImageFolder reads it):
 * `root/<class>/…/<image>`. The class of an image is the first folder under
 * the root; deeper sub-folders belong to that class.
 *
 * The root is found, not asked for: the folder shared by every image's
 * directory (or its parent, when all images sit directly in it). So dropping
 * `val/` (paths `val/cat/1.jpg`, `val/dog/2.jpg`) and dropping the class
 * folders themselves (`cat/1.jpg`, `dog/2.jpg`) give the same classes; a
 * one-class set `val/cat/*.jpg` has the class `cat`; a stray `val/cover.jpg`
 * beside the class folders is skipped. (Ambiguous by nature: `cat/1.jpg` next
 * to `cat/sub/2.jpg` reads as root `cat` with the class `sub`.)
 *
 * Classes are sorted (code-unit order, like torchvision's `sorted`), images
 * sorted by class then path, so the same drop always gives the same indices.
 */

export interface FolderImage {
  /** The path as given (not normalised), to look the bytes up again. */
  path: string;
  /** Index into `classes`. */
  label: number;
}

export interface SkippedFile {
  path: string;
  reason: string;
}

export interface ImageFolderLayout {
  /** The common folder the classes sit in ('' when the drop was the class folders themselves). */
  root: string;
  classes: string[];
  images: FolderImage[];
  /** Every given path that is not in `images`, with why (junk, not an image, not in a class folder). */
  skipped: SkippedFile[];
}

/**
 * Contract: `paths` are relative paths of every dropped file (zip entry names
 * or `webkitRelativePath`), '/' or '\\' separated; duplicates are skipped.
 * Never throws; an empty `classes` means no image was in a class folder (see `skipped`).
 */
export function imageFolderLayout(paths: readonly string[]): ImageFolderLayout {
  const skipped: SkippedFile[] = [];
  const candidates: { path: string; parts: string[] }[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    const norm = normalizePath(path);
    const junk = junkReason(norm);
    if (junk) {
      skipped.push({ path, reason: junk });
    } else if (seen.has(norm)) {
      skipped.push({ path, reason: 'listed twice' });
    } else if (!isImagePath(norm)) {
      const ext = extensionOf(norm);
      skipped.push({ path, reason: ext === '.svg' ? 'a vector drawing (.svg), which is not read: export it as PNG' : ext ? `not an image (extension ${ext})` : 'not an image (no extension)' });
    } else {
      seen.add(norm);
      candidates.push({ path, parts: norm.split('/') });
    }
  }

  const rootDepth = findRootDepth(candidates.map((c) => c.parts));
  const byClass = new Map<string, { path: string; norm: string }[]>();
  for (const c of candidates) {
    if (c.parts.length - rootDepth < 2) {
      skipped.push({ path: c.path, reason: 'not inside a class folder (images must sit in <class>/ folders)' });
      continue;
    }
    const cls = c.parts[rootDepth];
    let list = byClass.get(cls);
    if (!list) byClass.set(cls, (list = []));
    list.push({ path: c.path, norm: c.parts.join('/') });
  }
  const classes = [...byClass.keys()].sort(byCodeUnit);
  const images: FolderImage[] = [];
  classes.forEach((cls, label) => {
    const list = byClass.get(cls)!.sort((a, b) => byCodeUnit(a.norm, b.norm));
    for (const item of list) images.push({ path: item.path, label });
  });
  const root = candidates.length > 0 ? candidates[0].parts.slice(0, rootDepth).join('/') : '';
  return { root, classes, images, skipped };
}

/**
 * Depth of the root: the folders shared by every image's directory, minus one
 * when every image sits directly in that shared folder (then it is the one
 * class). Loose images beside class folders do not move the root.
 */
function findRootDepth(all: string[][]): number {
  if (all.length === 0) return 0;
  const dirs = all.map((p) => p.slice(0, -1));
  let depth = 0;
  while (dirs.every((d) => d.length > depth && d[depth] === dirs[0][depth])) depth++;
  const allLoose = dirs.every((d) => d.length === depth);
  return allLoose ? Math.max(0, depth - 1) : depth;
}

function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
