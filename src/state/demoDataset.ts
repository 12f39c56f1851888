import type { Dataset } from './types';

interface DemoManifest {
  name: string;
  classes: string[];
  images: { path: string; label: number }[];
}

/**
 * Validates the demo manifest (public/demo/manifest.json) and turns it into a
 * dataset with absolute URLs. `limit` keeps an evenly spread subset, so every
 * class stays represented when a slow backend is forced.
 */
export function demoDataset(raw: unknown, demoBaseUrl: string, limit?: number): Dataset {
  const m = raw as Partial<DemoManifest> | null;
  if (!m || !Array.isArray(m.classes) || !Array.isArray(m.images) || m.images.length === 0) {
    throw new Error('demo/manifest.json is missing "classes" or "images": rebuild it with `npm run demo:data`');
  }
  const images = m.images.map((im, k) => {
    if (typeof im.path !== 'string' || !Number.isInteger(im.label) || im.label < 0 || im.label >= m.classes!.length) {
      throw new Error(`demo/manifest.json: image #${k} has no valid "path" and "label"`);
    }
    return { path: im.path, label: im.label, url: new URL(im.path, demoBaseUrl).href };
  });
  const subset = spread(images, limit);
  return { name: m.name ?? 'demo', classes: m.classes.map(String), images: subset, subsetOf: subset.length < images.length ? images.length : undefined };
}

/** `limit` items taken at an even stride (all of them when limit is absent or ≥ length). */
export function spread<T>(items: T[], limit?: number): T[] {
  if (!limit || limit >= items.length) return items;
  const step = items.length / limit;
  return Array.from({ length: limit }, (_, k) => items[Math.floor(k * step)]);
}
