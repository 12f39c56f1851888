import { describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/base/fingerprint';

describe('fingerprint(parts)', () => {
  it('is 16 hex digits, the same for the same content, other for other content, order or split', () => {
    const a = fingerprint(['x/1.png', Float32Array.from([1, 2, 3])]);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(['x/1.png', Float32Array.from([1, 2, 3])])).toBe(a);
    expect(fingerprint(['x/1.png', Float32Array.from([1, 2, 4])])).not.toBe(a);
    expect(fingerprint(['ab', 'c'])).not.toBe(fingerprint(['a', 'bc']));
    expect(fingerprint(['a', 'b'])).not.toBe(fingerprint(['b', 'a']));
    expect(fingerprint([Uint8Array.from([1, 2, 3])])).not.toBe(fingerprint([Uint8Array.from([1, 2, 3, 0])]));
  });
});
