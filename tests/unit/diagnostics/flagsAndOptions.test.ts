import { describe, expect, it } from 'vitest';
import { flagError, flagsOnPair, validateFlags, type Flag } from '../../../src/diagnostics/flags';
import { DEFAULT_TAG_OPTIONS, resolveTagOptions } from '../../../src/diagnostics/tagOptions';
import { isTagId, TAG_IDS, TAGS } from '../../../src/diagnostics/tagCatalog';

describe('flagError(flag, n, classCount, where)', () => {
  it('accepts each well-formed kind', () => {
    expect(flagError({ kind: 'exclude-pair', i: 0, j: 2 }, 3, 2)).toBeNull();
    expect(flagError({ kind: 'label-error', i: 2, j: 0, tag: 'hub-image' }, 3, 2)).toBeNull();
    expect(flagError({ kind: 'exclude-image', image: 1 }, 3, 2)).toBeNull();
    expect(flagError({ kind: 'relabel-image', image: 1, toClass: 1 }, 3, 2)).toBeNull();
  });

  it('names the field and says what is wrong', () => {
    expect(flagError(null, 3, 2, 'flags[0]')).toBe('flags[0]: expected an object, got null');
    expect(flagError({ kind: 'exclude-pair', i: 0 }, 3, 2, 'f')).toBe('f.j: missing is not an image index in 0..2');
    expect(flagError({ kind: 'exclude-pair', i: 0.5, j: 1 }, 3, 2, 'f')).toBe('f.i: 0.5 is not an image index in 0..2');
    expect(flagError({ kind: 'exclude-image', image: NaN }, 3, 2, 'f')).toBe('f.image: NaN is not an image index in 0..2');
    expect(flagError({ kind: 'exclude-image', image: '1' }, 3, 2, 'f')).toBe('f.image: "1" is not an image index in 0..2');
    expect(flagError({ kind: 'relabel-image', image: 0, toClass: -1 }, 3, 2, 'f')).toBe('f.toClass: -1 is not a class id in 0..1');
    expect(flagError({ kind: 'label-error', i: 2, j: 2 }, 3, 2, 'f')).toBe('f: a pair needs two different images, got (2, 2)');
    expect(flagError({ kind: 'exclude-image', image: 0, tag: 'typo' }, 3, 2, 'f')).toBe('f.tag: "typo" is not a known tag id');
    expect(flagError({ kind: 'mute' }, 3, 2, 'f')).toBe('f.kind: "mute" is not one of exclude-pair, label-error, exclude-image, relabel-image');
  });

  it('validateFlags throws the first error with its position', () => {
    expect(() => validateFlags([{ kind: 'exclude-image', image: 0 }, { kind: 'exclude-image', image: 9 }], 3, 2)).toThrow('flags[1].image: 9');
  });
});

describe('resolveTagOptions(partial)', () => {
  it('fills in the documented defaults', () => {
    expect(resolveTagOptions()).toEqual(DEFAULT_TAG_OPTIONS);
    expect(resolveTagOptions({ topK: 50, nearDuplicateRelSqDist: undefined })).toEqual({ ...DEFAULT_TAG_OPTIONS, topK: 50 });
    expect(DEFAULT_TAG_OPTIONS).toMatchObject({ topK: 200, nearDuplicateRelSqDist: 1e-4, hubMinCount: 3, hubMedianFactor: 5, degenerateMaxStd: 2, confusedMinShare: 0.2, minTieBlock: 10 });
  });

  it('rejects a bad value, naming the option', () => {
    expect(() => resolveTagOptions({ topK: 2.5 })).toThrow('tag option topK = 2.5: must be an integer');
    expect(() => resolveTagOptions({ hubMedianFactor: -1 })).toThrow('tag option hubMedianFactor = -1: must be a finite number ≥ 0');
    expect(() => resolveTagOptions({ degenerateMaxStd: NaN })).toThrow('degenerateMaxStd = NaN');
    expect(() => resolveTagOptions({ confusedMinShare: 1.5 })).toThrow('confusedMinShare = 1.5: must be at most 1');
  });
});

describe('TAGS catalogue', () => {
  it('gives every tag id a label, a one-line meaning and a one-line what-to-try', () => {
    for (const id of TAG_IDS) {
      const t = TAGS[id];
      expect(t.id).toBe(id);
      for (const text of [t.label, t.meaning, t.tryThis]) {
        expect(text.length).toBeGreaterThan(3);
        expect(text).not.toContain('\n');
      }
      expect(isTagId(id)).toBe(true);
    }
    expect(isTagId('hub')).toBe(false);
  });
});

describe('flagsOnPair(flags, i, j): what the gallery card of pair (i, j) says about its flags', () => {
  it('names pair flags in either order and image flags by side; flags on other pairs and images say nothing', () => {
    const flags: Flag[] = [
      { kind: 'exclude-pair', i: 5, j: 2 },
      { kind: 'label-error', i: 2, j: 5 },
      { kind: 'exclude-image', image: 5 },
      { kind: 'relabel-image', image: 2, toClass: 1 },
      { kind: 'exclude-pair', i: 2, j: 6 },
      { kind: 'exclude-image', image: 7 },
    ];
    expect(flagsOnPair(flags, 2, 5)).toEqual(['pair excluded', 'label flipped', 'right image excluded', 'left image relabelled']);
    expect(flagsOnPair(flags, 3, 4)).toEqual([]);
  });
});
