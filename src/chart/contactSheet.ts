import { canvasToPng } from './exportImage';

/** One image of a pair on the sheet. */
export interface SheetImage {
  url: string;
  /** class name as the user knows it */
  className: string;
  /** file name or path */
  file: string;
}

/** One false positive on the sheet. */
export interface SheetPair {
  a: SheetImage;
  b: SheetImage;
  score: number;
  /** 1-based rank in the full ranking, most confident first */
  rank: number;
  /** root-cause tag labels; absent when not computed, [] when none applies */
  tags?: string[];
}

export interface ContactSheetOptions {
  title: string;
  subtitle?: string;
  /** pairs per row (default 4) */
  columns?: number;
  /** image side in CSS pixels (default 104) */
  thumb?: number;
  /** device pixels per CSS pixel (default 2) */
  scale?: number;
}

const PAD = 10;
const GAP = 10;
const MARGIN = 20;
const HEADER = 64;
const FONT = "system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif";
const COLORS = { bg: '#ffffff', fg: '#1d232b', muted: '#5d6877', line: '#d9dee5', fp: '#c8372d', tagBg: '#fff3d6', tagFg: '#7a4b00', missing: '#eceff3' };

/**
 * Draws a PNG contact sheet of false positives: for each pair both images
 * side by side (pixelated when upscaled), their class and file names, the
 * rank, the score and the tag labels. Images that fail to load are drawn as
 * a grey box saying so (the sheet is still made). Pure drawing: data in by
 * argument; needs a DOM (Image, canvas).
 */
export async function drawContactSheet(pairs: SheetPair[], opts: ContactSheetOptions): Promise<Blob> {
  const columns = Math.max(1, Math.min(opts.columns ?? 4, Math.max(1, pairs.length)));
  const thumb = opts.thumb ?? 104;
  const scale = opts.scale ?? 2;
  const cellW = 2 * thumb + 3 * PAD + 4;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Contact sheet: this browser gave no 2D canvas');
  const tagWidth = cellW - 2 * PAD - 4;
  const tagRows = Math.min(3, Math.max(0, ...pairs.map((p) => (p.tags ? layoutTags(ctx, tagList(p.tags), tagWidth).rows : 0))));
  // images, class + file name, rank + score, then the tag rows
  const cellH = PAD + thumb + 52 + tagRows * 20 + PAD;
  const rows = Math.max(1, Math.ceil(pairs.length / columns));
  const width = MARGIN * 2 + columns * cellW + (columns - 1) * GAP;
  const height = MARGIN + HEADER + rows * cellH + (rows - 1) * GAP + MARGIN;

  const urls = [...new Set(pairs.flatMap((p) => [p.a.url, p.b.url]))];
  const loaded = new Map(await Promise.all(urls.map(async (u) => [u, await loadImage(u)] as const)));

  canvas.width = Math.round(width * scale); // resets the context's state
  canvas.height = Math.round(height * scale);
  ctx.scale(scale, scale);
  ctx.fillStyle = COLORS.bg;
  ctx.fillRect(0, 0, width, height);
  ctx.textBaseline = 'alphabetic';

  ctx.fillStyle = COLORS.fg;
  ctx.font = `650 18px ${FONT}`;
  ctx.fillText(fit(ctx, opts.title, width - 2 * MARGIN), MARGIN, MARGIN + 18);
  if (opts.subtitle) {
    ctx.fillStyle = COLORS.muted;
    ctx.font = `13px ${FONT}`;
    ctx.fillText(fit(ctx, opts.subtitle, width - 2 * MARGIN), MARGIN, MARGIN + 40);
  }
  if (pairs.length === 0) {
    ctx.fillStyle = COLORS.muted;
    ctx.font = `14px ${FONT}`;
    ctx.fillText('No false positives in the ranking.', MARGIN, MARGIN + HEADER + 20);
  }

  pairs.forEach((p, k) => {
    const x = MARGIN + (k % columns) * (cellW + GAP);
    const y = MARGIN + HEADER + Math.floor(k / columns) * (cellH + GAP);
    ctx.strokeStyle = COLORS.line;
    ctx.lineWidth = 1;
    ctx.strokeRect(x + 0.5, y + 0.5, cellW - 1, cellH - 1);
    ctx.fillStyle = COLORS.fp;
    ctx.fillRect(x, y, 4, cellH);
    const ix = x + 4 + PAD;
    [p.a, p.b].forEach((im, side) => {
      const left = ix + side * (thumb + PAD);
      if (im.url === '') {
        drawNameBox(ctx, im.file, left, y + PAD, thumb);
        return; // the name is in the box; no class to print under it
      }
      drawThumb(ctx, loaded.get(im.url) ?? null, left, y + PAD, thumb);
      ctx.fillStyle = COLORS.fg;
      ctx.font = `12px ${FONT}`;
      ctx.fillText(fit(ctx, im.className, thumb), left, y + PAD + thumb + 14);
      ctx.fillStyle = COLORS.muted;
      ctx.font = `10px ${FONT}`;
      ctx.fillText(fit(ctx, im.file, thumb), left, y + PAD + thumb + 27);
    });
    const metaY = y + PAD + thumb + 46;
    ctx.fillStyle = COLORS.fg;
    ctx.font = `600 12px ${FONT}`;
    const rank = `#${p.rank.toLocaleString('en-US')}`;
    ctx.fillText(rank, ix, metaY);
    const rankW = ctx.measureText(rank).width;
    ctx.font = `12px ${FONT}`;
    ctx.fillText(fit(ctx, `score ${Number(p.score.toPrecision(6))}`, cellW - 2 * PAD - rankW - 12), ix + rankW + 8, metaY);
    if (p.tags) drawTags(ctx, tagList(p.tags), ix, metaY + 8, tagWidth, tagRows);
  });
  return canvasToPng(canvas);
}

