import { isBackendName } from './model/backendTypes';
import type { RunOptions } from './state/types';

/** URL options; a value that cannot be used is ignored and explained, never silently dropped. */
export function readUrl(search: string): { autoRun: boolean; options: RunOptions; notices: string[] } {
  const q = new URLSearchParams(search);
  const notices: string[] = [];
  const backendParam = q.get('backend');
  const backend = backendParam?.toLowerCase();
  if (backendParam !== null && !isBackendName(backend)) {
    notices.push(`URL: unknown backend "${backendParam}" — use ?backend=webgpu, webgl, wasm or cpu, or leave it out to pick the fastest automatically.`);
  }
  const limitParam = q.get('limit');
  const limit = Number(limitParam);
  const limitOk = limitParam !== null && Number.isInteger(limit) && limit >= 2;
  if (limitParam !== null && !limitOk) notices.push(`URL: limit "${limitParam}" is not a whole number ≥ 2 — using every image.`);
  const demo = q.get('demo');
  if (demo && demo !== 'noisy' && demo !== 'clean') notices.push(`URL: unknown demo "${demo}" — use ?demo (the clean set) or ?demo=noisy (with planted duplicates).`);
  return {
    autoRun: q.has('demo'),
    options: { backend: isBackendName(backend) ? backend : undefined, limit: limitOk ? limit : undefined, variant: demo === 'noisy' ? 'noisy' : undefined },
    notices,
  };
}

/** The page's address once a demo starts, so a reload reruns it: `?demo` for the clean set (no stray `=`), `?demo=noisy` for the noisy one; other options kept. */
export function demoHref(href: string, variant: 'clean' | 'noisy'): string {
  const url = new URL(href);
  url.searchParams.delete('demo');
  const rest = url.searchParams.toString();
  const demo = variant === 'noisy' ? 'demo=noisy' : 'demo';
  url.search = rest ? `${demo}&${rest}` : demo;
  return url.href;
}
