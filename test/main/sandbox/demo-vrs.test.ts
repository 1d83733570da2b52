import { describe, expect, it } from 'vitest';
import { CUBE_FACES, DEMO_HOMES, FACE_SIZE, faceColour } from '../../../main/sandbox/demo-vrs';
import { endpoints, startTestGateway } from './sandbox-client';
import { decodePng } from '../../../main/images/png';

/** The PNG's size and a pixel reader, as RGB. */
function readPng(png: Buffer) {
  const image = decodePng(png);
  const pixel = (x: number, y: number): [number, number, number] => {
    const at = (y * image.width + x) * image.channels;
    return [image.pixels[at]!, image.pixels[at + 1]!, image.pixels[at + 2]!];
  };
  return { width: image.width, height: image.height, pixel };
}

async function image(url: string, init: RequestInit = {}) {
  const response = await fetch(url, init);
  return { response, body: Buffer.from(await response.arrayBuffer()) };
}

async function workOf(path: string, query: Record<string, string>) {
  const started = await startTestGateway();
  const token = await started.client.token();
  return { ...started, token, answer: await started.client.get(path, query, token) };
}

describe('sandbox demo VR library', () => {
  it('lists at least three homes, each with a cover image', async () => {
    const { client } = await startTestGateway();
    const list = await client.get(endpoints.vrList, { page: '1', page_size: '10' }, await client.token());
    expect(list.data.total).toBeGreaterThanOrEqual(3);
    for (const vr of list.data.list) {
      const cover = await image(vr.cover_url);
      expect(cover.response.status).toBe(200);
      expect(cover.response.headers.get('content-type')).toBe('image/png');
      const png = readPng(cover.body);
      expect(png.width).toBeGreaterThan(png.height);
    }
    expect(DEMO_HOMES.filter((home) => home.rooms.length >= 2).length).toBeGreaterThanOrEqual(3);
  });

  it('serves the legacy Work as a multi-panorama Work Five can load', async () => {
    const home = DEMO_HOMES[0]!;
    const { answer, gateway } = await workOf(endpoints.vrWork, { vr_code: home.vr_code });
    expect(answer.code).toBe(0);
    const work = answer.data;
    expect(work).toMatchObject({
      work_code: home.vr_code,
      vr_code: home.vr_code,
      name: home.name,
      base_url: `${gateway.baseUrl}/vr-assets/${home.vr_code}/`,
      initial: { mode: 'Panorama', pano_index: 0, longitude: Math.PI, latitude: 0, fov: expect.any(Number) },
      panorama: { count: home.rooms.length },
    });
    expect(work._signature).toBeUndefined();
    expect(work.panorama.list).toHaveLength(home.rooms.length);
    expect(work.observers).toHaveLength(home.rooms.length);
    work.panorama.list.forEach((pano: Record<string, unknown>, index: number) => {
      expect(pano.index).toBe(index);
      for (const face of CUBE_FACES) expect(pano[face]).toBe(`cube_${FACE_SIZE}/${index}/${face}.png`);
    });
    work.observers.forEach((observer: Record<string, any>, index: number) => {
      expect(observer.index).toBe(index);
      expect(observer.position).toHaveLength(3);
      expect(observer.standing_position).toHaveLength(3);
      expect(observer.quaternion).toEqual({ x: 0, y: 0, z: 0, w: 1 });
      expect(observer.floor_index).toBe(0);
      expect(observer.accessible_nodes.length).toBeGreaterThan(0);
      expect(observer.accessible_nodes).not.toContain(index);
      for (const node of [...observer.accessible_nodes, ...observer.visible_nodes]) expect(node).toBeLessThan(home.rooms.length);
    });
  });

  it('serves the same Work through the current info endpoint, named by resource_code', async () => {
    const home = DEMO_HOMES[1]!;
    const { answer, client, token } = await workOf(endpoints.vrInfo, { resource_code: home.vr_code });
    expect(answer.code).toBe(0);
    expect(answer.data.resource_code).toBe(home.vr_code);
    const legacy = await client.get(endpoints.vrWork, { vr_code: home.vr_code }, token);
    const { resource_code: _code, ...rest } = answer.data;
    expect(rest).toEqual(legacy.data);
  });

  it('refuses an unknown VR, a missing code and a missing token', async () => {
    const { client, answer: unknown, token } = await workOf(endpoints.vrWork, { vr_code: '809999999999999999' });
    expect(unknown).toMatchObject({ code: -3, data: null });
    expect(unknown.status).toMatch(/vr not found/);
    expect((await client.get(endpoints.vrInfo, {}, token)).status).toMatch(/resource_code is required/);
    expect((await client.get(endpoints.vrWork, { vr_code: DEMO_HOMES[0]!.vr_code }, undefined)).code).not.toBe(0);
  });

  it('draws every face of every room in its own colour, with the grid clear of the centre', async () => {
    const { answer } = await workOf(endpoints.vrWork, { vr_code: DEMO_HOMES[0]!.vr_code });
    const home = DEMO_HOMES[0]!;
    for (const [index, pano] of (answer.data.panorama.list as Record<string, string>[]).entries()) {
      for (const face of CUBE_FACES) {
        const { response, body } = await image(answer.data.base_url + pano[face]);
        expect(response.status).toBe(200);
        const png = readPng(body);
        expect([png.width, png.height]).toEqual([FACE_SIZE, FACE_SIZE]);
        const centre = png.pixel(FACE_SIZE / 2, FACE_SIZE / 2);
        expect(centre).toEqual([...faceColour(home.rooms[index]!, face)]);
        // The grid and the label change some pixels: motion and the room's name are visible.
        expect(png.pixel(FACE_SIZE / 16, FACE_SIZE / 2)).not.toEqual(centre);
        expect(png.pixel(FACE_SIZE / 2, Math.round(FACE_SIZE * 0.13))).not.toEqual(centre);
      }
    }
    const colours = DEMO_HOMES.flatMap((each) => each.rooms.flatMap((room) => CUBE_FACES.map((face) => faceColour(room, face).join())));
    expect(new Set(colours).size).toBe(colours.length);
  });

  it('serves images with content type, caching and cross-origin headers, and answers a matching ETag with 304', async () => {
    const { answer } = await workOf(endpoints.vrWork, { vr_code: DEMO_HOMES[2]!.vr_code });
    const url = answer.data.base_url + answer.data.panorama.list[1].up;
    const first = await image(url);
    expect(first.response.headers.get('content-type')).toBe('image/png');
    expect(first.response.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(first.response.headers.get('access-control-allow-origin')).toBe('*');
    expect(Number(first.response.headers.get('content-length'))).toBe(first.body.length);
    const etag = first.response.headers.get('etag')!;
    expect(etag).toMatch(/^".+"$/);
    const again = await image(url, { headers: { 'if-none-match': etag } });
    expect(again.response.status).toBe(304);
    expect(again.body.length).toBe(0);
    const head = await image(url, { method: 'HEAD' });
    expect([head.response.status, head.body.length]).toEqual([200, 0]);
    expect((await image(url, { method: 'POST' })).response.status).toBe(405);
  });

  it('answers 404 for images that do not exist', async () => {
    const { answer, gateway } = await workOf(endpoints.vrWork, { vr_code: DEMO_HOMES[2]!.vr_code });
    const base = answer.data.base_url;
    for (const url of [
      `${base}cube_${FACE_SIZE}/9/front.png`,
      `${base}cube_${FACE_SIZE}/0/sideways.png`,
      `${base}cube_1024/0/front.png`,
      `${gateway.baseUrl}/vr-assets/809999999999999999/cover.png`,
    ]) {
      expect((await image(url)).response.status, url).toBe(404);
    }
  });

  it('does not count image requests against the gateway rate limits', async () => {
    const { gateway, client } = await startTestGateway({ rateLimits: { perIpPerMinute: 3 } });
    const cover = `${gateway.baseUrl}/vr-assets/${DEMO_HOMES[0]!.vr_code}/cover.png`;
    for (let i = 0; i < 6; i++) expect((await image(cover)).response.status).toBe(200);
    expect((await client.tokenRequest({ app_key: client.appKey, app_secret: gateway.demoApp.appSecret })).code).toBe(0);
  });
});
