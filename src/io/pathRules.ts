/**
 * Which dropped paths are files a user meant to give us. Paths use '/' (zip
 * entries and `webkitRelativePath` both do); a leading './' or '/' is ignored.
 */

/** Image extensions the browser may decode (lower case, with the dot). HEIC/TIFF are listed so they are skipped with a reason rather than ignored. */
export const IMAGE_EXTENSIONS: readonly string[] = ['.jpg', '.jpeg', '.png', '.webp', '.bmp', '.gif', '.avif', '.heic', '.heif', '.tif', '.tiff'];

/** Files that operating systems and archivers add by themselves. */
const JUNK_NAMES = new Set(['thumbs.db', 'desktop.ini', 'ehthumbs.db']);

/** Normalises separators and drops './' and leading '/' segments. */
export function normalizePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .split('/')
    .filter((s) => s !== '' && s !== '.')
    .join('/');
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
