import { describe, expect, it } from 'vitest';
import { inspectDataDrop } from '../../../src/io/dataDrop';

describe('a table dropped alone: recognised by its header, or refused naming what was found and what is expected', () => {
  it('a CSV dropped alone that is not recognised (label,prob) is refused naming the file, the columns found and the columns expected with their accepted synonyms', async () => {
    const r = await inspectDataDrop([{ path: 'exports/val.csv', file: new File(['label,prob\n1,0.9\n0,0.2\n'], 'val.csv') }]);
    expect(r.kind).toBe('unsupported');
    const message = r.kind === 'unsupported' ? r.message : '';
    expect(message).toMatch(/^exports\/val\.csv: not recognised as a scores table or a pair list — its first row has the columns \[label, prob\]\. Fix: .*name the columns score,label\[,a,b\] \(score may also be called scores\/similarity/);
    expect(message).toMatch(/label: labels\/y_true/);
    expect(message).not.toMatch(/Nothing to evaluate/);
  });

  it('a CSV whose header names score and label columns by accepted synonyms, in any order (y_true,y_score), is read as a scores table', async () => {
    const r = await inspectDataDrop([{ path: 'val.csv', file: new File(['y_true,y_score\n1,0.9\n0,0.2\n'], 'val.csv') }]);
    expect(r.kind).toBe('scores');
  });
});
