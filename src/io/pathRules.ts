/**
 * Which dropped paths are files a user meant to give us. Paths use '/' (zip
 * entries and `webkitRelativePath` both do); a leading './' or '/' is ignored.
 */

/** Image extensions the browser may decode (lower case, with the dot). HEIC/TIFF are listed so they are skipped with a reason rather than ignored. */
export const IMAGE_EXTENSIONS: readonly string[] = ['.jpg', '.jpeg', '.jpe', '.jfif', '.png', '.webp', '.bmp', '.gif', '.avif', '.heic', '.heif', '.tif', '.tiff'];

/** Files that operating systems and archivers add by themselves. */
const JUNK_NAMES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/**
 * Normalises a relative path: '\\' → '/', empty and '.' segments dropped,
 * 'x/..' resolved (`bag/../coat/c5.png` → `coat/c5.png`), and '..' segments
 * that climb above the path's start dropped (`../imgs/b.png` → `imgs/b.png`),
 * since dropped paths and list paths are compared by their trailing segments.
 */
export function normalizePath(path: string): string {
  const out: string[] = [];
  for (const s of path.replace(/\\/g, '/').split('/')) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return out.join('/');
}

/** A path cut to its last `max` characters (with a leading '…') so one huge name cannot swamp a message. */
export function shortPath(path: string, max = 300): string {
  return path.length <= max ? path : `…${path.slice(path.length - max)}`;
}

/**
 * Why a path is junk, or null when it is a real file: macOS resource forks
 * (`__MACOSX/…`, `._name`), dotfiles and dot-folders (`.DS_Store`, `.git/…`),
 * Windows `Thumbs.db` / `desktop.ini`.
 */
export function junkReason(path: string): string | null {
  const parts = normalizePath(path).split('/');
  if (parts.includes('__MACOSX')) return 'macOS archive metadata (__MACOSX)';
  if (parts.some((p) => p.startsWith('.'))) return 'hidden file or folder (name starts with ".")';
  if (JUNK_NAMES.has(parts[parts.length - 1].toLowerCase())) return 'Windows thumbnail cache / folder settings';
  return null;
}

/** Lower-case extension with its dot ('' when none): '.jpg' for 'a/B.JPG'. */
export function extensionOf(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

export function isImagePath(path: string): boolean {
  return IMAGE_EXTENSIONS.includes(extensionOf(path));
}
