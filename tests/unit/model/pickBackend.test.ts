import { describe, expect, it } from 'vitest';
import { pickBackend } from '../../../src/model/pickBackend';
import type { BackendTrial } from '../../../src/model/backendTypes';

describe('pickBackend(trials, forced)', () => {
  const trials: BackendTrial[] = [
    { name: 'webgpu', status: 'skipped', reason: 'software adapter' },
    { name: 'webgl', status: 'failed', imagesPerSecond: 9999, reason: 'reference embedding mismatch' },
    { name: 'wasm', status: 'ok', imagesPerSecond: 800 },
    { name: 'cpu', status: 'ok', imagesPerSecond: 30 },
  ];
  it('chooses the fastest measured backend that passed (B4), never a failed one (B2)', () => {
    expect(pickBackend(trials)).toBe('wasm');
  });
  it('honours a forced backend that was tried', () => {
    expect(pickBackend(trials, 'cpu')).toBe('cpu');
  });
  it('returns null when nothing passed', () => {
    expect(pickBackend(trials.slice(0, 2))).toBeNull();
  });
});
