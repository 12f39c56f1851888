import { asUint8, type Bytes } from './bytes';

/**
 * SHA-256 of `bytes` as 64 lower-case hex digits, via WebCrypto
 * (`crypto.subtle`: browsers in secure contexts, workers, Node ≥ 20).
 * Used for byte-duplicate detection and as an image's embedding-cache key.
 */
export async function contentHash(bytes: Bytes): Promise<string> {
  return toHex(await crypto.subtle.digest('SHA-256', asUint8(bytes) as Uint8Array<ArrayBuffer>));
}

/** Hex digits of a digest. */
export function toHex(digest: ArrayBuffer): string {
  const u8 = new Uint8Array(digest);
  let s = '';
  for (const b of u8) s += b.toString(16).padStart(2, '0');
  return s;
}
