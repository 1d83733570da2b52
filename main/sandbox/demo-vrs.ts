import { hsl, type Rgb } from './raster';

/**
 * The sandbox's library of published demo VRs (18-character codes starting with 80). Each home has
 * a few panoramas, one per room; their cube faces are drawn at run time (vr-images.ts) so every
 * room and every face has its own colour, a label and a grid.
 */

export const CUBE_FACES = ['front', 'right', 'back', 'left', 'up', 'down'] as const;
export type CubeFace = (typeof CUBE_FACES)[number];

/** Edge of every generated cube face, in pixels: small, so pages and tests load fast. */
export const FACE_SIZE = 512;
export const COVER_SIZE = { width: 320, height: 180 } as const;

export interface DemoRoom {
  name: string;
  /** Hue of the room's colours, in degrees. */
  hue: number;
  /** Where the panorama was shot, on the floor plan, in metres: [x, z]. */
  at: readonly [number, number];
}

export interface DemoHome {
  vr_code: string;
  name: string;
  create_time: string;
  /** A short name for covers and face labels. */
  label: string;
  rooms: readonly DemoRoom[];
}

export const DEMO_HOMES: readonly DemoHome[] = [
  {
    vr_code: '800000000000000001',
    name: 'Riverside two-bedroom apartment',
    create_time: '2025-09-12 10:15:00',
    label: 'RIVERSIDE',
    rooms: [
      { name: 'Living room', hue: 0, at: [0, 0] },
      { name: 'Kitchen', hue: 120, at: [4, 0] },
      { name: 'Bedroom', hue: 240, at: [4, 3.5] },
    ],
  },
  {
    vr_code: '800000000000000002',
    name: 'Garden townhouse, three floors',
    create_time: '2025-10-03 14:40:00',
    label: 'TOWNHOUSE',
    rooms: [
      { name: 'Hall', hue: 33, at: [0, 0] },
      { name: 'Dining room', hue: 153, at: [3, 0] },
      { name: 'Study', hue: 273, at: [3, -3] },
    ],
  },
  {
    vr_code: '800000000000000003',
    name: 'City loft with terrace',
    create_time: '2025-11-20 09:05:00',
    label: 'CITY LOFT',
    rooms: [
      { name: 'Loft', hue: 66, at: [0, 0] },
      { name: 'Terrace', hue: 186, at: [5, 0] },
    ],
  },
  {
    vr_code: '800000000000000004',
    name: 'Family house near the park',
    create_time: '2026-01-08 16:30:00',
    label: 'FAMILY HOUSE',
    rooms: [
      { name: 'Family room', hue: 306, at: [0, 0] },
      { name: 'Playroom', hue: 93, at: [0, 4] },
    ],
  },
];

/** The list entries (`/open/v1/entity/vr/list`) of the demo VRs. */
export const DEMO_VRS: ReadonlyArray<{ vr_code: string; name: string; create_time: string }> = DEMO_HOMES.map(
  ({ vr_code, name, create_time }) => ({ vr_code, name, create_time }),
);

export function findDemoHome(vrCode: string): DemoHome | undefined {
  return DEMO_HOMES.find((home) => home.vr_code === vrCode);
}

/** Each face of a room differs in lightness and saturation; rooms differ in hue. */
const FACE_TONES: Record<CubeFace, { saturation: number; lightness: number }> = {
  front: { saturation: 0.7, lightness: 0.5 },
  right: { saturation: 0.7, lightness: 0.36 },
  back: { saturation: 0.7, lightness: 0.24 },
  left: { saturation: 0.7, lightness: 0.66 },
  up: { saturation: 0.35, lightness: 0.82 },
  down: { saturation: 0.35, lightness: 0.14 },
};

/** The background colour of one face of one room's panorama (what a renderer shows there). */
export function faceColour(room: DemoRoom, face: CubeFace): Rgb {
  const tone = FACE_TONES[face];
  return hsl(room.hue, tone.saturation, tone.lightness);
}

export const CAMERA_HEIGHT_METRES = 1.5;
export const OPENING_LONGITUDE = Math.PI;

/** Face image path relative to the Work's `base_url`; `cube_<size>` is how Realsee's Works name sizes. */
export function facePath(panoIndex: number, face: CubeFace): string {
  return `cube_${FACE_SIZE}/${panoIndex}/${face}.png`;
}

/**
 * The Work of a demo home, as Five loads it: an unsigned multi-panorama LooseWork (no
 * `_signature`/`certificate`, so it renders on localhost and IP pages only, like any unsigned
 * Work), with the legacy Work's descriptive fields beside it. `assetBase` ends with a slash.
 */
export function demoWork(home: DemoHome, assetBase: string, coverUrl: string): Record<string, unknown> {
  const indices = home.rooms.map((_, index) => index);
  return {
    work_code: home.vr_code,
    vr_code: home.vr_code,
    vr_type: 80,
    name: home.name,
    create_time: home.create_time,
    cover_url: coverUrl,
    base_url: assetBase,
    allow_hosts: ['localhost', '127.0.0.1'],
    // Five shows a Work's `back` image at longitude 0 and `front` at π: open facing the FRONT wall.
    initial: { mode: 'Panorama', pano_index: 0, longitude: OPENING_LONGITUDE, latitude: 0, fov: 90 },
    panorama: {
      count: home.rooms.length,
      list: indices.map((index) => ({
        index,
        ...Object.fromEntries(CUBE_FACES.map((face) => [face, facePath(index, face)])),
      })),
    },
    observers: home.rooms.map((room, index) => {
      const others = indices.filter((other) => other !== index);
      return {
        index,
        visible_nodes: others,
        accessible_nodes: others,
        quaternion: { x: 0, y: 0, z: 0, w: 1 },
        position: [room.at[0], CAMERA_HEIGHT_METRES, room.at[1]],
        standing_position: [room.at[0], 0, room.at[1]],
        floor_index: 0,
      };
    }),
  };
}
