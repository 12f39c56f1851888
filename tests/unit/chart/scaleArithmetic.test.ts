import { describe, expect, it } from 'vitest';
import * as d3 from 'd3';
import { arithmetic } from '../../../src/chart/scaleArithmetic';

describe('arithmetic(scale, log): a d3 scale as plain arithmetic for drawing millions of curve points', () => {
  const values = [0, 1e-9, 1e-7, 3e-5, 0.001, 0.25, 0.5, 0.999, 1, 1.5];
  it('equals a linear d3 scale (ROC axes, y inverted) to 1e-9 px', () => {
    for (const s of [d3.scaleLinear().domain([0, 1]).range([0, 280]), d3.scaleLinear().domain([0, 1]).range([240, 0])]) {
      const f = arithmetic(s, false);
      for (const v of values) expect(f(v)).toBeCloseTo(s(v), 9);
    }
  });
  it('equals a clamped linear scale (a zoomed PR chart) and an unclamped log scale inside the domain', () => {
    const c = d3.scaleLinear().domain([0.2, 0.6]).range([0, 640]).clamp(true);
    for (const v of values) expect(arithmetic(c, false)(v)).toBeCloseTo(c(v), 9);
    const l = d3.scaleLog().domain([1, 5e7]).range([0, 640]);
    for (const v of [1, 2, 10, 12345, 5e7, 1e8]) expect(arithmetic(l, true)(v)).toBeCloseTo(l(v), 9);
  });
  it('equals a clamped log d3 scale (DET axes), including 0 and values past the domain', () => {
    for (const s of [d3.scaleLog().domain([1e-6, 1]).range([0, 280]).clamp(true), d3.scaleLog().domain([1e-3, 1]).range([240, 0]).clamp(true)]) {
      const f = arithmetic(s, true);
      for (const v of values) expect(f(v)).toBeCloseTo(s(v), 9);
    }
  });
});
