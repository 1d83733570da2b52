import type { Page } from '@playwright/test';
import { CUBE_FACES, faceColour, type CubeFace, type DemoRoom } from '../../../../main/sandbox/demo-vrs';

/** Software WebGL draws the flat face colours exactly; a little slack for other GPUs. */
export const FACE_TOLERANCE = 8;

/** Side of the square read around the centre: wider than a grid line of the generated faces. */
const SAMPLE = 15;

/**
 * The most common colour around the centre of `page` as shown on screen (from a screenshot, decoded in
 * `decoder`, any page without a policy): the face's own colour even where a grid line crosses the centre.
 */
export async function centreColour(page: Page, decoder: Page): Promise<number[]> {
  const size = page.viewportSize()!;
  const half = Math.floor(SAMPLE / 2);
  const png = await page.screenshot({
    clip: { x: Math.floor(size.width / 2) - half, y: Math.floor(size.height / 2) - half, width: SAMPLE, height: SAMPLE },
  });
  return decoder.evaluate(async (base64) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d')!;
    context.drawImage(image, 0, 0);
    const data = context.getImageData(0, 0, image.width, image.height).data;
    const counts = new Map<string, number>();
    for (let index = 0; index < data.length; index += 4) {
      const key = `${data[index]},${data[index + 1]},${data[index + 2]}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [top] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]!;
    return top.split(',').map(Number);
  }, png.toString('base64'));
}

export const near = (a: readonly number[], b: readonly number[]) =>
  a.every((value, index) => Math.abs(value - b[index]!) <= FACE_TOLERANCE);

/** Which face of `room` a colour is, or null when it is none (a seam, a blend mid-animation, nothing drawn). */
export function faceOf(room: DemoRoom, colour: readonly number[]): CubeFace | null {
  return CUBE_FACES.find((face) => near(colour, faceColour(room, face))) ?? null;
}
