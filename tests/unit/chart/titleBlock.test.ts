import { describe, expect, it } from 'vitest';
import { chartTitleBlock, fileSlug, localDate, localDateTime } from '../../../src/chart/titleBlock';

const facts = {
  model: 'fmnist-triplet',
  dataset: 'Fashion-MNIST validation',
  pairs: 499_500,
  positives: 49_500,
  ap: 0.123456,
  chance: 0.0991,
  score: '−squared L2 distance',
  backend: 'webgl',
  date: new Date(2025, 0, 2, 3, 4),
  dip: { minPrecision: 0.25, refPrecision: 0.9, recallEnd: 0.0123 },
};

describe('chartTitleBlock(facts)', () => {
  it('names the model, data, pair count, AP as the page shows it (4 decimals), backend, local date and the dip', () => {
    const t = chartTitleBlock(facts);
    expect(t.heading).toBe('Precision-recall curve · model: fmnist-triplet');
    const text = t.lines.join('\n');
    expect(text).toContain('data: Fashion-MNIST validation · 499,500 pairs (49,500 positive)');
    expect(text).toContain('AP 0.1235 (chance 0.0991) · backend: webgl · 2025-01-02 03:04');
    expect(text).toContain('dip (red band and marker): precision 0.250 vs 0.900 up to recall 0.012');
  });

  it('says when there is no dip, and adds the selected point only when it has a finite threshold', () => {
    expect(chartTitleBlock({ ...facts, dip: null }).lines[2]).toMatch(/^no low-recall dip/);
    expect(chartTitleBlock({ ...facts, selected: { threshold: -0.0123456789, precision: 0.5, recall: 0.25 } }).lines[3]).toBe(
      'selected (yellow): score ≥ -0.0123457 · precision 0.5000 · recall 0.2500',
    );
    expect(chartTitleBlock({ ...facts, selected: { threshold: Infinity, precision: 0, recall: 0 } }).lines).toHaveLength(3);
  });
});

describe('file name helpers', () => {
  it('fileSlug keeps lowercase letters and digits, joined by single dashes', () => {
    expect(fileSlug('Fashion-MNIST (validation) 1,000 images')).toBe('fashion-mnist-validation-1-000-images');
    expect(fileSlug('  ***  ')).toBe('data');
    expect(fileSlug('a'.repeat(39) + ' b')).toBe('a'.repeat(39));
  });
  it('localDate / localDateTime pad to YYYY-MM-DD HH:MM', () => {
    expect(localDate(new Date(2025, 8, 7))).toBe('2025-09-07');
    expect(localDateTime(new Date(2025, 8, 7, 9, 5))).toBe('2025-09-07 09:05');
  });
});
