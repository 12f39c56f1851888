/**
 * Builds the bundled demo validation set, public/demo/:
 * the first 100 images of each class (in file order) of the Fashion-MNIST
 * *test* split, as 28×28 8-bit grayscale PNGs in one folder per class, plus
 * manifest.json and the upstream MIT licence.
 *
 * Source: Debian package `dataset-fashion-mnist` (/usr/share/datasets/fashion-mnist).
 * Run: npx tsx scripts/build-demo-set.ts   (or: npm run demo:data)
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FASHION_CLASSES, readImages, readLabels } from './lib/idx.ts';
import { writeGrayPng } from './lib/png.ts';

const PER_CLASS = 100;
const OUT_DIR = 'public/demo';
const COPYRIGHT_FILE = '/usr/share/doc/dataset-fashion-mnist/copyright';

interface ManifestImage {
  path: string;
  label: number;
  class: string;
}

/** The upstream MIT (Expat) notice, taken from the Debian copyright file. */
function mitNotice(): string {
  const text = readFileSync(COPYRIGHT_FILE, 'utf8');
  const stanzas = text.split(/\n\s*\n/);
  const upstream = stanzas.find((s) => /^Files: \*$/m.test(s));
  const holder = upstream?.match(/^Copyright: (.+)$/m)?.[1];
  const licence = stanzas.find((s) => /^License: Expat\n/.test(s));
  if (!holder || !licence) throw new Error(`unexpected format of ${COPYRIGHT_FILE}`);
  const body = licence
    .split('\n')
    .slice(1)
    .map((line) => (line.trim() === '.' ? '' : line.replace(/^ /, '').trimEnd()))
    .join('\n')
    .trim();
  return [
    'Fashion-MNIST (https://github.com/zalandoresearch/fashion-mnist)',
    '',
    'The MIT License (MIT)',
    '',
    `Copyright (c) ${holder}`,
    '',
    body,
    '',
    `(Copied from ${COPYRIGHT_FILE}, Debian package dataset-fashion-mnist.)`,
    '',
  ].join('\n');
}

function main(): void {
  const images = readImages('t10k');
  const labels = readLabels('t10k');
  if (images.count !== labels.length) throw new Error('image/label count mismatch');
  const { rows, cols } = images;
  const size = rows * cols;

  // First PER_CLASS indices of each class, in file order.
  const byClass: number[][] = FASHION_CLASSES.map(() => []);
  for (let i = 0; i < labels.length; i++) {
    const bucket = byClass[labels[i]];
    if (bucket.length < PER_CLASS) bucket.push(i);
  }

  // Start the class folders afresh; other files in OUT_DIR (README.md) stay.
  for (const cls of FASHION_CLASSES) rmSync(join(OUT_DIR, cls), { recursive: true, force: true });
  const manifest: ManifestImage[] = [];
  byClass.forEach((indices, label) => {
    const cls = FASHION_CLASSES[label];
    if (indices.length !== PER_CLASS) throw new Error(`class ${cls}: only ${indices.length} images`);
    mkdirSync(join(OUT_DIR, cls), { recursive: true });
    for (const idx of indices) {
      const path = `${cls}/t10k-${String(idx).padStart(5, '0')}.png`;
      writeGrayPng(join(OUT_DIR, path), images.pixels.subarray(idx * size, (idx + 1) * size), cols, rows);
      manifest.push({ path, label, class: cls });
    }
  });

  const doc = {
    name: `Fashion-MNIST test (${PER_CLASS} per class)`,
    source:
      'Fashion-MNIST test split (t10k), https://github.com/zalandoresearch/fashion-mnist, ' +
      `via Debian package dataset-fashion-mnist; first ${PER_CLASS} images of each class in file order; ` +
      'built by scripts/build-demo-set.ts',
    license: 'MIT',
    classes: [...FASHION_CLASSES],
    images: manifest,
  };
  // One image per line: readable, and diffs stay small.
  const json = JSON.stringify({ ...doc, images: [] }, null, 2).replace(
    '"images": []',
    () => `"images": [\n${manifest.map((m) => `    ${JSON.stringify(m)}`).join(',\n')}\n  ]`,
  );
  writeFileSync(join(OUT_DIR, 'manifest.json'), json + '\n');
  writeFileSync(join(OUT_DIR, 'LICENSE-fashion-mnist.txt'), mitNotice());
  console.log(`wrote ${manifest.length} images (${FASHION_CLASSES.length} classes × ${PER_CLASS}) to ${OUT_DIR}/`);
}

main();
