import { createHash } from 'node:crypto';
import { COVER_SIZE, faceColour, FACE_SIZE, type CubeFace, type DemoHome } from './demo-vrs';
import { encodePng } from '../images/png';
import { Raster, shade } from './raster';

export interface GeneratedImage {
  png: Buffer;
  etag: string;
}

const WHITE = [255, 255, 255] as const;
const PLATE = [20, 22, 28] as const;

/** Draws one cube face: the face's colour, a grid, and a label naming the room, the face and the home. */
export function drawFace(home: DemoHome, panoIndex: number, face: CubeFace): Raster {
  const room = home.rooms[panoIndex];
  if (room === undefined) throw new RangeError(`drawFace: ${home.vr_code} has no panorama ${panoIndex}`);
  const colour = faceColour(room, face);
  const raster = new Raster(FACE_SIZE, FACE_SIZE, colour);
  raster.grid(FACE_SIZE / 8, Math.max(1, FACE_SIZE / 256), shade(colour, colour[0] + colour[1] + colour[2] > 300 ? 0.75 : 1.6));
  // The label stays in the upper third: the centre of every face shows its plain colour.
  raster.label([room.name, face, home.label], Math.round(FACE_SIZE * 0.12), FACE_SIZE * 0.85, Math.floor(FACE_SIZE / 100), WHITE, PLATE);
  return raster;
}

/** The list cover: the first room's colour, a grid, the home's short name and its room count. */
export function drawCover(home: DemoHome): Raster {
  const colour = faceColour(home.rooms[0]!, 'front');
  const raster = new Raster(COVER_SIZE.width, COVER_SIZE.height, colour);
  raster.grid(COVER_SIZE.height / 4, 2, shade(colour, 0.75));
  raster.label([home.label, `${home.rooms.length} rooms`], 40, COVER_SIZE.width * 0.9, 4, WHITE, PLATE);
  return raster;
}

/** Images are drawn on first request and kept: the set is small and fixed. */
export function createImageCache() {
  const images = new Map<string, GeneratedImage>();
  return (key: string, draw: () => Raster): GeneratedImage => {
    let image = images.get(key);
    if (image === undefined) {
      const raster = draw();
      const png = encodePng({ width: raster.width, height: raster.height, channels: 3, pixels: raster.pixels });
      image = { png, etag: `"${createHash('sha256').update(png).digest('base64url').slice(0, 27)}"` };
      images.set(key, image);
    }
    return image;
  };
}
