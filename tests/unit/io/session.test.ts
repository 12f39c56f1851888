import { describe, expect, it } from 'vitest';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { findDip } from '../../../src/diagnostics/dip';
import { prCurve } from '../../../src/metrics/prCurve';
import { counterfactual } from '../../../src/diagnostics/counterfactual';
import type { Flag } from '../../../src/diagnostics/flags';
import { curveSummary, exportSession, type SessionInput, type SessionSettings } from '../../../src/io/session';
import { parseSession } from '../../../src/io/sessionParse';
import { resolveSessionFlags, sessionDifferences } from '../../../src/io/sessionFlags';

// Case E1: 0 = A1, 1 = A2 (class A), 2 = B1 (class B, a byte copy of A1).
const classes = Int32Array.from([0, 0, 1]);
const ev = evaluateEmbeddings(Float32Array.from([1, 0, 0.5, 0.5, 1, 0]), 3, 2, classes, 'neg-sq-l2');
const paths = ['A/a1.png', 'A/a2.png', 'B/b1.png'];
const classNames = ['A', 'B'];
const flags: Flag[] = [
  { kind: 'exclude-pair', i: 2, j: 0, tag: 'exact-duplicate' },
  { kind: 'label-error', i: 0, j: 1 },
  { kind: 'exclude-image', image: 2 },
  { kind: 'relabel-image', image: 2, toClass: 0, tag: 'exact-duplicate' },
];
const settings: SessionSettings = { metric: 'neg-sq-l2', recallAxis: 'log', threshold: 0, zoom: [0, 0.05], filter: 'fp', tagOptions: { topK: 50 } };
const input: SessionInput = {
  model: { name: 'triplet-resnet50' },
  dataset: { name: 'E1', paths, classNames },
  settings,
  flags,
  curve: ev.curve,
  dip: findDip(ev.curve.precision, ev.curve.recall),
  counterfactual: counterfactual(ev, classes, flags).curve,
  createdAt: new Date('2025-01-02T03:04:05Z'),
};

/** The exported file as a plain object, to damage one field at a time. */
const exported = () => JSON.parse(exportSession(input)) as Record<string, unknown> & { settings: Record<string, unknown>; flags: Record<string, unknown>[]; curve: Record<string, unknown> };

describe('exportSession(input) / parseSession(text)', () => {
  it('round-trips settings, flags (by path and class name) and the curve summary, without images', () => {
    const text = exportSession(input);
    const s = parseSession(text);
    expect(s).toMatchObject({ format: 'dipscope-session', version: 1, createdAt: '2025-01-02T03:04:05.000Z', model: { name: 'triplet-resnet50' } });
    expect(s.dataset).toEqual({ name: 'E1', images: 3, classes: ['A', 'B'] });
    expect(s.settings).toEqual(settings);
    expect(s.flags).toEqual([
      { kind: 'exclude-pair', a: 'A/a1.png', b: 'B/b1.png', tag: 'exact-duplicate' },
      { kind: 'label-error', a: 'A/a1.png', b: 'A/a2.png' },
      { kind: 'exclude-image', image: 'B/b1.png' },
      { kind: 'relabel-image', image: 'B/b1.png', toClass: 'A', tag: 'exact-duplicate' },
    ]);
    expect(s.curve).toMatchObject({ pairs: 3, positives: 1, distinctScores: 2, excludedNonFinite: 0 });
    expect(s.curve.ap).toBeCloseTo(1 / 3, 15);
    expect(s.curve.dip).toBeNull(); // E1 has no dip by findDip's definition (no point at recall ≤ 0.5 does better)
    expect(s.counterfactual).not.toBeNull();
    expect(text).not.toMatch(/data:image|embedding/);
  });

  it('resolves the flags against the same files listed in another order', () => {
    const s = parseSession(exportSession(input));
    const reordered = [paths[2], paths[0], paths[1]]; // new index: B1 = 0, A1 = 1, A2 = 2
    const { flags: back, problems } = resolveSessionFlags(s, reordered, classNames);
    expect(problems).toEqual([]);
    expect(back).toEqual([
      { kind: 'exclude-pair', i: 1, j: 0, tag: 'exact-duplicate' },
      { kind: 'label-error', i: 1, j: 2 },
      { kind: 'exclude-image', image: 0 },
      { kind: 'relabel-image', image: 0, toClass: 0, tag: 'exact-duplicate' },
    ]);
  });

  it('reports (never silently drops) flags whose image or class is missing now', () => {
    const s = parseSession(exportSession(input));
    const { flags: back, problems } = resolveSessionFlags(s, ['A/a1.png', 'A/a2.png'], ['B']);
    expect(back).toEqual([{ kind: 'label-error', i: 0, j: 1 }]);
    expect(problems).toEqual([
      'flag 1: image "B/b1.png" is not in this dataset',
      'flag 3: image "B/b1.png" is not in this dataset',
      'flag 4: image "B/b1.png" is not in this dataset',
      'flag 4: class "A" is not in this dataset',
    ]);
  });

  it('lists what differs between the session and what is computed now', () => {
    const s = parseSession(exportSession(input));
    expect(sessionDifferences(s, { images: 3, classNames, curve: curveSummary(ev.curve, null) })).toEqual([]);
    const other = evaluateEmbeddings(Float32Array.from([1, 0, 0.5, 0.5, 5, 0]), 3, 2, classes, 'neg-sq-l2');
    const diff = sessionDifferences(s, { images: 4, classNames: ['A', 'C'], curve: curveSummary(other.curve, null) });
    expect(diff[0]).toBe('3 images in the session, 4 loaded now');
    expect(diff[1]).toContain('classes differ');
    expect(diff.some((d) => d.startsWith('AP: 0.333'))).toBe(true);
  });

  it('refuses to export what it could not read back', () => {
    expect(() => exportSession({ ...input, flags: [{ kind: 'exclude-image', image: 7 }] })).toThrow('flags[0].image: 7 is not an image index in 0..2');
    expect(() => exportSession({ ...input, dataset: { ...input.dataset, paths: ['x', 'x', 'y'] } })).toThrow('the path "x" occurs twice');
    expect(() => exportSession({ ...input, settings: { ...settings, zoom: [0.5, 0.1] } })).toThrow('session file: settings.zoom: [0.5,0.1] has lo ≥ hi');
  });
});

