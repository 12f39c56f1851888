/**
 * A 64-bit content fingerprint (two FNV-1a hashes with different offsets) of
 * strings and typed arrays, as 16 hex digits. Not cryptographic: it tells
 * datasets apart for keys (the same files give the same key, other files
 * almost surely another), synchronously and fast (words, not bytes, for
 * typed arrays whose byte length is a multiple of 4).
 */
export function fingerprint(parts: readonly (string | ArrayBufferView)[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x9e3779b9;
  const mix = (v: number) => {
    a = Math.imul(a ^ v, 0x01000193);
    b = Math.imul(b ^ v, 0x01000193) ^ (b >>> 15);
  };
  for (const part of parts) {
    if (typeof part === 'string') {
      for (let k = 0; k < part.length; k++) mix(part.charCodeAt(k));
      mix(0xffff_ffff); // separator: ["ab", "c"] ≠ ["a", "bc"]
      continue;
    }
    const { buffer, byteOffset, byteLength } = part;
    if (byteOffset % 4 === 0 && byteLength % 4 === 0) {
      const words = new Uint32Array(buffer, byteOffset, byteLength / 4);
      for (let k = 0; k < words.length; k++) mix(words[k]);
    } else {
      const bytes = new Uint8Array(buffer, byteOffset, byteLength);
      for (let k = 0; k < bytes.length; k++) mix(bytes[k]);
    }
    mix(byteLength);
  }
  const hex = (v: number) => (v >>> 0).toString(16).padStart(8, '0');
  return hex(a) + hex(b);
}
