import { inflateSync } from 'node:zlib';

/** Reads the PNGs the sandbox writes (8-bit RGB, no filtering): enough to check their pixels. */
export function readPng(png: Buffer): { width: number; height: number; pixel(x: number, y: number): [number, number, number] } {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG');
  let offset = 8;
  let width = 0;
  let height = 0;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[9] !== 2) throw new Error('only 8-bit RGB is read here');
    }
    if (type === 'IDAT') data.push(body);
    offset += length + 12;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * 3 + 1;
  if (raw.length !== stride * height) throw new Error('pixel data does not match the size');
  return {
    width,
    height,
    pixel(x, y) {
      if (raw[y * stride] !== 0) throw new Error('only unfiltered rows are read here');
      const at = y * stride + 1 + x * 3;
      return [raw[at]!, raw[at + 1]!, raw[at + 2]!];
    },
  };
}
