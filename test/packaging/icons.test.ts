import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ICON_SIZES, writeIconSet } from '../../scripts/icons';
import { decodePng, encodePng } from '../../main/images/png';
import { downscale } from '../../scripts/icons/downscale';

const root = resolve(import.meta.dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'roomdesk-icons-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the icon set', () => {
  it('has every size from 16 to 512, each a readable square PNG named by its size', () => {
    const files = writeIconSet(join(root, 'resources/icon.png'), out);
    expect(files.map((file) => file.slice(out.length + 1))).toEqual(ICON_SIZES.map((size) => `${size}x${size}.png`));
    for (const [index, size] of ICON_SIZES.entries()) {
      const image = decodePng(readFileSync(files[index]!));
      expect([image.width, image.height]).toEqual([size, size]);
      expect(image.pixels.some((value, at) => at % 4 === 3 && value > 0)).toBe(true);
    }
  });

  it('keeps colours when shrinking: a 4×4 half red, half transparent image becomes 2×2 red and clear', () => {
    const pixels = new Uint8Array(4 * 4 * 4);
    for (let y = 0; y < 4; y++) for (let x = 0; x < 2; x++) pixels.set([255, 0, 0, 255], (y * 4 + x) * 4);
    const small = decodePng(encodePng(downscale({ width: 4, height: 4, channels: 4, pixels }, 2)));
    expect([...small.pixels]).toEqual([255, 0, 0, 255, 0, 0, 0, 0, 255, 0, 0, 255, 0, 0, 0, 0]);
  });
});
