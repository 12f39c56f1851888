import { InputError } from './inputIssue';

/** Bytes as the parsers accept them: what `File.arrayBuffer()`, fflate or Node's fs give. */
export type Bytes = Uint8Array | ArrayBuffer;

/** A named file as the parsers take it (never a DOM `File`): `name` may be a relative path. */
export interface NamedBytes {
  name: string;
  bytes: Bytes;
}

/** A view of `bytes` as a Uint8Array, without copying. */
export function asUint8(bytes: Bytes): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

/**
 * Decodes a text file: UTF-8 (with or without a BOM) or UTF-16 with a BOM,
 * as spreadsheet programs write them. Invalid UTF-8 is refused with the byte
 * offset rather than silently turned into U+FFFD (which would make paths and
 * class names that match nothing).
 */
export function decodeText(bytes: Bytes, file: string): string {
  const u8 = asUint8(bytes);
  const utf16 = utf16Of(u8);
  if (utf16) return utf16;
  const start = u8.length >= 3 && u8[0] === 0xef && u8[1] === 0xbb && u8[2] === 0xbf ? 3 : 0;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(u8.subarray(start));
  } catch {
    throw new InputError({
      file,
      message: 'is not UTF-8 text',
      fix: 'save it as UTF-8 (in Excel: "CSV UTF-8"; in Python: open(path, "w", encoding="utf-8"))',
    });
  }
}

/**
 * The text of a file's first bytes, for recognising what it is (and for
 * tables whose names may be in another 8-bit encoding): UTF-16 by its BOM,
 * else UTF-8 with U+FFFD for what does not decode (a character cut at the
 * end of the head, a Latin-1 name) — never an exception.
 */
export function decodeTextLoosely(bytes: Bytes): string {
  const u8 = asUint8(bytes);
  return utf16Of(u8) ?? stripBom(new TextDecoder('utf-8').decode(u8));
}

/** Text after a UTF-16 byte-order mark (Excel's "Unicode text"), or null without one. */
function utf16Of(u8: Uint8Array): string | null {
  if (u8.length >= 2 && u8[0] === 0xff && u8[1] === 0xfe) return new TextDecoder('utf-16le').decode(u8.subarray(2));
  if (u8.length >= 2 && u8[0] === 0xfe && u8[1] === 0xff) return new TextDecoder('utf-16be').decode(u8.subarray(2));
  return null;
}

/** Drops a leading byte-order mark from an already decoded string. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
