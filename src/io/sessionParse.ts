import { isTagId } from '../diagnostics/tagCatalog';
import { resolveTagOptions, type TagOptions } from '../diagnostics/tagOptions';
import {
  GALLERY_FILTERS,
  METRICS,
  RECALL_AXES,
  SESSION_FORMAT,
  SESSION_VERSION,
  type CurveSummary,
  type Session,
  type SessionFlag,
  type SessionSettings,
} from './sessionTypes';

/**
 * Reads a session file (see session.ts). Throws an Error whose message starts
 * with "session file:" and names the offending field by its JSON path, e.g.
 * `session file: settings.metric: "euclid" is not one of "neg-sq-l2", "cosine"`.
 * Unknown fields are ignored (a later version may add some); every known
 * field is checked. Contract: `text` is the decoded file.
 */
export function parseSession(text: string): Session {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new Error(`session file: not valid JSON (${(e as Error).message})`);
  }
  return checkSession(value);
}

/** `parseSession` for an already parsed value. */
export function checkSession(value: unknown): Session {
  try {
    return readSession(value);
  } catch (e) {
    if (e instanceof FieldError) throw new Error(`session file: ${e.message}`);
    throw e;
  }
}

class FieldError extends Error {}

function fail(path: string, what: string, got: unknown): never {
  throw new FieldError(`${path}: ${got === undefined ? 'missing' : show(got)} ${what}`);
}

function show(x: unknown): string {
  if (typeof x === 'number') return String(x);
  const s = JSON.stringify(x);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

function obj(v: unknown, path: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) fail(path, 'is not an object', v);
  return v as Record<string, unknown>;
}

function str(v: unknown, path: string): string {
  if (typeof v !== 'string') fail(path, 'is not a string', v);
  return v;
}

function num(v: unknown, path: string, lo = -Infinity, hi = Infinity): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) fail(path, 'is not a finite number', v);
  if (v < lo || v > hi) fail(path, `is outside ${lo}..${hi}`, v);
  return v;
}

function count(v: unknown, path: string): number {
  if (!Number.isInteger(v) || (v as number) < 0) fail(path, 'is not a count (an integer ≥ 0)', v);
  return v as number;
}

function oneOf<T extends string>(v: unknown, path: string, options: readonly T[]): T {
  if (!options.includes(v as T)) fail(path, `is not one of ${options.map((o) => JSON.stringify(o)).join(', ')}`, v);
  return v as T;
}

function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) fail(path, 'is not an array', v);
  return v;
}

function readSession(value: unknown): Session {
  const s = obj(value, 'session');
  if (s.format !== SESSION_FORMAT) fail('format', `is not ${JSON.stringify(SESSION_FORMAT)}: this is not a Dipscope session file`, s.format);
  if (s.version !== SESSION_VERSION) {
    if (Number.isInteger(s.version) && (s.version as number) > SESSION_VERSION) fail('version', `is newer than this app reads (${SESSION_VERSION}): update Dipscope`, s.version);
    fail('version', `is not a known version (${SESSION_VERSION})`, s.version);
  }
  const createdAt = str(s.createdAt, 'createdAt');
  if (Number.isNaN(Date.parse(createdAt))) fail('createdAt', 'is not an ISO 8601 date', createdAt);
  const model = s.model === null ? null : { name: str(obj(s.model, 'model').name, 'model.name') };
  const d = obj(s.dataset, 'dataset');
  const dataset = {
    name: str(d.name, 'dataset.name'),
    images: count(d.images, 'dataset.images'),
    classes: arr(d.classes, 'dataset.classes').map((c, k) => str(c, `dataset.classes[${k}]`)),
  };
  const flags = arr(s.flags, 'flags').map((f, k) => readFlag(f, `flags[${k}]`, dataset.classes));
  return {
    format: SESSION_FORMAT,
    version: SESSION_VERSION,
    createdAt,
    model,
    dataset,
    settings: readSettings(s.settings, 'settings'),
    flags,
    curve: readSummary(s.curve, 'curve'),
    counterfactual: s.counterfactual === null || s.counterfactual === undefined ? null : readSummary(s.counterfactual, 'counterfactual'),
  };
}

