/** The text above an exported chart: a bold heading and a few lines of context. */
export interface TitleBlock {
  heading: string;
  lines: string[];
}

/** What an exported precision-recall chart says about itself. */
export interface ChartFacts {
  model: string;
  dataset: string;
  /** finite-score pairs on the curve, and how many of them are positive */
  pairs: number;
  positives: number;
  ap: number;
  chance: number;
  /** how the scores were computed, in words */
  score: string;
  backend: string;
  date: Date;
  dip: { minPrecision: number; refPrecision: number; recallEnd: number } | null;
  /** the selected point, when there is one */
  selected?: { threshold: number; precision: number; recall: number } | null;
}

/**
 * The title block of an exported PR chart: model, data, pair count, AP (4
 * decimals, as the page shows it), backend, local date and time, and the dip.
 */
export function chartTitleBlock(f: ChartFacts): TitleBlock {
  const count = (v: number) => v.toLocaleString('en-US');
  const lines = [
    `data: ${f.dataset} · ${count(f.pairs)} pairs (${count(f.positives)} positive) · score: ${f.score}`,
    `AP ${f.ap.toFixed(4)} (chance ${f.chance.toFixed(4)}) · backend: ${f.backend} · ${localDateTime(f.date)}`,
    f.dip
      ? `dip (red band and marker): precision ${f.dip.minPrecision.toFixed(3)} vs ${f.dip.refPrecision.toFixed(3)} up to recall ${f.dip.recallEnd.toPrecision(2)}`
      : 'no low-recall dip: precision is highest where the model is most confident',
  ];
  if (f.selected && Number.isFinite(f.selected.threshold)) {
    const s = f.selected;
    lines.push(`selected (yellow): score ≥ ${Number(s.threshold.toPrecision(6))} · precision ${s.precision.toFixed(4)} · recall ${s.recall.toFixed(4)}`);
  }
  return { heading: `Precision-recall curve · model: ${f.model}`, lines };
}

/** YYYY-MM-DD HH:MM in local time. */
export function localDateTime(d: Date): string {
  return `${localDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** YYYY-MM-DD in local time (for file names). */
export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function pad(v: number): string {
  return String(v).padStart(2, '0');
}

/** A file-name-safe slug: lowercase letters, digits and single dashes (at most 40 characters). */
export function fileSlug(name: string): string {
  const slug = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'data';
}
