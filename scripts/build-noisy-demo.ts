/**
 * The label-noise demo (`?demo=noisy`): the demo set plus byte copies of a few
 * images filed under a *wrong* class — the "same picture in two class folders"
 * fault our users find in real validation sets. Deterministic: the first two
 * images of each source class below are copied into the target class.
 * Writes public/demo/planted/<target>/<source>-<file> and
 * public/demo/manifest-noisy.json. Run after `npm run demo:data`.
 */
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DEMO = 'public/demo';
/** Plausible confusions: source class → class the copies are (wrongly) filed under. */
const PLANT: [string, string][] = [
  ['shirt', 't-shirt_top'],
  ['t-shirt_top', 'shirt'],
  ['pullover', 'coat'],
  ['coat', 'pullover'],
  ['sneaker', 'ankle_boot'],
  ['ankle_boot', 'sneaker'],
];
const PER_CLASS = 2;

interface Entry {
  path: string;
  label: number;
  class: string;
}
const manifest = JSON.parse(readFileSync(join(DEMO, 'manifest.json'), 'utf8')) as { name: string; classes: string[]; images: Entry[] };
rmSync(join(DEMO, 'planted'), { recursive: true, force: true });
const planted: Entry[] = [];
for (const [source, target] of PLANT) {
  const label = manifest.classes.indexOf(target);
  if (label < 0) throw new Error(`unknown class ${target}`);
  for (const im of manifest.images.filter((e) => e.class === source).slice(0, PER_CLASS)) {
    const path = `planted/${target}/${source}-${im.path.split('/').pop()}`;
    mkdirSync(dirname(join(DEMO, path)), { recursive: true });
    copyFileSync(join(DEMO, im.path), join(DEMO, path));
    planted.push({ path, label, class: target });
  }
}
const noisy = {
  ...manifest,
  name: `Fashion-MNIST test + ${planted.length} planted cross-class duplicates`,
  source: `${(manifest as unknown as { source: string }).source}; plus byte copies filed under a wrong class by scripts/build-noisy-demo.ts`,
  images: [...manifest.images, ...planted],
};
writeFileSync(join(DEMO, 'manifest-noisy.json'), JSON.stringify(noisy, null, 1) + '\n');
console.log(`planted ${planted.length} copies; manifest-noisy.json lists ${noisy.images.length} images`);
