/** Marker radius of the dip (prChart draws it) and room the word "dip" needs, in px. */
const MARKER_R = 8;
const LABEL_W = 22;
const LABEL_H = 12;

/**
 * Where the "dip" label goes next to the dip marker at (px, py) in a plot of
 * iw × ih pixels: right of the marker, on its line; lifted above the marker
 * when the marker sits on the bottom edge (precision ≈ 0, where the text would
 * run into the 0.0 tick and the x axis' labels), pushed below it on the top
 * edge, and to its left at the right edge. Always inside the plot.
 */
export function dipLabelPosition(px: number, py: number, iw: number, ih: number): { x: number; y: number; anchor: 'start' | 'end' } {
  const gap = MARKER_R + 3;
  const right = px + gap + LABEL_W <= iw;
  const x = right ? Math.max(px + gap, gap) : px - gap;
  let y = py + 4; // baseline: centred on the marker
  if (y > ih - 4) y = Math.max(LABEL_H, py - gap); // on the bottom edge: above the marker
  else if (y - LABEL_H < 0) y = Math.min(ih - 4, py + gap + LABEL_H); // on the top edge: below it
  return { x, y, anchor: right ? 'start' : 'end' };
}
