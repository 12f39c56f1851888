import { unzipSync } from 'fflate';
import { asUint8, type Bytes } from './bytes';
import { InputError } from './inputIssue';
import { junkReason, normalizePath } from './pathRules';

/** One file from a zip: its path inside the archive ('/'-separated) and its bytes. */
export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

export interface ZipContents {
  entries: ZipEntry[];
  /** Entries left out: junk (`__MACOSX/`, `.DS_Store`, `Thumbs.db`) — listed so nothing is skipped silently. */
  skipped: { path: string; reason: string }[];
}

/** Archives unpacking to more than this are refused before inflating anything. */
export const MAX_ZIP_BYTES = 2 * 1024 ** 3;

export interface ReadZipOptions {
  /** Refuse archives that would unpack to more than this many bytes (default 2 GiB, unpacked in a worker whose memory the browser caps): past that the tab runs out of memory; a bigger set is dropped as a folder, whose files are read one batch at a time. */
  maxTotalBytes?: number;
}

/**
 * Unpacks a whole .zip in memory (fflate; stored and deflate entries, the two
 * methods every zip tool writes). Folder entries are dropped; paths are
 * normalised ('\\' → '/', no leading './').
 *
 * Contract: `bytes` is the whole archive; `file` is its name for messages.
 * Throws `InputError` when it is not a zip, uses an unsupported method
 * (e.g. Deflate64, LZMA) or encryption, or exceeds `maxTotalBytes` (checked
 * from the central directory before anything is inflated).
 */
export function readZip(bytes: Bytes, file: string, options: ReadZipOptions = {}): ZipContents {
  const u8 = asUint8(bytes);
  const maxTotal = options.maxTotalBytes ?? MAX_ZIP_BYTES;
  const skipped: ZipContents['skipped'] = [];
  let total = 0;
  const locked = firstEncryptedEntry(u8);
  if (locked !== null) {
    throw new InputError({ file, field: locked, message: 'is password-protected', fix: 'unzip it yourself and drop the folder, or zip it again without a password' });
  }
  let unpacked: Record<string, Uint8Array>;
  try {
    unpacked = unzipSync(u8, {
      filter: (info) => {
        if (info.name.endsWith('/')) return false;
        const junk = junkReason(info.name);
        if (junk) {
          skipped.push({ path: normalizePath(info.name), reason: junk });
          return false;
        }
        total += info.originalSize;
        if (total > maxTotal) throw new TooLarge(total, maxTotal);
        if (info.compression !== 0 && info.compression !== 8) throw new BadMethod(info.name, info.compression);
        return true;
      },
    });
  } catch (e) {
    if (e instanceof TooLarge) {
      throw new InputError({ file, message: `unpacks to more than ${gib(e.limit)} (the browser tab would run out of memory)`, fix: 'zip a smaller part of the set, or drop the folder itself instead of a zip' });
    }
    if (e instanceof BadMethod) {
      throw new InputError({ file, field: e.entry, message: `uses compression method ${e.method}, which browsers cannot unpack`, fix: 're-create the zip with the standard "deflate" method (zip -r, Finder "Compress", Windows "Send to > Compressed folder")' });
    }
    throw new InputError({
      file,
      message: `is not a readable zip archive (${(e as Error).message})`,
      fix: 'check that the download finished, or drop the unzipped folder instead',
    });
  }
  const entries: ZipEntry[] = Object.entries(unpacked).map(([name, data]) => ({ path: normalizePath(name), bytes: data }));
  return { entries, skipped };
}

/**
 * Name of the first entry whose general-purpose flag has bit 0 (encrypted)
 * set, read from the central directory (APPNOTE 4.3.12, 4.3.16); null when
 * none is, or when the directory cannot be found (fflate then reports it).
 */
function firstEncryptedEntry(u8: Uint8Array): string | null {
  const view = new DataView(u8.buffer, u8.byteOffset, u8.byteLength);
  let eocd = -1;
  for (let i = u8.length - 22; i >= Math.max(0, u8.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let k = 0; k < count && p + 46 <= u8.length; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) return null;
    const nameLen = view.getUint16(p + 28, true);
    if (view.getUint16(p + 8, true) & 1) return new TextDecoder().decode(u8.subarray(p + 46, p + 46 + nameLen));
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return null;
}

class TooLarge extends Error {
  constructor(readonly total: number, readonly limit: number) {
    super('too large');
  }
}
class BadMethod extends Error {
  constructor(readonly entry: string, readonly method: number) {
    super('bad method');
  }
}

function gib(n: number): string {
  return n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(1)} GiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`;
}
