// Writes the Linux icon set (build/icons/<N>x<N>.png) from resources/icon.png. macOS and Windows
// icons are made by electron-builder from the same file.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodePng, encodePng } from '../main/images/png';
import { downscale } from './icons/downscale';

export const ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

export function writeIconSet(source: string, outDir: string): string[] {
  const image = decodePng(readFileSync(source));
  if (image.width !== image.height || image.width < 512)
    throw new Error(`${source} must be square and at least 512 px (it is ${image.width}×${image.height})`);
  mkdirSync(outDir, { recursive: true });
  return ICON_SIZES.map((size) => {
    const file = join(outDir, `${size}x${size}.png`);
    writeFileSync(file, encodePng(size === image.width ? image : downscale(image, size)));
    return file;
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const root = resolve(import.meta.dirname, '..');
  const written = writeIconSet(join(root, 'resources/icon.png'), join(root, 'build/icons'));
  console.log(`icons: ${written.length} sizes in build/icons`);
}
