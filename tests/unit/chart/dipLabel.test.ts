import { describe, expect, it } from 'vitest';
import { dipLabelPosition } from '../../../src/chart/dipLabel';

const IW = 684;
const IH = 398;

describe('dipLabelPosition(px, py, iw, ih)', () => {
  it('puts the label right of the marker, on its line, in the open plot', () => {
    expect(dipLabelPosition(100, 200, IW, IH)).toEqual({ x: 111, y: 204, anchor: 'start' });
  });

  it('lifts the label above a marker at precision 0 on the left edge, clear of the 0.0 tick and the x axis labels (baseline well above the bottom edge)', () => {
    const p = dipLabelPosition(0, IH, IW, IH);
    expect(p.y).toBeLessThanOrEqual(IH - 11);
    expect(p.x).toBeGreaterThanOrEqual(11); // right of the y axis and of the marker (radius 8)
    expect(p.anchor).toBe('start');
  });

  it('stays inside the plot at the top and right edges', () => {
    const top = dipLabelPosition(300, 0, IW, IH);
    expect(top.y).toBeGreaterThanOrEqual(12);
    const right = dipLabelPosition(IW, 200, IW, IH);
    expect(right).toMatchObject({ x: IW - 11, anchor: 'end' });
  });
});
