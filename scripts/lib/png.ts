/** 8-bit grayscale PNG I/O with pngjs (Node only). */
import { readFileSync, writeFileSync } from 'node:fs';
import { PNG } from 'pngjs';

/** Writes width × height uint8 gray pixels as an 8-bit grayscale PNG. */
export function writeGrayPng(path: string, pixels: Uint8Array, width: number, height: number): void {
  const png = new PNG({ width, height, colorType: 0, inputColorType: 0, bitDepth: 8 });
  png.data = Buffer.from(pixels);
  writeFileSync(path, PNG.sync.write(png, { colorType: 0, inputColorType: 0, bitDepth: 8 }));
}

/** Reads a PNG and returns its gray values (the red channel of pngjs' RGBA output). */
export function readGrayPng(path: string): { width: number; height: number; pixels: Uint8Array } {
  const png = PNG.sync.read(readFileSync(path));
  const pixels = new Uint8Array(png.width * png.height);
  for (let i = 0; i < pixels.length; i++) pixels[i] = png.data[4 * i];
  return { width: png.width, height: png.height, pixels };
}