function readSettings(v: unknown, path: string): SessionSettings {
  const s = obj(v, path);
  let zoom: [number, number] | null = null;
  if (s.zoom !== null) {
    const z = arr(s.zoom, `${path}.zoom`);
    if (z.length !== 2) fail(`${path}.zoom`, 'is not a [lo, hi] recall range', s.zoom);
    zoom = [num(z[0], `${path}.zoom[0]`, 0, 1), num(z[1], `${path}.zoom[1]`, 0, 1)];
    if (zoom[0] >= zoom[1]) fail(`${path}.zoom`, 'has lo ≥ hi', s.zoom);
  }
  const t = obj(s.tagOptions, `${path}.tagOptions`);
  const tagOptions: Partial<TagOptions> = {};
  for (const key of Object.keys(resolveTagOptions()) as (keyof TagOptions)[]) {
    if (t[key] === undefined) continue;
    try {
      resolveTagOptions({ [key]: t[key] });
    } catch (e) {
      fail(`${path}.tagOptions.${key}`, (e as Error).message.replace(/^tag option \S+ = \S+: /, ''), t[key]);
    }
    tagOptions[key] = t[key] as number;
  }
  return {
    metric: oneOf(s.metric, `${path}.metric`, METRICS),
    recallAxis: oneOf(s.recallAxis, `${path}.recallAxis`, RECALL_AXES),
    threshold: s.threshold === null ? null : num(s.threshold, `${path}.threshold`),
    zoom,
    filter: oneOf(s.filter, `${path}.filter`, GALLERY_FILTERS),
    tagOptions,
  };
}

function readSummary(v: unknown, path: string): CurveSummary {
  const c = obj(v, path);
  const pairs = count(c.pairs, `${path}.pairs`);
  const positives = count(c.positives, `${path}.positives`);
  if (positives > pairs) fail(`${path}.positives`, `is more than ${path}.pairs (${pairs})`, positives);
  let dip: CurveSummary['dip'] = null;
  if (c.dip !== null) {
    const d = obj(c.dip, `${path}.dip`);
    dip = {
      thresholdTop: num(d.thresholdTop, `${path}.dip.thresholdTop`),
      thresholdEnd: num(d.thresholdEnd, `${path}.dip.thresholdEnd`),
      recallEnd: num(d.recallEnd, `${path}.dip.recallEnd`, 0, 1),
      minPrecision: num(d.minPrecision, `${path}.dip.minPrecision`, 0, 1),
      refPrecision: num(d.refPrecision, `${path}.dip.refPrecision`, 0, 1),
    };
  }
  return {
    pairs,
    positives,
    ap: num(c.ap, `${path}.ap`, 0, 1),
    chance: num(c.chance, `${path}.chance`, 0, 1),
    distinctScores: count(c.distinctScores, `${path}.distinctScores`),
    excludedNonFinite: count(c.excludedNonFinite, `${path}.excludedNonFinite`),
    dip,
  };
}

function readFlag(v: unknown, path: string, classes: readonly string[]): SessionFlag {
  const f = obj(v, path);
  const tag = f.tag === undefined ? {} : isTagId(f.tag) ? { tag: f.tag } : fail(`${path}.tag`, 'is not a known tag id', f.tag);
  const kind = oneOf(f.kind, `${path}.kind`, ['exclude-pair', 'label-error', 'exclude-image', 'relabel-image'] as const);
  if (kind === 'exclude-pair' || kind === 'label-error') {
    const a = str(f.a, `${path}.a`);
    const b = str(f.b, `${path}.b`);
    if (a === b) fail(`${path}.b`, 'is the same image as a: a pair needs two different images', b);
    return { kind, a, b, ...tag };
  }
  const image = str(f.image, `${path}.image`);
  if (kind === 'exclude-image') return { kind, image, ...tag };
  const toClass = str(f.toClass, `${path}.toClass`);
  if (!classes.includes(toClass)) fail(`${path}.toClass`, 'is not one of dataset.classes', toClass);
  return { kind, image, toClass, ...tag };
}
