import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const resources = join(import.meta.dirname, '../../../resources');

describe('app icon', () => {
  it('is a 512×512 PNG with an alpha channel', () => {
    const png = readFileSync(join(resources, 'icon.png'));
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    expect({ width: png.readUInt32BE(16), height: png.readUInt32BE(20), colorType: png.readUInt8(25) }).toEqual({
      width: 512,
      height: 512,
      colorType: 6,
    });
  });

  it('has its scalable source beside it', () => {
    const svg = readFileSync(join(resources, 'icon.svg'), 'utf8');
    expect(svg).toMatch(/^<svg[^>]+viewBox="0 0 512 512"/);
  });
});
