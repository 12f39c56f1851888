import { describe, expect, it } from 'vitest';
import { demoHref, readUrl } from '../../../src/urlOptions';

describe('readUrl(search)', () => {
  it('?demo runs at once; backend and limit are read', () => {
    expect(readUrl('?demo&backend=webgpu&limit=40')).toEqual({ autoRun: true, options: { backend: 'webgpu', limit: 40, variant: undefined }, notices: [] });
    expect(readUrl('')).toEqual({ autoRun: false, options: { backend: undefined, limit: undefined, variant: undefined }, notices: [] });
    expect(readUrl('?demo=noisy').options.variant).toBe('noisy');
  });
  it('accepts a backend name in any case', () => {
    expect(readUrl('?backend=WASM').options.backend).toBe('wasm');
  });
  it('explains an unknown backend or a bad limit instead of dropping it silently', () => {
    const r = readUrl('?demo&backend=foo&limit=-5');
    expect(r.options).toEqual({ backend: undefined, limit: undefined, variant: undefined });
    expect(r.notices[0]).toMatch(/unknown backend "foo".*webgpu, webgl, wasm or cpu/);
    expect(r.notices[1]).toMatch(/limit "-5" is not a whole number ≥ 2/);
  });
});

describe('demoHref(href, variant)', () => {
  it('the clean demo is ?demo with no stray "=", the noisy one ?demo=noisy', () => {
    expect(demoHref('http://x/app/', 'clean')).toBe('http://x/app/?demo');
    expect(demoHref('http://x/app/', 'noisy')).toBe('http://x/app/?demo=noisy');
  });
  it('keeps the other options and replaces an earlier demo', () => {
    expect(demoHref('http://x/?backend=wasm&demo=noisy', 'clean')).toBe('http://x/?demo&backend=wasm');
    expect(demoHref('http://x/?demo=&limit=40#h', 'noisy')).toBe('http://x/?demo=noisy&limit=40#h');
  });
  it('reads back as the same demo', () => {
    expect(readUrl(new URL(demoHref('http://x/', 'clean')).search)).toMatchObject({ autoRun: true, options: { variant: undefined }, notices: [] });
    expect(readUrl(new URL(demoHref('http://x/', 'noisy')).search).options.variant).toBe('noisy');
  });
});