function drawThumb(ctx: CanvasRenderingContext2D, img: HTMLImageElement | null, x: number, y: number, side: number): void {
  if (!img || img.naturalWidth === 0) {
    ctx.fillStyle = COLORS.missing;
    ctx.fillRect(x, y, side, side);
    ctx.fillStyle = COLORS.muted;
    ctx.font = `11px ${FONT}`;
    ctx.fillText('image did not load', x + 6, y + side / 2);
    return;
  }
  const k = Math.min(side / img.naturalWidth, side / img.naturalHeight);
  const w = img.naturalWidth * k;
  const h = img.naturalHeight * k;
  ctx.fillStyle = '#000';
  ctx.fillRect(x, y, side, side);
  ctx.imageSmoothingEnabled = k < 1; // small images stay crisp pixels, as in the gallery
  ctx.drawImage(img, x + (side - w) / 2, y + (side - h) / 2, w, h);
  ctx.imageSmoothingEnabled = true;
}

/** A pair side with no picture (a scores table names its items): the name itself fills the box, wrapped onto up to 5 lines. */
function drawNameBox(ctx: CanvasRenderingContext2D, name: string, x: number, y: number, side: number): void {
  ctx.fillStyle = COLORS.missing;
  ctx.fillRect(x, y, side, side);
  ctx.fillStyle = COLORS.fg;
  ctx.font = `12px ${FONT}`;
  const width = side - 12;
  const lines: string[] = [];
  let rest = name;
  while (rest.length > 0 && lines.length < 5) {
    let n = rest.length;
    while (n > 1 && ctx.measureText(rest.slice(0, n)).width > width) n--;
    lines.push(lines.length === 4 && n < rest.length ? fit(ctx, rest, width) : rest.slice(0, n));
    rest = rest.slice(n);
  }
  lines.forEach((line, k) => ctx.fillText(line, x + 6, y + 18 + k * 16));
}

function tagList(tags: string[]): string[] {
  return tags.length > 0 ? tags : ['no tag'];
}

/** Where each tag chip goes when wrapped into rows of `width` (x offset, row, chip width). */
function layoutTags(ctx: CanvasRenderingContext2D, tags: string[], width: number): { chips: { dx: number; row: number; w: number }[]; rows: number } {
  ctx.font = `11px ${FONT}`;
  const chips: { dx: number; row: number; w: number }[] = [];
  let dx = 0;
  let row = 0;
  for (const tag of tags) {
    const w = Math.min(ctx.measureText(tag).width + 10, width);
    if (dx + w > width && dx > 0) {
      row++;
      dx = 0;
    }
    chips.push({ dx, row, w });
    dx += w + 6;
  }
  return { chips, rows: row + 1 };
}

/** Tag chips, wrapped onto at most `maxRows` rows of `width`. */
function drawTags(ctx: CanvasRenderingContext2D, tags: string[], x: number, y: number, width: number, maxRows: number): void {
  const { chips } = layoutTags(ctx, tags, width);
  chips.forEach(({ dx, row, w }, k) => {
    if (row >= maxRows) return;
    const top = y + row * 20;
    ctx.fillStyle = COLORS.tagBg;
    ctx.beginPath();
    ctx.roundRect(x + dx, top, w, 16, 4);
    ctx.fill();
    ctx.fillStyle = COLORS.tagFg;
    ctx.fillText(fit(ctx, tags[k], w - 10), x + dx + 5, top + 12);
  });
}

/** `text`, cut with an ellipsis to fit `width` in the current font. */
function fit(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${text.slice(0, lo)}…`;
}

function loadImage(url: string): Promise<HTMLImageElement | null> {
  if (url === '') return Promise.resolve(null); // no picture (a scores table's names): drawNameBox shows the name
  return new Promise((resolve) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => resolve(null);
    img.src = url;
  });
}
