import type { Image } from '../../main/images/png';

/** Area-averaged downscale to size×size, weighting colour by alpha so transparent edges do not darken. */
export function downscale(image: Image, size: number): Image {
  if (image.channels !== 4) throw new Error('downscale expects an RGBA image');
  const pixels = new Uint8Array(size * size * 4);
  const sx = image.width / size;
  const sy = image.height / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let [r, g, b, a, count] = [0, 0, 0, 0, 0];
      for (let yy = Math.floor(y * sy); yy < Math.ceil((y + 1) * sy); yy++) {
        for (let xx = Math.floor(x * sx); xx < Math.ceil((x + 1) * sx); xx++) {
          const at = (yy * image.width + xx) * 4;
          const alpha = image.pixels[at + 3]!;
          r += image.pixels[at]! * alpha;
          g += image.pixels[at + 1]! * alpha;
          b += image.pixels[at + 2]! * alpha;
          a += alpha;
          count += 1;
        }
      }
      const at = (y * size + x) * 4;
      pixels[at] = a ? Math.round(r / a) : 0;
      pixels[at + 1] = a ? Math.round(g / a) : 0;
      pixels[at + 2] = a ? Math.round(b / a) : 0;
      pixels[at + 3] = Math.round(a / count);
    }
  }
  return { width: size, height: size, channels: 4, pixels };
}
