import { describe, expect, it } from 'vitest';
import { countOf } from '../../../src/components/format';

describe('countOf(n, singular, plural?)', () => {
  it('is singular for exactly one, plural otherwise (zero included), with thousands separators', () => {
    expect(countOf(1, 'label')).toBe('1 label');
    expect(countOf(0, 'label')).toBe('0 labels');
    expect(countOf(2, 'label')).toBe('2 labels');
    expect(countOf(12345, 'pair')).toBe('12,345 pairs');
  });
  it('takes an irregular plural', () => {
    expect(countOf(1, 'class', 'classes')).toBe('1 class');
    expect(countOf(3, 'class', 'classes')).toBe('3 classes');
  });
});
