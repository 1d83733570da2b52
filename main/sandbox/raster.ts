import { GLYPH_HEIGHT, GLYPH_WIDTH, glyphRows } from './bitmap-font';

export type Rgb = readonly [number, number, number];

/** A small RGB drawing surface for the sandbox's generated images. */
export class Raster {
  readonly pixels: Uint8Array;

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fillRect(0, 0, width, height, background);
  }

  fillRect(x: number, y: number, width: number, height: number, colour: Rgb): void {
    const x0 = Math.max(0, Math.floor(x));
    const y0 = Math.max(0, Math.floor(y));
    const x1 = Math.min(this.width, Math.floor(x + width));
    const y1 = Math.min(this.height, Math.floor(y + height));
    for (let row = y0; row < y1; row++) {
      for (let column = x0; column < x1; column++) {
        const at = (row * this.width + column) * 3;
        this.pixels[at] = colour[0];
        this.pixels[at + 1] = colour[1];
        this.pixels[at + 2] = colour[2];
      }
    }
  }

  /** Lines every `spacing` pixels, the first at half a spacing, so the centre stays clear of them. */
  grid(spacing: number, lineWidth: number, colour: Rgb): void {
    for (let at = spacing / 2; at < Math.max(this.width, this.height); at += spacing) {
      const start = at - lineWidth / 2;
      this.fillRect(start, 0, lineWidth, this.height, colour);
      this.fillRect(0, start, this.width, lineWidth, colour);
    }
  }

  /** Width in pixels of `text` drawn at `scale` (one glyph column of space between characters). */
  static textWidth(text: string, scale: number): number {
    return text.length === 0 ? 0 : (text.length * (GLYPH_WIDTH + 1) - 1) * scale;
  }

  text(text: string, x: number, y: number, scale: number, colour: Rgb): void {
    [...text].forEach((character, index) => {
      const left = x + index * (GLYPH_WIDTH + 1) * scale;
      glyphRows(character).forEach((row, rowIndex) => {
        for (let column = 0; column < GLYPH_WIDTH; column++) {
          if (row[column] === '1') this.fillRect(left + column * scale, y + rowIndex * scale, scale, scale, colour);
        }
      });
    });
  }

  /** Centred lines of text on a plate, the largest scale that fits `maxWidth`, starting at `top`. */
  label(lines: readonly string[], top: number, maxWidth: number, maxScale: number, text: Rgb, plate: Rgb): void {
    const widest = Math.max(...lines.map((line) => Raster.textWidth(line, 1)));
    const scale = Math.max(1, Math.min(maxScale, Math.floor(maxWidth / Math.max(1, widest))));
    const lineHeight = (GLYPH_HEIGHT + 3) * scale;
    const padding = 2 * scale;
    const plateWidth = widest * scale + 2 * padding;
    const plateHeight = lines.length * lineHeight - 3 * scale + 2 * padding;
    this.fillRect((this.width - plateWidth) / 2, top, plateWidth, plateHeight, plate);
    lines.forEach((line, index) => {
      const lineWidth = Raster.textWidth(line, scale);
      this.text(line, Math.floor((this.width - lineWidth) / 2), top + padding + index * lineHeight, scale, text);
    });
  }
}

export function shade(colour: Rgb, factor: number): Rgb {
  const channel = (value: number) => Math.max(0, Math.min(255, Math.round(value * factor)));
  return [channel(colour[0]), channel(colour[1]), channel(colour[2])];
}

/** HSL (hue in degrees, saturation and lightness 0–1) to 8-bit RGB. */
export function hsl(hue: number, saturation: number, lightness: number): Rgb {
  const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
  const h = (((hue % 360) + 360) % 360) / 60;
  const x = chroma * (1 - Math.abs((h % 2) - 1));
  const [r, g, b] =
    h < 1
      ? [chroma, x, 0]
      : h < 2
        ? [x, chroma, 0]
        : h < 3
          ? [0, chroma, x]
          : h < 4
            ? [0, x, chroma]
            : h < 5
              ? [x, 0, chroma]
              : [chroma, 0, x];
  const m = lightness - chroma / 2;
  return [Math.round((r + m) * 255), Math.round((g + m) * 255), Math.round((b + m) * 255)];
}
