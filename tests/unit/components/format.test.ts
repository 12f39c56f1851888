import { describe, expect, it } from 'vitest';
import { countOf, formatPercent, middleEllipsis } from '../../../src/components/format';

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

describe('formatPercent(fraction)', () => {
  it('one decimal, never a false 100 % or 0 %', () => {
    expect(formatPercent(0.5)).toBe('50.0 %');
    expect(formatPercent(1)).toBe('100.0 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(0.99999)).toBe('> 99.9 %');
    expect(formatPercent(0.00001)).toBe('< 0.1 %');
  });
});

describe('middleEllipsis(text, max)', () => {
  it('keeps the end of a file name (number, extension) and as much of the start as fits, in at most max characters', () => {
    const cut = middleEllipsis('t-shirt_top-t10k-00979.png', 16);
    expect(cut).toBe('t-shir…00979.png');
    expect(Array.from(cut)).toHaveLength(16);
    expect(middleEllipsis('t-shirt_top-t10k-00980.png', 16)).not.toBe(cut);
  });
  it('leaves a short name alone and never splits a surrogate pair', () => {
    expect(middleEllipsis('a.png', 16)).toBe('a.png');
    expect(Array.from(middleEllipsis('😀'.repeat(20), 9))).toHaveLength(9);
    expect(middleEllipsis('😀'.repeat(20), 9)).not.toMatch(/\uFFFD/);
  });
});