describe('curveSummary(curve, dip)', () => {
  it('records the dip by thresholds, which survive recomputation, not by curve index', () => {
    const scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const labels = [0, 0, 1, 1, 1, 1, 1, 1, 0, 1];
    const curve = prCurve(Float64Array.from(scores), Uint8Array.from(labels));
    const dip = findDip(curve.precision, curve.recall)!;
    const summary = curveSummary(curve, dip);
    // ranks 1–2 wrong; precision 2/4 at threshold 7 is still below 0.6 − 0.05, 3/5 at 6 is not
    expect(summary.dip).toEqual({ thresholdTop: 10, thresholdEnd: 7, recallEnd: 2 / 7, minPrecision: 0, refPrecision: 0.6 });
    expect(summary).toMatchObject({ pairs: 10, positives: 7, distinctScores: 10, excludedNonFinite: 0, chance: 0.7 });
  });
});

describe('exportSession(input): the counterfactual curve', () => {
  it('records the dip of the counterfactual curve, found by the same findDip (a curve that still dips after the flags says so, not null)', () => {
    // ranks 1–2 wrong, ranks 3–8 right; the flags remove only the rank-2 pair, so the dashed curve still dips at rank 1
    const scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const labels = [0, 0, 1, 1, 1, 1, 1, 1, 0, 1];
    const before = prCurve(Float64Array.from(scores), Uint8Array.from(labels));
    const keep = scores.map((_, i) => i !== 1);
    const after = prCurve(Float64Array.from(scores.filter((_, i) => keep[i])), Uint8Array.from(labels.filter((_, i) => keep[i])));
    const afterDip = findDip(after.precision, after.recall)!;
    expect(afterDip).not.toBeNull();
    const s = parseSession(exportSession({ ...input, curve: before, dip: findDip(before.precision, before.recall), counterfactual: after }));
    expect(s.counterfactual?.dip).toEqual(curveSummary(after, afterDip).dip);
    expect(s.counterfactual?.dip).toMatchObject({ thresholdTop: 10, minPrecision: 0 });
  });

  it('records null for a counterfactual curve with no dip', () => {
    const after = prCurve(Float64Array.from([3, 2, 1]), Uint8Array.from([1, 1, 0]));
    expect(parseSession(exportSession({ ...input, counterfactual: after })).counterfactual?.dip).toBeNull();
  });
});

describe('parseSession(text) error messages name the field', () => {
  const bad = (mutate: (s: ReturnType<typeof exported>) => void) => {
    const s = exported();
    mutate(s);
    return () => parseSession(JSON.stringify(s));
  };

  it('rejects text that is not JSON or not a session', () => {
    expect(() => parseSession('{"format": ')).toThrow(/^session file: not valid JSON/);
    expect(() => parseSession('[]')).toThrow('session file: session: [] is not an object');
    expect(bad((s) => (s.format = 'other'))).toThrow('session file: format: "other" is not "dipscope-session": this is not a Dipscope session file');
    expect(bad((s) => (s.version = 2))).toThrow('session file: version: 2 is newer than this app reads (1): update Dipscope');
  });

  it('names a bad setting', () => {
    expect(bad((s) => (s.settings.metric = 'euclid'))).toThrow('session file: settings.metric: "euclid" is not one of "neg-sq-l2", "cosine"');
    expect(bad((s) => (s.settings.threshold = 'high'))).toThrow('session file: settings.threshold: "high" is not a finite number');
    expect(bad((s) => (s.settings.zoom = [0, 2]))).toThrow('session file: settings.zoom[1]: 2 is outside 0..1');
    expect(bad((s) => (s.settings.tagOptions = { topK: 1.5 }))).toThrow('session file: settings.tagOptions.topK: 1.5 must be an integer');
    expect(bad((s) => delete s.settings.filter)).toThrow('session file: settings.filter: missing is not one of');
  });

  it('names a bad flag', () => {
    expect(bad((s) => (s.flags[1].kind = 'drop'))).toThrow('session file: flags[1].kind: "drop" is not one of');
    expect(bad((s) => (s.flags[0].b = s.flags[0].a))).toThrow('session file: flags[0].b: "A/a1.png" is the same image as a');
    expect(bad((s) => (s.flags[3].toClass = 'Z'))).toThrow('session file: flags[3].toClass: "Z" is not one of dataset.classes');
    expect(bad((s) => (s.flags[2].tag = 'dup'))).toThrow('session file: flags[2].tag: "dup" is not a known tag id');
  });

  it('names a bad curve summary', () => {
    expect(bad((s) => (s.curve.ap = 1.2))).toThrow('session file: curve.ap: 1.2 is outside 0..1');
    expect(bad((s) => (s.curve.positives = 9))).toThrow('session file: curve.positives: 9 is more than curve.pairs (3)');
    expect(bad((s) => (s.curve.pairs = -1))).toThrow('session file: curve.pairs: -1 is not a count');
  });

  it('ignores unknown fields (a later version may add some)', () => {
    const s = exported();
    s.extra = { anything: true };
    s.settings.brushColour = 'red';
    expect(parseSession(JSON.stringify(s)).settings).toEqual(settings);
  });
});
