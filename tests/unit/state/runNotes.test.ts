import { describe, expect, it } from 'vitest';
import { cancelledDuringEmbedding, cancelledOutsideEmbedding, pairsToScore, reusedEmbeddingsNote, scoringDetail } from '../../../src/state/runNotes';

describe('cancelledDuringEmbedding(done, total)', () => {
  it('says how far the run got and that the embedded images are stored, so Run again continues from there', () => {
    expect(cancelledDuringEmbedding(64, 1000)).toBe('Cancelled after 64 of 1,000 images; the 64 embedded are stored — Run again continues from there');
  });
  it('one image embedded: "is stored"', () => {
    expect(cancelledDuringEmbedding(1, 10)).toBe('Cancelled after 1 of 10 images; the 1 embedded is stored — Run again continues from there');
  });
  it('with nothing embedded yet, Run again starts over; with everything embedded, it only scores', () => {
    expect(cancelledDuringEmbedding(0, 1000)).toBe('Cancelled before any of the 1,000 images was embedded — Run again starts over');
    expect(cancelledDuringEmbedding(3, 3)).toMatch(/^Cancelled after all 3 images were embedded; they are stored — Run again only scores the pairs$/);
  });
});

describe('cancelledOutsideEmbedding(stage, stored)', () => {
  it('loading or choosing a backend: nothing was embedded, Run again starts over', () => {
    expect(cancelledOutsideEmbedding('loading', null)).toBe('Cancelled while loading, before any image was embedded — Run again starts over');
    expect(cancelledOutsideEmbedding('backend', null)).toMatch(/choosing a backend, before any image was embedded/);
  });
  it('scoring: the embeddings are stored (singular for one), or, for a run that embeds nothing, the curve starts over', () => {
    expect(cancelledOutsideEmbedding('scoring', 1)).toBe('Cancelled while scoring the pairs; the 1 image embedded is stored — Run again only scores the pairs');
    expect(cancelledOutsideEmbedding('scoring', null)).toBe('Cancelled while computing the curve — Run again starts it over');
  });
});

describe('reusedEmbeddingsNote(n)', () => {
  it('is true on a first run too: images reused a stored embedding (same bytes, model, preprocessing), without claiming an earlier session', () => {
    expect(reusedEmbeddingsNote(12)).toBe('12 images reused a stored embedding (same file bytes, same model and preprocessing): not embedded again');
    expect(reusedEmbeddingsNote(1)).toMatch(/^1 image reused/);
    expect(reusedEmbeddingsNote(12)).not.toMatch(/cache|earlier/);
  });
});

describe('pairsToScore(n, listedPairs) and scoringDetail(pairs)', () => {
  it('every pair of n images is n(n−1)/2; a pair list or sample scores its own pairs', () => {
    expect(pairsToScore(1000, null)).toBe(499500);
    expect(pairsToScore(1000, 6000)).toBe(6000);
  });
  it('names the count being scored', () => {
    expect(scoringDetail(499500)).toBe('Scoring 499,500 pairs and computing the exact curve');
    expect(scoringDetail(1)).toBe('Scoring 1 pair and computing the exact curve');
  });
});
