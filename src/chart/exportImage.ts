import type { TitleBlock } from './titleBlock';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The presentation properties the chart's CSS sets; copied inline so the file looks the same outside the app. */
const STYLE_PROPS = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'opacity',
  'font-family',
  'font-size',
  'font-weight',
  'text-anchor',
  'dominant-baseline',
  'paint-order',
];
/** Interactive-only parts of a chart: dropped from the export. */
const INTERACTIVE = ['overlay', 'hover', 'hist-hover', 'roc-hover'];
const HEADING_PX = 17;
const LINE_PX = 13;
const LINE_GAP = 18;
const PAD = 14;
const BACKGROUND = '#ffffff';

/** A standalone SVG document and its size in CSS pixels. */
export interface ExportedSvg {
  svg: string;
  width: number;
  height: number;
}

/**
 * A standalone SVG of a chart that is on screen (`svg` must be in the
 * document, so its computed styles are known), with `title` above it on a
 * white background. Every element's computed presentation styles are
 * written inline (the app's stylesheet is not needed), hidden and
 * interactive-only elements (hover marks, the click overlay) are left out,
 * and focus/ARIA attributes are stripped. Classes are kept (e.g. path.curve).
 */
export function svgToString(svg: SVGSVGElement, title: TitleBlock): ExportedSvg {
  const vb = svg.viewBox.baseVal;
  const box = svg.getBoundingClientRect();
  const width = vb && vb.width > 0 ? vb.width : Math.round(box.width);
  const chartHeight = vb && vb.height > 0 ? vb.height : Math.round(box.height);
  const fontFamily = getComputedStyle(svg).fontFamily || 'sans-serif';
  const lines = title.lines.flatMap((line) => wrapAtDots(line, width - 2 * PAD, `${LINE_PX}px ${fontFamily}`));
  const titleHeight = PAD + HEADING_PX + lines.length * LINE_GAP + PAD / 2;
  const height = titleHeight + chartHeight;

  const chart = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, chart);
  for (const attr of ['tabindex', 'role', 'aria-label', 'style', 'class', 'data-testid']) chart.removeAttribute(attr);
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(titleHeight));
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(chartHeight));
  chart.setAttribute('viewBox', vb && vb.width > 0 ? `${vb.x} ${vb.y} ${vb.width} ${vb.height}` : `0 0 ${width} ${chartHeight}`);

  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const root = doc.documentElement as unknown as SVGSVGElement;
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  root.setAttribute('font-family', fontFamily);
  const bg = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ width: '100%', height: '100%', fill: BACKGROUND })) bg.setAttribute(k, v);
  root.appendChild(bg);

  const block = doc.createElementNS(SVG_NS, 'g');
  block.setAttribute('class', 'title-block');
  const text = (content: string, y: number, size: number, weight: string, fill: string) => {
    const t = doc.createElementNS(SVG_NS, 'text');
    for (const [k, v] of Object.entries({ x: String(PAD), y: String(y), 'font-size': `${size}px`, 'font-weight': weight, fill })) t.setAttribute(k, v);
    t.textContent = content;
    block.appendChild(t);
  };
  text(title.heading, PAD + HEADING_PX - 3, HEADING_PX, '650', '#1d232b');
  lines.forEach((line, k) => text(line, PAD + HEADING_PX + (k + 1) * LINE_GAP - 3, LINE_PX, '400', '#3d4652'));
  root.appendChild(block);
  root.appendChild(doc.importNode(chart, true));
  return { svg: new XMLSerializer().serializeToString(doc), width, height };
}

/**
 * `line` split at its " · " separators into lines no wider than `maxWidth`
 * in `font` (measured on a canvas); a single part wider than that stays whole.
 */
function wrapAtDots(line: string, maxWidth: number, font: string): string[] {
  const ctx = document.createElement('canvas').getContext('2d');
  if (!ctx) return [line];
  ctx.font = font;
  const out: string[] = [];
  let current = '';
  for (const part of line.split(' · ')) {
    const next = current ? `${current} · ${part}` : part;
    if (current && ctx.measureText(next).width > maxWidth) {
      out.push(current);
      current = part;
    } else current = next;
  }
  out.push(current);
  return out;
}

/** Walks `src` (live, styled) and `dst` (its clone) in step, writing computed styles onto the clone. */
function inlineStyles(src: Element, dst: Element): void {
  const srcKids = Array.from(src.children);
  const dstKids = Array.from(dst.children);
  for (let k = 0; k < srcKids.length; k++) {
    const s = srcKids[k];
    const d = dstKids[k];
    const cs = getComputedStyle(s);
    const classes = s.getAttribute('class')?.split(/\s+/) ?? [];
    if (cs.display === 'none' || cs.visibility === 'hidden' || classes.some((c) => INTERACTIVE.includes(c))) {
      d.remove();
      continue;
    }
    const style = STYLE_PROPS.map((p) => [p, cs.getPropertyValue(p)] as const)
      .filter(([, v]) => v !== '' && v !== 'normal' && v !== 'auto')
      .map(([p, v]) => `${p}:${v}`)
      .join(';');
    d.setAttribute('style', style);
    for (const attr of ['tabindex', 'role', 'aria-label', 'data-testid']) d.removeAttribute(attr);
    inlineStyles(s, d);
  }
}

/**
 * Rasterises a standalone SVG string (from `svgToString`) to a PNG of
 * width·scale × height·scale pixels on white, via an Image and a canvas.
 * Rejects with a message that names the step that failed.
 */
export async function svgToPngBlob(svgString: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgString], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = await loadImage(url);
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('PNG export: this browser gave no 2D canvas');
    ctx.fillStyle = BACKGROUND;
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await canvasToPng(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** The canvas as a PNG blob. */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export: the canvas could not be encoded (too large?)'))), 'image/png'),
  );
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('PNG export: the browser could not render the chart SVG'));
    img.src = url;
  });
}

/**
 * Puts a PNG on the clipboard. Pass the Promise (not the awaited Blob) from
 * a click handler: the browser then keeps the click's permission while the
 * PNG is rendered (required by Safari, fine in Chrome). Rejects with a
 * message that says why and what to do instead.
 */
export async function copyPngToClipboard(png: Blob | Promise<Blob>): Promise<void> {
  if (typeof ClipboardItem === 'undefined' || !navigator.clipboard?.write) {
    throw new Error('This browser cannot copy images here (the Clipboard API needs a secure https or localhost page); use “PNG” to download the image instead.');
  }
  try {
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': png })]);
  } catch (e) {
    const name = (e as Error).name;
    if (name === 'NotAllowedError' || name === 'SecurityError') {
      throw new Error('The browser did not allow copying to the clipboard (permission denied, or the page lost focus); use “PNG” to download the image instead.');
    }
    throw new Error(`Copying the PNG failed: ${(e as Error).message}`);
  }
}
