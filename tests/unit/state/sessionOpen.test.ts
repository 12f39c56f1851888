import { describe, expect, it } from 'vitest';
import { evaluateEmbeddings } from '../../../src/metrics/evaluateEmbeddings';
import { curveSummary, exportSession, type SessionInput } from '../../../src/io/session';
import { parseSession } from '../../../src/io/sessionParse';
import { sessionDifferences } from '../../../src/io/sessionFlags';
import { planSessionOpen } from '../../../src/state/sessionOpen';
import type { Flag } from '../../../src/diagnostics/flags';

// Case E1: A1, A2 in class A; B1 in class B.
const ev = evaluateEmbeddings(Float32Array.from([1, 0, 0.5, 0.5, 1, 0]), 3, 2, Int32Array.from([0, 0, 1]), 'neg-sq-l2');
const input: SessionInput = {
  model: { name: 'triplet-resnet50' },
  dataset: { name: 'E1', paths: ['A/a1.png', 'A/a2.png', 'B/b1.png'], classNames: ['A', 'B'] },
  settings: { metric: 'neg-sq-l2', recallAxis: 'log', threshold: 0, zoom: null, filter: 'fp', tagOptions: {} },
  flags: [{ kind: 'exclude-image', image: 2 }],
  curve: ev.curve,
  dip: null,
  createdAt: new Date('2025-01-02T03:04:05Z'),
};
const session = parseSession(exportSession(input));
const mine: Flag[] = [{ kind: 'exclude-pair', i: 0, j: 1 }];

describe('planSessionOpen(input): opening a session never loses the user\'s flags', () => {
  it('refuses a session saved for other data whose flags name no image loaded now, naming where it came from, and changes nothing', () => {
    const plan = planSessionOpen({
      session,
      resolved: [],
      problems: ['flag 1: image "B/b1.png" is not in this dataset'],
      differences: [],
      current: mine,
      now: { name: 'val', images: 300, classNames: ['bag', 'coat'] },
      restore: false,
    });
    expect(plan.refused).toBe(
      'Session file not imported: it was saved for "E1" (3 images; model: triplet-resnet50), and none of its 1 flag names an image loaded now ("val", 300 images). Your flags and view are unchanged. To open it, drop the files it was saved with, draw their curve, then open the session again.',
    );
  });

  it('adds the session\'s flags to the user\'s (a repeat once) and says in one note how many applied, which did not and that the user\'s were kept', () => {
    const theirs: Flag[] = [{ kind: 'exclude-pair', i: 1, j: 0 }, { kind: 'exclude-image', image: 2 }, { kind: 'exclude-image', image: 2 }];
    const plan = planSessionOpen({
      session: { ...session, flags: [...session.flags, ...session.flags, ...session.flags] },
      resolved: theirs,
      problems: ['flag 3: image "C/c1.png" is not in this dataset'],
      differences: ['AP: 0.5000 in the session, 0.8333 now'],
      current: mine,
      now: { name: 'E1', images: 3, classNames: ['B', 'A'] },
      restore: false,
    });
    if (plan.refused !== null) throw new Error(plan.refused);
    expect(plan.flags).toEqual([...mine, { kind: 'exclude-image', image: 2 }]);
    expect(plan.notes).toEqual([
      'Session opened: saved for "E1" (3 images; model: triplet-resnet50) on 2025-01-02; 3 of 3 flags applied, your 1 flag kept, and its view (axis, zoom, filter, selected point). Not applied: flag 3: image "C/c1.png" is not in this dataset.',
      "The session's numbers differ from the curve drawn now — AP: 0.5000 in the session, 0.8333 now. Different files, model or preprocessing?",
    ]);
  });

  it('restoring the autosave uses its flags as they are, says what it restored, and names flags it could not restore', () => {
    const quiet = planSessionOpen({ session, resolved: [{ kind: 'exclude-image', image: 2 }], problems: [], differences: ['AP: 1 in the session, 0.5 now'], current: [], now: { name: 'E1', images: 3, classNames: ['A', 'B'] }, restore: true });
    expect(quiet).toEqual({
      refused: null,
      flags: [{ kind: 'exclude-image', image: 2 }],
      notes: ['Restored from your last visit to this data with this model (2025-01-02): 1 flag and the view (axis, zoom, filter, selected point). Clear the flags in the Flags panel to start over.'],
    });
    const lost = planSessionOpen({ session, resolved: [], problems: ['flag 1: image "B/b1.png" is not in this dataset'], differences: [], current: [], now: { name: 'E1', images: 2, classNames: ['A'] }, restore: true });
    expect(lost).toEqual({
      refused: null,
      flags: [],
      notes: ['Restored from your last visit to this data with this model (2025-01-02): the view (axis, zoom, filter, selected point).', '1 saved flag could not be restored: flag 1: image "B/b1.png" is not in this dataset.'],
    });
  });
});

describe('sessionDifferences(session, now)', () => {
  it('the same classes in another order are no difference (flags name classes); other classes are named', () => {
    const now = { images: 3, curve: curveSummary(ev.curve, null) };
    expect(sessionDifferences(session, { ...now, classNames: ['B', 'A'] })).toEqual([]);
    expect(sessionDifferences(session, { ...now, classNames: ['A', 'C'] })).toEqual(['classes differ (only in the session: "B"; only loaded now: "C")']);
  });

  it('states counts with separators and AP with as many decimals as tell the two apart', () => {
    const other = evaluateEmbeddings(Float32Array.from([1, 0, 0.5, 0.5, 5, 0]), 3, 2, Int32Array.from([0, 0, 1]), 'neg-sq-l2');
    const diff = sessionDifferences(session, { images: 1200, classNames: ['A', 'B'], curve: curveSummary(other.curve, null) });
    expect(diff[0]).toBe('3 images in the session, 1,200 loaded now');
    expect(diff).toContain(`AP: ${ev.curve.ap.toFixed(4)} in the session, ${other.curve.ap.toFixed(4)} now`);
  });
});
