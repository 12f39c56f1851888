/** Where a dropped model's files came from, when the file list alone does not say. */
export interface DropOrigin {
  /** The dropped zip's name without '.zip', when the model came out of one. */
  zipName?: string;
}

/** 'resnet-emb' for 'resnet-emb/model.json'; 'model.json' when it was dropped alone. */
export function modelName(modelJsonPath: string): string {
  const parts = modelJsonPath.split('/').filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 2] : (parts[0] ?? 'model');
}

/** Keras' default model names, which say nothing about the model. */
const GENERIC = /^(model|functional|sequential)(_\d+)?$/i;

/**
 * The name shown for a dropped model, in the run's header and in every
 * export's title block — in this order:
 * - the folder holding model.json ('resnet-emb' for 'resnet-emb/model.json',
 *   from a dropped folder's relative paths or a zip's inner folder);
 * - the zip's name when model.json sits at the zip's root;
 * - loose files: what they are, e.g. 'model.json + 3 shards, 9.4 MB',
 *   led by the Keras model's own name when it is not a default one
 *   ('face_embedder · model.json + 1 shard, 94 kB').
 * Contract: `bytes` counts model.json and the shards it uses; `topology` is
 * the model.json's modelTopology (any shape; only a Keras name is read).
 */
export function describeModelName(o: { modelJson: string; zipName?: string; shards: number; bytes: number; topology?: unknown }): string {
  const parts = o.modelJson.split('/').filter(Boolean);
  if (parts.length > 1) return parts[parts.length - 2];
  if (o.zipName) return o.zipName;
  const files = `${parts[0] ?? 'model.json'} + ${o.shards} shard${o.shards === 1 ? '' : 's'}, ${formatBytes(o.bytes)}`;
  const own = kerasName(o.topology);
  return own && !GENERIC.test(own) ? `${own} · ${files}` : files;
}

/** 1,234 → '1.2 kB', 9,400,000 → '9.4 MB' (decimal units, as file managers show them). */
export function formatBytes(n: number): string {
  if (n < 1000) return `${n} B`;
  const units = ['kB', 'MB', 'GB'];
  let v = n;
  let u = -1;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${v >= 10 ? Math.round(v) : v.toFixed(1)} ${units[u]}`;
}

function kerasName(topology: unknown): string | null {
  if (!topology || typeof topology !== 'object') return null;
  const t = topology as { model_config?: { config?: { name?: unknown } }; config?: { name?: unknown } };
  const name = t.model_config?.config?.name ?? t.config?.name;
  return typeof name === 'string' && name ? name : null;
}
